package cn.chuangwei.bench;

import cn.chuangwei.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node of the application in a JVM of its own, started by the benchmark ({@link NodeProcess}); its arguments are the
 * application's ({@link AppNode#args}). Time is the benchmark's: the file named by {@code -Dbench.clock} holds an
 * instant, read every 20 ms, and every node's clock and engine clock follow it. Every 200 ms the node writes its state
 * into the file named by {@code -Dbench.status}: its HTTP port once it serves, and the heap it used at its peak and what
 * collections left live. It runs until it is stopped (SIGTERM closes the application: the engine stops its job
 * executor and writes its metrics).
 */
public final class BenchNode {

    private BenchNode() {
    }

    public static void main(String[] args) throws Exception {
        Path clockFile = Path.of(System.getProperty("bench.clock"));
        Path status = Path.of(System.getProperty("bench.status"));
        TestClock clock = new TestClock();
        followClock(clock, clockFile);
        long started = System.nanoTime();
        HeapWatch heap = new HeapWatch();
        ConfigurableApplicationContext app = AppNode.start(Arrays.asList(args), clock);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        double startup = (System.nanoTime() - started) / 1e9;
        Thread writer = new Thread(() -> {
            while (true) {
                try {
                    write(status, "port=" + port + "\nstartup=" + startup + "\nheapUsedMb=" + heap.peakUsedMb()
                            + "\nheapLiveMb=" + heap.peakAfterGcMb() + "\n");
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
        }, "bench-status");
        writer.setDaemon(true);
        writer.start();
    }

    /** Sets the clock from the file now (it must hold an instant) and whenever the file changes. */
    private static void followClock(TestClock clock, Path file) throws Exception {
        String[] seen = {Files.readString(file).trim()};
        clock.set(Instant.parse(seen[0]));
        Thread t = new Thread(() -> {
            while (true) {
                try {
                    Thread.sleep(20);
                    String now = Files.readString(file).trim();
                    if (!now.isEmpty() && !now.equals(seen[0])) {
                        seen[0] = now;
                        clock.set(Instant.parse(now));
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    // a file being replaced: read again next time
                }
            }
        }, "bench-clock");
        t.setDaemon(true);
        t.start();
    }

    /** Writes the file whole, so that a reader never sees half of it. */
    static void write(Path file, String text) throws Exception {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
