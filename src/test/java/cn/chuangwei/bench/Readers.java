package cn.chuangwei.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Concurrent readers against a node's HTTP API: N threads, each sending the next request of a mix of kinds (the task
 * list, the overdue audit, the board, the indicators, ...) as the kind's users do (HTTP Basic, JSON), untimed for a
 * warm-up and then timed for a given duration. Any answer but 200 (or no answer) is an error: counted, and the first
 * few kept for the report, so that a run of refusals cannot pass for a fast one.
 */
final class Readers {

    /** How many error descriptions a run keeps. */
    static final int KEPT_ERRORS = 5;

    /**
     * A kind of request: its name in the report, its share of the mix (a weight, 1 for an equal share) and the
     * request it sends the i-th time (i counts that kind's requests from 0).
     */
    record Kind(String name, int weight, IntFunction<Latency.Call> call) {

        Kind {
            if (weight < 1) {
                throw new IllegalArgumentException("a kind's weight must be at least 1: " + name);
            }
        }

        Kind(String name, IntFunction<Latency.Call> call) {
            this(name, 1, call);
        }
    }

    /**
     * One kind's figures (or the total's) over the timed part: answers with 200, errors, the percentiles of the 200
     * answers' times in ms, and 200 answers per second.
     */
    record Stats(String kind, int requests, int errors, double p50, double p95, double p99, double perSecond) {

        String line() {
            return String.format(Locale.ROOT, "%-14s %7d ok %5d errors  p50 %7.1f  p95 %7.1f  p99 %7.1f ms  %8.1f/s",
                    kind, requests, errors, p50, p95, p99, perSecond);
        }
    }

    /** A run: the figures per kind in the mix's order, the total, the errors kept, and the timed seconds. */
    record Result(List<Stats> kinds, Stats total, int warmupErrors, List<String> firstErrors, double seconds) {

        Stats of(String kind) {
            return kinds.stream().filter(s -> s.kind().equals(kind)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no kind " + kind));
        }

        boolean clean() {
            return total.errors() == 0 && warmupErrors == 0;
        }

        /** Throws, naming the first errors, unless every request was answered with 200. */
        Result requireClean() {
            if (!clean()) {
                throw new IllegalStateException(total.errors() + " errors (and " + warmupErrors
                        + " in the warm-up) among the readers' requests, first: " + firstErrors);
            }
            return this;
        }

        String report() {
            StringBuilder out = new StringBuilder();
            for (Stats s : kinds) {
                out.append(s.line()).append('\n');
            }
            out.append(total.line()).append('\n');
            firstErrors.forEach(e -> out.append("error: ").append(e).append('\n'));
            return out.toString();
        }
    }

    private final String base;
    private final String password;

    /** Readers of the node at {@code http://127.0.0.1:port}, all signing in with the same password. */
    Readers(int port, String password) {
        this("http://127.0.0.1:" + port, password);
    }

    Readers(String base, String password) {
        this.base = base;
        this.password = password;
    }

    /** {@code threads} readers, untimed for {@code warmup}, then timed for {@code timed}. */
    Result run(int threads, Duration warmup, Duration timed, List<Kind> mix) throws Exception {
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("no kinds of request");
        }
        // The mix as a repeating schedule of kind indices, each kind as often as its weight.
        List<Integer> schedule = new ArrayList<>();
        for (int k = 0; k < mix.size(); k++) {
            schedule.addAll(Collections.nCopies(mix.get(k).weight(), k));
        }
        AtomicLong next = new AtomicLong();
        AtomicInteger[] perKind = new AtomicInteger[mix.size()];
        Arrays.setAll(perKind, k -> new AtomicInteger());
        Run run = new Run(mix.size());
        // HTTP/1.1 (no h2c upgrade attempt): the JDK client opens a connection per concurrent request and keeps them
        // in its pool, which has no size limit unless jdk.httpclient.connectionPoolSize sets one.
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long startedAt = System.nanoTime();
        long timedFrom = startedAt + warmup.toNanos();
        long timedTo = timedFrom + timed.toNanos();
        try {
            List<Future<?>> readers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                readers.add(pool.submit(() -> {
                    Thread.currentThread().setName("reader-" + Thread.currentThread().getId());
                    for (long now = System.nanoTime(); now < timedTo; now = System.nanoTime()) {
                        int k = schedule.get((int) (next.getAndIncrement() % schedule.size()));
                        Latency.Call call = mix.get(k).call().apply(perKind[k].getAndIncrement());
                        String error = send(http, call);
                        long took = System.nanoTime() - now;
                        run.record(k, now >= timedFrom, took, error == null ? null : mix.get(k).name() + " " + error);
                    }
                    return null;
                }));
            }
            for (Future<?> f : readers) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - timedFrom) / 1e9;
        List<Stats> kinds = new ArrayList<>();
        for (int k = 0; k < mix.size(); k++) {
            kinds.add(stats(mix.get(k).name(), run.times(k), run.errors(k), seconds));
        }
        Stats total = stats("total", run.times(-1), run.errors(-1), seconds);
        return new Result(kinds, total, run.warmupErrors, List.copyOf(run.kept), seconds);
    }

    /** Null for a 200 answer, else what went wrong. */
    private String send(HttpClient http, Latency.Call call) {
        String auth = Base64.getEncoder()
                .encodeToString((call.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
        try {
            HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create(base + call.path()))
                    .header("Authorization", "Basic " + auth).header("Accept", "application/json")
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (r.statusCode() == 200) {
                return null;
            }
            String body = new String(r.body(), StandardCharsets.UTF_8);
            return call + " answered " + r.statusCode() + ": " + body.substring(0, Math.min(200, body.length()));
        } catch (IOException e) {
            return call + " failed: " + e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return call + " interrupted";
        }
    }

    private static Stats stats(String kind, long[] nanos, int errors, double seconds) {
        Arrays.sort(nanos);
        return new Stats(kind, nanos.length, errors, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos.length / seconds);
    }

    private static double ms(long[] sorted, double share) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)] / 1e6;
    }

    /** What the readers saw, gathered under one lock (a request takes milliseconds; the lock takes nothing). */
    private static final class Run {

        private final List<List<Long>> times = new ArrayList<>();
        private final int[] errors;
        private final List<String> kept = new ArrayList<>();
        private int warmupErrors;

        Run(int kinds) {
            for (int k = 0; k < kinds; k++) {
                times.add(new ArrayList<>());
            }
            errors = new int[kinds];
        }

        synchronized void record(int kind, boolean timed, long nanos, String error) {
            if (error != null) {
                if (kept.size() < KEPT_ERRORS) {
                    kept.add((timed ? "" : "(warm-up) ") + error);
                }
                if (timed) {
                    errors[kind]++;
                } else {
                    warmupErrors++;
                }
            } else if (timed) {
                times.get(kind).add(nanos);
            }
        }

        /** A kind's times, or all of them for -1. */
        synchronized long[] times(int kind) {
            return (kind < 0 ? times.stream().flatMap(List::stream) : times.get(kind).stream())
                    .mapToLong(Long::longValue).toArray();
        }

        synchronized int errors(int kind) {
            return kind < 0 ? Arrays.stream(errors).sum() : errors[kind];
        }
    }
}
