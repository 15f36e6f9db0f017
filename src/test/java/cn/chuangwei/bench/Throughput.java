package cn.chuangwei.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;

/** Drives cases through their lifecycle on N threads: a warm-up, then the timed cases; returns cases per second. */
final class Throughput {

    private Throughput() {
    }

    static double casesPerSecond(int threads, int warmup, int measured, IntConsumer oneCase) throws Exception {
        return casesPerSecond(threads, warmup, measured, oneCase, () -> {
        });
    }

    /** The same, with something done between the warm-up and the timed cases (e.g. waiting for readers to start). */
    static double casesPerSecond(int threads, int warmup, int measured, IntConsumer oneCase, Between between)
            throws Exception {
        drive(threads, 0, warmup, oneCase);
        between.run();
        long started = System.nanoTime();
        drive(threads, warmup, warmup + measured, oneCase);
        return measured / ((System.nanoTime() - started) / 1e9);
    }

    /** Work between the warm-up and the timed cases. */
    interface Between {
        void run() throws Exception;
    }

    private static void drive(int threads, int from, int to, IntConsumer oneCase) throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                        oneCase.accept(i);
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
