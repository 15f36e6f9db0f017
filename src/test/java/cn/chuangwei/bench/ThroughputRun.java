package cn.chuangwei.bench;

import cn.chuangwei.support.TestClock;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One throughput run of one engine ({@link Variant}) in a JVM of its own: patrol cases from report to close, a warm-up
 * then the timed cases ({@link Throughput#casesPerSecond}), on the benchmark's database with the towns it seeded.
 *
 * <p>The orchestrator writes the towns ({@link #write(Path, List)}), then calls {@link #run(Variant, Settings, Path)}
 * (or {@link #start} and {@link #await} to do something while it runs). The run's JVM ({@link #main}) writes:
 * <ul>
 *   <li>{@code <out>}: properties {@code variant}, {@code casesPerSecond}, {@code cases} (timed), {@code seconds}
 *       (timed), {@code warmup}, {@code firstCase} (the first case number; the run used
 *       {@code firstCase .. firstCase + warmup + cases - 1}), read back as a {@link Result};</li>
 *   <li>{@code <out>.cases}: the process instance id of every case it drove, warm-up included, one a line;</li>
 *   <li>{@code <out>.log}: the JVM's output.</li>
 * </ul>
 * Case numbers: the bare engine's case i has business key {@code bare-i} ({@link BareEngine#businessKey}) and case id
 * {@code 10,000,000 + i}; the application's cases get their ids from its database. Runs on one database must therefore
 * use ranges of case numbers that do not overlap ({@code firstCase}).
 *
 * <p>Serving while driving ({@link Settings#serveWhileDriving}, the application only): after the warm-up the run writes
 * {@code <out>.status} (whole, atomically) with {@code port=<its HTTP port>}, then waits (up to 10 minutes) for a file
 * {@code <out>.go} to exist before it times its cases: the orchestrator reads the port ({@link #port}), starts its
 * readers, then creates the file ({@link #go}). When the timed cases are done the run writes {@code <out>} (so
 * {@link #timed} turns true) and goes on serving until a file {@code <out>.stop} exists ({@link #stop}; at most 10
 * minutes, then it stops anyway), then closes the node and exits. So: {@code start}, {@code port}, readers on, {@code go}, wait for
 * {@code timed} (or run the readers for a while and check {@code timed} after), readers off, {@code stop}, {@code await}.
 */
public final class ThroughputRun {

    /** The engine a run drives. */
    public enum Variant {
        /** The bare engine, authorizations off, nobody signed in. */
        BARE_OFF("bare-off"),
        /** The bare engine, authorizations on, each step signed in as its person (vanilla Camunda, no plugins). */
        BARE_ON("bare-on"),
        /** The application: its services, each step signed in as its person. */
        APP("app");

        final String id;

        Variant(String id) {
            this.id = id;
        }

        static Variant of(String id) {
            for (Variant v : values()) {
                if (v.id.equals(id)) {
                    return v;
                }
            }
            throw new IllegalArgumentException("variant is bare-off, bare-on or app, not " + id);
        }
    }

    /**
     * A run's settings.
     *
     * @param jdbcUrl           the benchmark's database (user and password postgres)
     * @param towns             the towns file ({@link #write(Path, List)})
     * @param threads           threads driving cases
     * @param warmup            cases driven before timing
     * @param measured          cases timed
     * @param firstCase         the run's first case number (fresh numbers for each run on one database)
     * @param clock             the application's clock (its {@link TestClock} is set to it); the bare engine runs on the
     *                          machine's clock, as before
     * @param smtpPort          the SMTP sink's port (the application's mails)
     * @param smoke             the application node's smoke settings ({@link AppNode#args})
     * @param serveWhileDriving the application only: hand its HTTP port over and wait for {@code <out>.go} after the
     *                          warm-up (see the class comment)
     */
    public record Settings(String jdbcUrl, Path towns, int threads, int warmup, int measured, int firstCase,
                           Instant clock, int smtpPort, boolean smoke, boolean serveWhileDriving) {
    }

    /** What a run measured: cases per second over its timed cases. */
    public record Result(Variant variant, double casesPerSecond, int cases, double seconds, int warmup, int firstCase,
                         List<String> processInstances) {
    }

    /** The options of the benchmark's node JVMs. */
    static final List<String> JVM = List.of("-Xmx1g", "-XX:+UseG1GC", "-Dfile.encoding=UTF-8", "-Duser.timezone=Asia/Shanghai");

    private ThroughputRun() {
    }

    // ---------------------------------------------------------------------------------------------- the orchestrator's side

    /** Runs the variant in a JVM of its own, waits for it (at most 2 hours) and returns what it measured. */
    public static Result run(Variant variant, Settings settings, Path out) throws Exception {
        return await(start(variant, settings, out), out, Duration.ofHours(2));
    }

    /** Starts the variant's JVM; its output goes to {@code <out>.log}. Files of an earlier run at {@code out} are removed. */
    public static Process start(Variant variant, Settings s, Path out) throws IOException {
        if (s.serveWhileDriving() && variant != Variant.APP) {
            throw new IllegalArgumentException("only the application serves while driving");
        }
        for (Path p : List.of(out, sibling(out, ".cases"), sibling(out, ".status"), sibling(out, ".go"),
                sibling(out, ".stop"), sibling(out, ".log"))) {
            Files.deleteIfExists(p);
        }
        if (out.toAbsolutePath().getParent() != null) {
            Files.createDirectories(out.toAbsolutePath().getParent());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM);
        String benchArgs = System.getProperty("bench.args");
        if (benchArgs != null && !benchArgs.isBlank()) {
            command.add("-Dbench.args=" + benchArgs);
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ThroughputRun.class.getName(),
                "variant=" + variant.id, "jdbc=" + s.jdbcUrl(), "towns=" + s.towns().toAbsolutePath(),
                "threads=" + s.threads(), "warmup=" + s.warmup(), "measured=" + s.measured(), "first=" + s.firstCase(),
                "clock=" + s.clock(), "smtp=" + s.smtpPort(), "smoke=" + s.smoke(), "serve=" + s.serveWhileDriving(),
                "out=" + out.toAbsolutePath()));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(sibling(out, ".log").toFile()).start();
    }

    /**
     * Waits for the run's JVM; a run that fails (non-zero exit) or outlasts the limit (then stopped) throws, with the
     * tail of its output.
     */
    public static Result await(Process run, Path out, Duration limit) throws Exception {
        if (!run.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            run.destroyForcibly().waitFor();
            throw new IllegalStateException("throughput run still running after " + limit + "; its output ends:\n" + tail(out));
        }
        if (run.exitValue() != 0) {
            throw new IllegalStateException("throughput run failed (exit " + run.exitValue() + "); its output ends:\n" + tail(out));
        }
        return result(out);
    }

    /** The port of a run serving while driving, once it has written it (after its warm-up). */
    public static int port(Path out, Duration limit) throws Exception {
        Path status = sibling(out, ".status");
        long until = System.nanoTime() + limit.toNanos();
        while (!Files.exists(status)) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("no " + status + " within " + limit);
            }
            Thread.sleep(50);
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(status, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return Integer.parseInt(p.getProperty("port"));
    }

    /** Lets a run serving while driving time its cases. */
    public static void go(Path out) throws IOException {
        Files.writeString(sibling(out, ".go"), "go\n");
    }

    /** Whether the run's timed cases are done (its result is written). */
    public static boolean timed(Path out) {
        return Files.exists(out);
    }

    /** Lets a run serving while driving close its node once its cases are done. */
    public static void stop(Path out) throws IOException {
        Files.writeString(sibling(out, ".stop"), "stop\n");
    }

    /** The towns as a TSV: campaignId, inspector, office, unitCode, head; one line a town. */
    public static void write(Path file, List<AppCases.Town> towns) throws IOException {
        List<String> lines = new ArrayList<>();
        for (AppCases.Town t : towns) {
            lines.add(t.campaignId() + "\t" + t.inspector() + "\t" + t.office() + "\t" + t.unitCode() + "\t" + t.head());
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    public static List<AppCases.Town> read(Path file) throws IOException {
        List<AppCases.Town> towns = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] f = line.split("\t", -1);
                if (f.length != 5) {
                    throw new IllegalArgumentException("a town is campaignId, inspector, office, unitCode, head: " + line);
                }
                towns.add(new AppCases.Town(Long.parseLong(f[0]), f[1], f[2], f[3], f[4]));
            }
        }
        return towns;
    }

    private static Result result(Path out) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(out, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new Result(Variant.of(p.getProperty("variant")), Double.parseDouble(p.getProperty("casesPerSecond")),
                Integer.parseInt(p.getProperty("cases")), Double.parseDouble(p.getProperty("seconds")),
                Integer.parseInt(p.getProperty("warmup")), Integer.parseInt(p.getProperty("firstCase")),
                Files.readAllLines(sibling(out, ".cases"), StandardCharsets.UTF_8));
    }

    private static String tail(Path out) {
        try {
            List<String> lines = Files.readAllLines(sibling(out, ".log"), StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no output: " + e + ")";
        }
    }

    static Path sibling(Path out, String suffix) {
        return out.resolveSibling(out.getFileName() + suffix);
    }

    // ---------------------------------------------------------------------------------------------- the run's JVM

    /** The run: arguments name=value as {@link #start} passes them; exits 0 with its files written, 1 on any failure. */
    public static void main(String[] args) {
        try {
            Map<String, String> a = new HashMap<>();
            for (String arg : args) {
                int eq = arg.indexOf('=');
                if (eq < 0) {
                    throw new IllegalArgumentException("arguments are name=value, not " + arg);
                }
                a.put(arg.substring(0, eq), arg.substring(eq + 1));
            }
            Variant variant = Variant.of(need(a, "variant"));
            Settings s = new Settings(need(a, "jdbc"), Path.of(need(a, "towns")), Integer.parseInt(need(a, "threads")),
                    Integer.parseInt(need(a, "warmup")), Integer.parseInt(need(a, "measured")),
                    Integer.parseInt(need(a, "first")), Instant.parse(need(a, "clock")), Integer.parseInt(need(a, "smtp")),
                    Boolean.parseBoolean(a.getOrDefault("smoke", "false")),
                    Boolean.parseBoolean(a.getOrDefault("serve", "false")));
            drive(variant, s, Path.of(need(a, "out")));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static String need(Map<String, String> a, String name) {
        String v = a.get(name);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("no " + name + "=...");
        }
        return v;
    }

    private static void drive(Variant variant, Settings s, Path out) throws Exception {
        List<AppCases.Town> towns = read(s.towns());
        if (towns.isEmpty()) {
            throw new IllegalArgumentException("no towns in " + s.towns());
        }
        List<String> driven = Collections.synchronizedList(new ArrayList<>());
        int first = s.firstCase();
        int n = towns.size();
        long started = System.nanoTime();
        double rate;
        if (variant == Variant.APP) {
            TestClock clock = new TestClock();
            clock.set(s.clock());
            try (ConfigurableApplicationContext app = AppNode.start(AppNode.args(s.jdbcUrl(), s.smtpPort(), "throughput",
                    false, s.smoke()), clock)) {
                AppCases cases = new AppCases(app, towns);
                started = System.nanoTime();
                rate = Throughput.casesPerSecond(s.threads(), s.warmup(), s.measured(),
                        i -> driven.add(cases.oneCase(first + i)), () -> {
                            if (s.serveWhileDriving()) {
                                int port = ((WebServerApplicationContext) app).getWebServer().getPort();
                                handOver(out, port);
                            }
                        });
                written(variant, s, out, driven, rate, started);
                if (s.serveWhileDriving()) {
                    await(sibling(out, ".stop"));
                }
            }
        } else {
            BareEngine.Authorizations checks = variant == Variant.BARE_ON ? BareEngine.Authorizations.ON
                    : BareEngine.Authorizations.OFF;
            try (BareEngine engine = new BareEngine(s.jdbcUrl(), "postgres", "postgres", 20, checks)) {
                started = System.nanoTime();
                rate = Throughput.casesPerSecond(s.threads(), s.warmup(), s.measured(),
                        i -> driven.add(engine.oneCase(first + i, towns.get((first + i) % n))));
                written(variant, s, out, driven, rate, started);
            }
        }
    }

    /** The run's cases, then its result (the result last: its being there says the run's files are whole). */
    private static void written(Variant variant, Settings s, Path out, List<String> driven, double rate, long started)
            throws Exception {
        double all = (System.nanoTime() - started) / 1e9;
        Files.write(sibling(out, ".cases"), driven, StandardCharsets.UTF_8);
        BenchNode.write(out, "variant=" + variant.id + "\ncasesPerSecond=" + rate + "\ncases=" + s.measured()
                + "\nseconds=" + s.measured() / rate + "\nwarmup=" + s.warmup() + "\nfirstCase=" + s.firstCase()
                + "\nsecondsWithWarmup=" + all + "\n");
        System.out.printf("throughput | %s: %.2f cases/s over %d cases%n", variant.id, rate, s.measured());
    }

    /** Writes the port, then waits for the orchestrator's go (see the class comment). */
    private static void handOver(Path out, int port) throws Exception {
        BenchNode.write(sibling(out, ".status"), "port=" + port + "\n");
        if (!await(sibling(out, ".go"))) {
            throw new IllegalStateException("no " + sibling(out, ".go") + " within 10 minutes");
        }
    }

    /** Waits until the orchestrator's file exists, at most 10 minutes; whether it came. */
    private static boolean await(Path file) throws Exception {
        long until = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > until) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
