package cn.chuangwei.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.IntFunction;

/** Times GET requests to a node's API, as its users send them (HTTP Basic), and gives their percentiles. */
final class Latency {

    record Percentiles(double p50, double p95, double p99, int requests) {
    }

    /** A request: who sends it and the path. */
    record Call(String user, String path) {
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int port;
    private final String password;

    Latency(int port, String password) {
        this.port = port;
        this.password = password;
    }

    /** {@code warmup} untimed calls, then {@code runs} timed ones; any answer but 200 stops the benchmark. */
    Percentiles measure(int warmup, int runs, IntFunction<Call> call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            send(call.apply(i));
        }
        double[] ms = new double[runs];
        for (int i = 0; i < runs; i++) {
            Call c = call.apply(warmup + i);
            long started = System.nanoTime();
            send(c);
            ms[i] = (System.nanoTime() - started) / 1e6;
        }
        Arrays.sort(ms);
        return new Percentiles(at(ms, 0.50), at(ms, 0.95), at(ms, 0.99), runs);
    }

    private void send(Call c) throws Exception {
        String auth = Base64.getEncoder().encodeToString((c.user() + ":" + password).getBytes(StandardCharsets.UTF_8));
        HttpResponse<byte[]> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + c.path()))
                .header("Authorization", "Basic " + auth).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(c + " answered " + r.statusCode() + ": "
                    + new String(r.body(), StandardCharsets.UTF_8));
        }
    }

    private static double at(double[] sorted, double share) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(share * sorted.length) - 1)];
    }
}
