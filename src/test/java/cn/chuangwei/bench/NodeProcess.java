package cn.chuangwei.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A {@link BenchNode} in a JVM of its own, started by the benchmark with the JVM options every node of the benchmark
 * gets, and the classpath of the benchmark's own JVM. Its output goes to a log file beside its status file; a node that
 * dies or does not come up stops the benchmark with the log's tail.
 */
final class NodeProcess implements AutoCloseable {

    /** The JVM options of every node and throughput run: the same heap limit and collector everywhere. */
    static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8",
            "-Duser.timezone=Asia/Shanghai");

    final String name;
    private final Process process;
    private final Path status;
    private final Path log;
    /** Seconds from launching the JVM until the node answered on its port. */
    final double startSeconds;
    final int port;

    private NodeProcess(String name, Process process, Path status, Path log, double startSeconds, int port) {
        this.name = name;
        this.process = process;
        this.status = status;
        this.log = log;
        this.startSeconds = startSeconds;
        this.port = port;
    }

    /** Launches the node and waits until it serves (at most the limit). */
    static NodeProcess start(String name, List<String> appArgs, Path clockFile, Path dir, Duration limit)
            throws Exception {
        Files.createDirectories(dir);
        Path status = dir.resolve(name + ".status");
        Path log = dir.resolve(name + ".log");
        Files.deleteIfExists(status);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(JVM);
        cmd.add("-Dbench.clock=" + clockFile);
        cmd.add("-Dbench.status=" + status);
        cmd.add("-Dbench.args=" + System.getProperty("bench.args", ""));
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(BenchNode.class.getName());
        cmd.addAll(appArgs);
        long started = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long until = System.nanoTime() + limit.toNanos();
        while (true) {
            Properties s = read(status);
            if (s != null && s.getProperty("port") != null) {
                return new NodeProcess(name, p, status, log, (System.nanoTime() - started) / 1e9,
                        Integer.parseInt(s.getProperty("port")));
            }
            if (!p.isAlive() || System.nanoTime() > until) {
                p.destroyForcibly();
                throw new IllegalStateException("node " + name + " did not start (exit "
                        + (p.isAlive() ? "none" : p.exitValue()) + "):\n" + tail(log));
            }
            Thread.sleep(50);
        }
    }

    long pid() {
        return process.pid();
    }

    /** The node's latest state: port, heap figures, its engine's and outbox's counters. */
    Properties state() throws IOException {
        Properties s = read(status);
        if (s == null || !process.isAlive()) {
            throw new IllegalStateException("node " + name + " is gone:\n" + tail(log));
        }
        return s;
    }

    double stateValue(String key) throws IOException {
        return Double.parseDouble(state().getProperty(key, "0"));
    }

    /** Holds the node (SIGSTOP) while it is idle, so that it takes no part in a burst; {@link #resume()} lets it go on. */
    void hold() throws Exception {
        signal("STOP");
    }

    void resume() throws Exception {
        signal("CONT");
    }

    private void signal(String sig) throws Exception {
        Process k = new ProcessBuilder("kill", "-" + sig, String.valueOf(process.pid())).inheritIO().start();
        if (k.waitFor() != 0) {
            throw new IllegalStateException("kill -" + sig + " " + process.pid() + " failed");
        }
    }

    /** Stops the node as an operator would (SIGTERM: the application closes), killing it if it takes over a minute. */
    @Override
    public void close() throws Exception {
        if (process.isAlive()) {
            signal("CONT");
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Properties read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        Properties p = new Properties();
        try (var in = Files.newBufferedReader(file)) {
            p.load(in);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        }
        return p;
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
