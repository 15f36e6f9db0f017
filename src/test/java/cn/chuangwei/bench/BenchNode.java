package cn.chuangwei.bench;

import cn.chuangwei.support.TestClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.impl.metrics.MetricsRegistry;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A node of the application in a JVM of its own, started by the benchmark ({@link NodeProcess}); its arguments are the
 * application's ({@link AppNode#args}). Time is the benchmark's: the file named by {@code -Dbench.clock} holds an
 * instant, read every 20 ms, and every node's clock and engine clock follow it. Every 200 ms the node writes its state
 * into the file named by {@code -Dbench.status}: its HTTP port once it serves, and the heap it used at its peak and what
 * collections left live, the engine's job-executor meters and the outbox's won and lost claims. It runs until it is stopped (SIGTERM closes the application: the engine stops its job
 * executor and writes its metrics).
 */
public final class BenchNode {

    /** The engine's meters of the job executor's work, written to the status file under their own names. */
    static final List<String> METERS = List.of(Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS,
            Metrics.JOB_ACQUIRED_FAILURE, Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED,
            Metrics.JOB_LOCKED_EXCLUSIVE);

    private BenchNode() {
    }

    public static void main(String[] args) throws Exception {
        Path clockFile = Path.of(System.getProperty("bench.clock"));
        Path status = Path.of(System.getProperty("bench.status"));
        TestClock clock = new TestClock();
        followClock(clock, clockFile);
        long started = System.nanoTime();
        HeapWatch heap = new HeapWatch();
        List<String> settings = new ArrayList<>(Arrays.asList(args));
        // the engine's meters stay in memory (never written to the database and cleared), so that the benchmark reads
        // them whole from the status file
        settings.add("--camunda.bpm.metrics.db-reporter-activate=false");
        ConfigurableApplicationContext app = AppNode.start(settings, clock);
        MetricsRegistry meters = ((ProcessEngineConfigurationImpl) app.getBean(ProcessEngine.class)
                .getProcessEngineConfiguration()).getMetricsRegistry();
        MeterRegistry micrometer = app.getBean(MeterRegistry.class);
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        double startup = (System.nanoTime() - started) / 1e9;
        Thread writer = new Thread(() -> {
            while (true) {
                try {
                    StringBuilder text = new StringBuilder("port=" + port + "\nstartup=" + startup + "\nheapUsedMb="
                            + heap.peakUsedMb() + "\nheapLiveMb=" + heap.peakAfterGcMb() + "\n");
                    for (String meter : METERS) {
                        Meter m = meters.getDbMeterByName(meter);
                        text.append(meter).append('=').append(m == null ? 0 : m.get()).append('\n');
                    }
                    for (String outcome : new String[] {"won", "lost"}) {
                        Counter c = micrometer.find("chuangwei.outbox.claims").tag("outcome", outcome).counter();
                        text.append("outbox-claims-").append(outcome).append('=')
                                .append(c == null ? 0 : (long) c.count()).append('\n');
                    }
                    write(status, text.toString());
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
