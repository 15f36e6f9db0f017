package cn.chuangwei.bench;

import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.campaign.CampaignRequest.PhaseDates;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.patrol.CaseService;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 18's province-scale benchmark on a real PostgreSQL (embedded, started here), printing a table and writing it to
 * {@code bench/results/}. Run it with {@code ./mvnw -Pbench verify} (full) or {@code -Dbench.scale=smoke}.
 * <ol>
 * <li>Seeding at scale through the application (a node in this JVM), the history by SQL, then VACUUM ANALYZE.</li>
 * <li>The patrol-case lifecycle, as people take it (open the task and its form, then complete), three ways, each in a
 * JVM of its own ({@link ThroughputRun}): the bare engine without authorizations, the bare engine with them (the same
 * users, groups and authorization rows), and the application; the order turns from run to run; at least three runs.</li>
 * <li>Queries under load: 16 readers mixing the task list, the overdue audit, the board and the indicators while the
 * application drives cases.</li>
 * <li>Deadline bursts on one node in a JVM of its own, without a CPU quota: escalations per second, CPU per escalation
 * (the node's and the database's), SQL statements per escalation (pg_stat_statements), the node's heap and cold
 * start.</li>
 * <li>Scale-out at a fixed CPU quota per node: the database and this JVM (the SMTP sink) on one core, one, two and three
 * nodes on the other, each node under the same quota.</li>
 * </ol>
 *
 * <p>Time is the engine's and the application's test clock, moved, never slept: in this JVM the {@link TestClock}; in
 * the nodes' JVMs a file they follow ({@link BenchNode}). Campaigns start on Monday 8 March 2027 at 09:30; each group
 * of campaigns has its running tasks due on a working day of its own from Friday 12 March, at 18:00, so that every
 * burst is a group's deadlines falling due at once. The reminders and daily checks, which in a real campaign run on
 * the mornings before, are held (their job definitions suspended).
 */
public final class ProvinceBenchmark {

    static final String PASSWORD = Fixture.PASSWORD;
    static final LocalDateTime T0 = LocalDateTime.of(2027, 3, 8, 9, 30);
    static final LocalDate START = T0.toLocalDate();
    static final LocalDate FIRST_DEADLINE = LocalDate.of(2027, 3, 12);
    static final Set<String> HELD_TIMERS = Set.of("UnitReminderBefore", "UnitReminderOnDay", "UnitDailyCheck");
    static final String TASK_LIST = "a unit head's task list (GET /api/tasks)";
    static final String AUDIT = "supervisors' overdue audit (GET /api/supervision/overdue)";
    static final String BOARD = "command board data (GET /api/dashboard/{id})";
    static final String INDICATORS = "board's patrol indicators (GET /api/cases/stats)";
    /** The CPU quota of each node in the scale-out, in cores: three nodes fill 90 % of the nodes' core. */
    static final double QUOTA = Double.parseDouble(System.getProperty("bench.quota", "0.3"));

    private final Scale scale;
    private final Results results;
    private final TestClock clock = new TestClock();
    private final Path work;
    private final Path clockFile;
    private EmbeddedPostgres postgres;
    private DataSource db;
    private JdbcClient jdbc;
    private DatabaseCpu databaseCpu;
    private Statements statements;
    private Connection statementsConnection;
    private GreenMail smtp;
    private int smtpPort;
    /** The campaigns of each deadline group, in the order of their deadline days. */
    private final List<List<Long>> groups = new ArrayList<>();
    private final List<AppCases.Town> towns = new ArrayList<>();
    private final List<String> heads = new ArrayList<>();
    private int nextGroup;
    private int nextCase;
    /** Nodes started and not yet stopped: stopped whatever happens, before the database. */
    private final List<AutoCloseable> open = new ArrayList<>();

    ProvinceBenchmark(Scale scale) {
        this.scale = scale;
        this.results = new Results(scale);
        this.work = Path.of("target", "bench-" + scale.name()).toAbsolutePath();
        this.clockFile = work.resolve("clock");
    }

    public static void main(String[] args) throws Exception {
        Scale scale = Scale.named(System.getProperty("bench.scale", "full"));
        Path out = Path.of(System.getProperty("bench.out", "bench/results"));
        long started = System.nanoTime();
        try {
            Results r = new ProvinceBenchmark(scale).run();
            r.add("run", "whole benchmark run", (System.nanoTime() - started) / 60e9, "min");
            System.out.println("bench | written to " + r.write(out));
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    Results run() throws Exception {
        Files.createDirectories(work);
        setClock(T0);
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements");
        // for profiling: PostgreSQL settings as name=value,name=value (e.g. log_min_duration_statement=50)
        for (String setting : System.getProperty("bench.pg", "").split(",")) {
            if (setting.contains("=")) {
                database.setServerConfig(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        postgres = database.start();
        db = postgres.getPostgresDatabase();
        jdbc = JdbcClient.create(db);
        databaseCpu = new DatabaseCpu(db);
        statementsConnection = db.getConnection();
        statements = new Statements(statementsConnection);
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            settings();
            measure();
            return results;
        } finally {
            List<AutoCloseable> last = new ArrayList<>(open);
            Collections.reverse(last);
            for (AutoCloseable node : last) {
                try {
                    node.close();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
            if (Cgroups.available()) {
                unpin();
            }
            smtp.stop();
            statementsConnection.close();
            postgres.close();
            clock.reset();
        }
    }

    private void settings() throws Exception {
        results.setting("scale", scale);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select version(), current_setting('shared_buffers'), current_setting('fsync')");
            rs.next();
            results.setting("database", rs.getString(1) + "; shared_buffers " + rs.getString(2) + ", fsync "
                    + rs.getString(3) + " (zonky embedded PostgreSQL on this machine), pg_stat_statements loaded");
        }
        results.setting("throughput", "three variants, each in a JVM of its own with " + NodeProcess.JVM + ": "
                + "the bare engine without authorizations, the bare engine with them (vanilla Camunda: no plugin), the"
                + " application; each step opens the task and its form, then completes; " + scale.runs() + " runs, the order turned each run; " + scale.threads()
                + " threads, " + scale.warmupCases() + " cases of warm-up then " + scale.measuredCases() + " timed");
        results.setting("JVM options of this JVM (seeding, driving, SMTP sink)", String.join(" ",
                ManagementFactory.getRuntimeMXBean().getInputArguments()));
    }

    private void measure() throws Exception {
        seed();
        throughput();
        readersUnderLoad();
        oneNodeBursts();
        scaleOut();
        results.add("health", "failed jobs after the run", count("select count(*) from act_ru_job where retries_ = 0"),
                "jobs", Results.Target.atMost(0));
        results.add("health", "mails not delivered after the run",
                count("select count(*) from mail_outbox where status <> 'SENT'"), "mails", Results.Target.atMost(0));
    }

    // ---------------------------------------------------------------------------------------------- 1. seeding

    private void seed() throws Exception {
        long started = System.nanoTime();
        ConfigurableApplicationContext node = AppNode.start(AppNode.args(url(), smtpPort, "seed", true,
                scale == Scale.SMOKE), clock);
        try {
            results.add("resources", "start-up of a node in this JVM, empty database", seconds(started), "s");
            started = System.nanoTime();
            seedCampaigns(node);
            results.add("scale", "campaigns seeded through the application", groups.stream().mapToInt(List::size).sum(),
                    "campaigns");
            results.add("scale", "decomposed tasks (task_row)", count("select count(*) from task_row"), "rows");
            results.add("scale", "running tasks live in the engine", count("select count(*) from act_ru_task"), "tasks");
            results.add("scale", "timers waiting in the engine", count("select count(*) from act_ru_job"), "jobs");
            results.add("scale", "seeding the campaigns (setup, phase start, mails sent)", seconds(started), "s");
            started = System.nanoTime();
            long historic = HistorySeed.seed(jdbc, scale.historicCases(), scale.historicTasks(), T0);
            results.add("scale", "patrol cases", count("select count(*) from patrol_case"), "cases");
            results.add("scale", "historic task rows (act_hi_taskinst)", historic, "rows",
                    Results.Target.atLeast(scale.historicTasks()));
            results.add("scale", "seeding the history (SQL)", seconds(started), "s");
            results.add("scale", "authorization rows (act_ru_authorization)", count(
                    "select count(*) from act_ru_authorization"), "rows");
        } finally {
            node.close();
        }
        started = System.nanoTime();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("vacuum analyze");
        }
        results.add("scale", "VACUUM ANALYZE after seeding", seconds(started), "s");
    }

    /** The campaigns, two at a time, each with its town's people; waits until their phases run and mails went out. */
    private void seedCampaigns(ConfigurableApplicationContext node) throws Exception {
        IdentityService identity = node.getBean(IdentityService.class);
        CampaignSetupService setup = node.getBean(CampaignSetupService.class);
        AppCases signIn = new AppCases(node, List.of());
        CaseService cases = node.getBean(CaseService.class);
        int groupCount = scale.groups();
        List<LocalDate> days = deadlineDays(groupCount);
        for (int g = 0; g < groupCount; g++) {
            groups.add(Collections.synchronizedList(new ArrayList<>()));
        }
        List<AppCases.Town> seeded = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> jobs = new ArrayList<>();
        for (int c = 0; c < scale.campaigns(); c++) {
            int g = c % groupCount;
            int n = c;
            jobs.add(pool.submit(() -> {
                Fixture f = new Fixture(identity);
                long id = setup.create(campaign(f, days.get(g)), f.office);
                signIn.as(f.office, () -> cases.saveGrids(id, List.of(new CaseService.Grid("G1", "第一网格",
                        f.supervisors.get(0)))));
                groups.get(g).add(id);
                seeded.add(new AppCases.Town(id, f.supervisors.get(0), f.office, f.unit("cgzx"), f.head("cgzx")));
                synchronized (heads) {
                    heads.add(f.head(n % 2 == 0 ? "wsy" : "c1"));
                }
                return null;
            }));
        }
        for (Future<?> f : jobs) {
            f.get();
        }
        pool.shutdown();
        seeded.sort((a, b) -> Long.compare(a.campaignId(), b.campaignId()));
        towns.addAll(seeded);
        long live = (long) scale.campaigns() * scale.liveTasks();
        await(Duration.ofMinutes(20), "every campaign's running phase has its tasks",
                () -> count("select count(*) from act_ru_task where task_def_key_ = 'unitTask'") >= live);
        awaitMailsSent(Duration.ofMinutes(10));
        ManagementService management = node.getBean(ManagementService.class);
        for (JobDefinition d : management.createJobDefinitionQuery().processDefinitionKey("campaign-phase").list()) {
            if (HELD_TIMERS.contains(d.getActivityId())) {
                management.suspendJobDefinitionById(d.getId(), true);
            }
        }
        long held = count("select count(*) from act_ru_job where suspension_state_ = 2");
        if (held < live * 3) {
            throw new IllegalStateException("held " + held + " reminders and daily checks, expected " + live * 3);
        }
    }

    /** Working days from Friday 12 March 2027, one a deadline group (March 2027 has no public holiday). */
    static List<LocalDate> deadlineDays(int n) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = FIRST_DEADLINE; days.size() < n; d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                days.add(d);
            }
        }
        return days;
    }

    /**
     * A campaign of the fixture's town: its first phase (宣传发动) long enough to hold every group's deadline day, the
     * others ten days each after it; the running phase's tasks all due on the group's day, the later phases' spread.
     */
    private CampaignRequest campaign(Fixture f, LocalDate deadline) {
        CampaignRequest small = f.small(START, List.of(), false);
        List<PhaseDates> phases = new ArrayList<>();
        LocalDate s = START;
        for (Phase ph : Phase.values()) {
            LocalDate end = ph.ordinal() == 0 ? START.plusDays(39) : s.plusDays(9);
            phases.add(new PhaseDates(ph.name(), s, end));
            s = end.plusDays(1);
        }
        List<TaskRequest> rows = new ArrayList<>();
        for (int i = 0; i < scale.rowsPerCampaign(); i++) {
            String unit = f.units.get(i % f.units.size()).code();
            if (i < scale.liveTasks()) {
                rows.add(new TaskRequest("MOBILIZATION", "宣传发动任务" + i, "按方案完成", unit, null, deadline.toString(), false,
                        null));
            } else {
                Phase phase = Phase.values()[1 + i % 4];
                LocalDate due = phases.get(phase.ordinal()).startDate().plusDays(7);
                rows.add(new TaskRequest(phase.name(), phase.zh() + "任务" + i, "按标准完成", unit, null, due.toString(),
                        i % 25 == 0, null));
            }
        }
        return new CampaignRequest(small.name(), small.town(), small.kind(), small.level(), small.template(),
                small.standard(), small.startDate(), phases, small.leadingGroup(), small.office(), small.supervisors(),
                small.units(), rows, small.draft());
    }

    // ---------------------------------------------------------------------------------------------- 2. throughput

    /** What one run of one variant read and wrote in the database, per case. */
    record Work(double casesPerSecond, double commits, double written, double read, Map<String, Long> tables) {
    }

    private void throughput() throws Exception {
        ThroughputRun.Variant[] variants = ThroughputRun.Variant.values();
        nextCase = 0;
        Map<ThroughputRun.Variant, List<Work>> runs = new LinkedHashMap<>();
        for (ThroughputRun.Variant v : variants) {
            runs.put(v, new ArrayList<>());
        }
        List<Double> toBareOn = new ArrayList<>();
        List<Double> toBareOff = new ArrayList<>();
        int cases = scale.warmupCases() + scale.measuredCases();
        Path townsFile = work.resolve("towns.tsv");
        ThroughputRun.write(townsFile, towns);
        for (int r = 0; r < scale.runs(); r++) {
            Map<ThroughputRun.Variant, Work> thisRun = new HashMap<>();
            for (int k = 0; k < variants.length; k++) {
                ThroughputRun.Variant v = variants[(k + r) % variants.length];
                long[] before = databaseWork();
                Map<String, Long> scansBefore = tableScans();
                ThroughputRun.Result result = ThroughputRun.run(v, settings(v, townsFile, false), runFile(v));
                long[] w = minus(databaseWork(), before);
                Work one = new Work(result.casesPerSecond(), (double) w[0] / cases, (double) w[1] / cases,
                        (double) w[2] / cases, minus(tableScans(), scansBefore));
                thisRun.put(v, one);
                runs.get(v).add(one);
                System.out.printf("bench | run %d: %s %.1f cases/s, %.0f rows read a case%n", r + 1, v,
                        result.casesPerSecond(), one.read());
            }
            double app = thisRun.get(ThroughputRun.Variant.APP).casesPerSecond();
            toBareOn.add(app / thisRun.get(ThroughputRun.Variant.BARE_ON).casesPerSecond());
            toBareOff.add(app / thisRun.get(ThroughputRun.Variant.BARE_OFF).casesPerSecond());
        }
        String threads = " (" + scale.threads() + " threads)";
        for (ThroughputRun.Variant v : variants) {
            List<Work> w = runs.get(v);
            results.runs("throughput", label(v) + ": patrol cases, report to close" + threads,
                    w.stream().mapToDouble(Work::casesPerSecond).toArray(), "cases/s", null);
        }
        results.runs("throughput", "application / bare engine with authorizations", toArray(toBareOn), "ratio",
                Results.Target.atLeast(0.90));
        results.runs("throughput", "application / bare engine without authorizations", toArray(toBareOff), "ratio",
                Results.Target.atLeast(0.70));
        for (ThroughputRun.Variant v : variants) {
            List<Work> w = runs.get(v);
            results.runs("throughput", label(v) + ": database transactions per case",
                    w.stream().mapToDouble(Work::commits).toArray(), "commits", null);
            results.runs("throughput", label(v) + ": rows written per case",
                    w.stream().mapToDouble(Work::written).toArray(), "rows", null);
            results.runs("throughput", label(v) + ": rows and index entries read per case",
                    w.stream().mapToDouble(Work::read).toArray(), "rows", null);
        }
        double appRead = median(runs.get(ThroughputRun.Variant.APP).stream().mapToDouble(Work::read).toArray());
        double bareOnRead = median(runs.get(ThroughputRun.Variant.BARE_ON).stream()
                .mapToDouble(Work::read).toArray());
        results.add("throughput", "rows read per case: application / bare engine with authorizations",
                appRead / bareOnRead, "ratio", Results.Target.atMost(3));
        for (ThroughputRun.Variant v : variants) {
            Map<String, Long> sum = new HashMap<>();
            runs.get(v).forEach(w -> w.tables().forEach((t, n) -> sum.merge(t, n, Long::sum)));
            int all = cases * runs.get(v).size();
            sum.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(4)
                    .forEach(e -> results.add("throughput", label(v) + ": rows and index entries read per case from "
                            + e.getKey(), (double) e.getValue() / all, "rows"));
        }
    }

    static String label(ThroughputRun.Variant v) {
        return switch (v) {
            case BARE_OFF -> "bare engine without authorizations";
            case BARE_ON -> "bare engine with authorizations";
            case APP -> "application";
        };
    }

    /** A run's settings: the next fresh case numbers, the benchmark's start as the application's clock. */
    private ThroughputRun.Settings settings(ThroughputRun.Variant v, Path townsFile, boolean serve) {
        ThroughputRun.Settings s = new ThroughputRun.Settings(url(), townsFile, scale.threads(), scale.warmupCases(),
                scale.measuredCases(), 1_000_000 + nextCase, T0.atZone(TestClock.ZONE).toInstant(), smtpPort,
                scale == Scale.SMOKE, serve);
        nextCase += scale.warmupCases() + scale.measuredCases();
        return s;
    }

    private Path runFile(ThroughputRun.Variant v) throws IOException {
        Path dir = work.resolve("runs");
        Files.createDirectories(dir);
        return dir.resolve(v.name().toLowerCase(java.util.Locale.ROOT) + "-" + nextCase + ".properties");
    }

    // ---------------------------------------------------------------------------------------------- 3. readers

    private void readersUnderLoad() throws Exception {
        String month = FIRST_DEADLINE.getYear() + "-" + String.format("%02d", FIRST_DEADLINE.getMonthValue());
        int n = towns.size();
        List<Readers.Kind> mix = List.of(
                new Readers.Kind(TASK_LIST, 1, i -> new Latency.Call(heads.get(i * 7 % heads.size()), "/api/tasks")),
                new Readers.Kind(AUDIT, 1, i -> {
                    AppCases.Town t = towns.get(i * 7 % n);
                    return new Latency.Call(t.inspector(), "/api/supervision/overdue?campaignId=" + t.campaignId());
                }),
                new Readers.Kind(BOARD, 1, i -> {
                    AppCases.Town t = towns.get(i * 7 % n);
                    return new Latency.Call(t.office(), "/api/dashboard/" + t.campaignId());
                }),
                new Readers.Kind(INDICATORS, 1, i -> {
                    AppCases.Town t = towns.get(i * 7 % n);
                    return new Latency.Call(t.office(), "/api/cases/stats?campaignId=" + t.campaignId() + "&month=" + month);
                }));
        ThroughputRun.Settings s = settings(ThroughputRun.Variant.APP, work.resolve("towns.tsv"), true);
        Path out = runFile(ThroughputRun.Variant.APP);
        Process run = ThroughputRun.start(ThroughputRun.Variant.APP, s, out);
        Readers.Result report;
        boolean drivenThroughout;
        try {
            int port = ThroughputRun.port(out, Duration.ofMinutes(10));
            ThroughputRun.go(out);
            report = new Readers(port, PASSWORD).run(16, scale.readersWarmup(), scale.readersDuration(), mix);
            drivenThroughout = !ThroughputRun.timed(out);
            ThroughputRun.stop(out);
        } catch (Exception e) {
            run.destroyForcibly();
            throw e;
        }
        ThroughputRun.Result driven = ThroughputRun.await(run, out, Duration.ofMinutes(30));
        results.add("queries", "16 readers: application's patrol cases driven meanwhile (" + scale.threads()
                + " threads)", driven.casesPerSecond(), "cases/s");
        results.add("queries", "16 readers: cases still being driven when the readers stopped", drivenThroughout ? 1 : 0,
                "yes=1");
        Map<String, Integer> targets = Map.of(TASK_LIST, 50, AUDIT, 100, BOARD, 200);
        for (Readers.Stats k : report.kinds()) {
            Integer target = targets.get(k.kind());
            results.add("queries", "16 readers: " + k.kind() + " p50", k.p50(), "ms");
            results.add("queries", "16 readers: " + k.kind() + " p95", k.p95(), "ms",
                    target == null ? null : Results.Target.atMost(target));
            results.add("queries", "16 readers: " + k.kind() + " p99", k.p99(), "ms");
            results.add("queries", "16 readers: " + k.kind() + " answered", k.perSecond(), "/s");
            results.add("queries", "16 readers: " + k.kind() + " errors", k.errors(), "requests",
                    Results.Target.atMost(0));
        }
        if (!report.firstErrors().isEmpty()) {
            results.setting("readers' first errors", report.firstErrors());
        }
    }

    // ---------------------------------------------------------------------------------------------- 4. one node

    private void oneNodeBursts() throws Exception {
        NodeProcess node = startNode("node1");
        results.add("resources", "cold start of a node JVM at full data (launch to serving)", node.startSeconds, "s",
                Results.Target.atMost(20));
        List<Burst> bursts = new ArrayList<>();
        for (int r = 0; r < scale.runs(); r++) {
            bursts.add(burst(List.of(node), Map.of(node.name, () -> ProcCpu.millis(node.pid()))));
        }
        report("one node, no quota", bursts);
        results.runs("burst", "one node, no quota: escalations per second", bursts.stream().mapToDouble(Burst::rate)
                .toArray(), "/s", Results.Target.atLeast(200));
        results.runs("burst", "one node, no quota: CPU per escalation, node and database", bursts.stream()
                .mapToDouble(b -> b.nodeCpuPerStep() + b.dbCpuPerStep()).toArray(), "ms", Results.Target.atMost(10));
        results.add("resources", "heap in use at its peak (garbage included), one node", node.stateValue("heapUsedMb"),
                "MB");
        results.add("resources", "heap live after collection at its peak, one node", node.stateValue("heapLiveMb"),
                "MB", Results.Target.atMost(256));
        close(node);
    }

    // ---------------------------------------------------------------------------------------------- 5. scale-out

    private void scaleOut() throws Exception {
        String why = Cgroups.unavailable().orElse(null);
        if (why == null) {
            // the database and this JVM (the SMTP sink, the driver) on the first core, the nodes on the second
            for (long pid : postgresPids()) {
                Cgroups.pin(pid, "0");
            }
            Cgroups.pin(ProcessHandle.current().pid(), "0");
        }
        List<NodeProcess> nodes = new ArrayList<>();
        Map<String, java.util.function.DoubleSupplier> cpu = new HashMap<>();
        List<Cgroups.Group> quotas = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            NodeProcess node = startNode("node" + n);
            if (why == null) {
                Cgroups.Group g = Cgroups.create("cw-" + node.name, QUOTA);
                open.add(g);
                quotas.add(g);
                g.add(node.pid());
                Cgroups.pin(node.pid(), "1");
                cpu.put(node.name, g::cpuMillis);
            } else {
                cpu.put(node.name, () -> ProcCpu.millis(node.pid()));
            }
            nodes.add(node);
        }
        results.setting("scale-out", why == null ? Cgroups.say() + "; the database and the benchmark's JVM (SMTP sink)"
                + " pinned to CPU 0, the nodes to CPU 1, each node under " + QUOTA + " CPU"
                : "no CPU quota or pinning: " + why);
        // warm-up: every node through a burst of its own share, unmeasured, so that none is measured cold
        burst(nodes, cpu);
        Map<Integer, List<Burst>> byNodes = new LinkedHashMap<>();
        for (int n = 1; n <= 3; n++) {
            byNodes.put(n, new ArrayList<>());
        }
        int[][] orders = {{1, 2, 3}, {3, 1, 2}, {2, 3, 1}};
        for (int r = 0; r < scale.runs(); r++) {
            for (int n : orders[r % orders.length]) {
                List<NodeProcess> active = nodes.subList(0, n);
                for (NodeProcess node : nodes) {
                    if (active.contains(node)) {
                        node.resume();
                    } else {
                        node.hold();
                    }
                }
                byNodes.get(n).add(burst(active, cpu));
            }
        }
        for (NodeProcess node : nodes) {
            node.resume();
        }
        String label = why == null ? "at " + QUOTA + " CPU a node" : "no quota (" + why + ")";
        double[] rates = new double[4];
        double[] nodeCpu = new double[4];
        for (var e : byNodes.entrySet()) {
            int n = e.getKey();
            List<Burst> b = e.getValue();
            String who = n + (n == 1 ? " node " : " nodes ") + label;
            report(who, b);
            rates[n] = results.runs("burst", who + ": escalations per second", b.stream().mapToDouble(Burst::rate)
                    .toArray(), "/s", null).value();
            nodeCpu[n] = median(b.stream().mapToDouble(Burst::nodeCpuPerStep).toArray());
            results.runs("burst", who + ": wasted work (failed acquisitions and jobs, lost outbox claims)", b.stream()
                    .mapToDouble(Burst::wastedPercent).toArray(), "%", Results.Target.atMost(2));
            results.runs("burst", who + ": database's core busy", b.stream().mapToDouble(Burst::dbBusyPercent)
                    .toArray(), "%", Results.Target.atMost(80));
        }
        results.add("scale-out", "2 nodes / 1 node", rates[2] / rates[1], "ratio", Results.Target.atLeast(1.8));
        results.add("scale-out", "3 nodes / 1 node", rates[3] / rates[1], "ratio", Results.Target.atLeast(2.5));
        double spread = 0;
        for (int n = 2; n <= 3; n++) {
            spread = Math.max(spread, Math.abs(nodeCpu[n] / nodeCpu[1] - 1) * 100);
        }
        results.add("scale-out", "node CPU per escalation, largest departure from one node's", spread, "%",
                Results.Target.atMost(10));
        Usl fit = Usl.fit(new double[] {1, 2, 3}, new double[] {rates[1], rates[2], rates[3]});
        results.add("scale-out", "USL fit: one node's rate (λ)", fit.lambda(), "/s");
        results.add("scale-out", "USL fit: contention (σ)", fit.sigma(), "");
        results.add("scale-out", "USL fit: coherency (κ)", fit.kappa(), "");
        results.setting("USL fit", fit.say());
        double dbPerStep = median(byNodes.values().stream().flatMap(List::stream).mapToDouble(Burst::dbCpuPerStep)
                .toArray());
        results.add("scale-out", "database CPU per escalation", dbPerStep, "ms");
        results.add("scale-out", "database's own ceiling (one core over its CPU per escalation)", 1000 / dbPerStep, "/s");
        for (NodeProcess node : nodes) {
            close(node);
        }
        for (Cgroups.Group g : quotas) {
            close(g);
        }
        if (why == null) {
            unpin();
        }
    }

    // ---------------------------------------------------------------------------------------------- bursts

    /**
     * A burst's figures: seconds from the moment until the first step (the idle job executor waking), until the last
     * step and until the last mail left the outbox; CPU of the nodes and the database, statements, wasted work.
     */
    record Burst(long steps, double firstSeconds, double stepsSeconds, double mailsSeconds, long mails,
                 double nodeCpuMs, double dbCpuMs, long statements, long wasted, long work, Map<String, Long> perNode) {

        /** Escalations per second while the nodes work: from the first step recorded to the last. */
        double rate() {
            return steps / Math.max(0.001, stepsSeconds - firstSeconds);
        }

        double nodeCpuPerStep() {
            return nodeCpuMs / steps;
        }

        double dbCpuPerStep() {
            return dbCpuMs / steps;
        }

        double wastedPercent() {
            return work == 0 ? 0 : 100.0 * wasted / work;
        }

        /** The database's CPU over the time the burst took until its mails were sent, as a share of one core. */
        double dbBusyPercent() {
            return 100 * dbCpuMs / (mailsSeconds * 1000);
        }
    }

    /** The next group's deadlines fall due; times until every one is escalated and every mail is sent. */
    private Burst burst(List<NodeProcess> nodes, Map<String, java.util.function.DoubleSupplier> cpu) throws Exception {
        int g = nextGroup++;
        List<Long> group = groups.get(g);
        LocalDateTime moment = deadlineDays(groups.size()).get(g).atTime(18, 0, 1);
        long expected = (long) group.size() * scale.liveTasks();
        long outboxFrom = count("select coalesce(max(id), 0) from mail_outbox");
        long before = count("select count(*) from escalation_step");
        BooleanSupplier none = () -> stepsOf(group) == 0;
        if (!none.getAsBoolean()) {
            throw new IllegalStateException("escalations before the burst");
        }
        Map<String, Properties> stateBefore = new HashMap<>();
        Map<String, Double> cpuBefore = new HashMap<>();
        for (NodeProcess n : nodes) {
            stateBefore.put(n.name, n.state());
            cpuBefore.put(n.name, cpu.get(n.name).getAsDouble());
        }
        double dbBefore = databaseCpu.ms();
        statements.reset();
        long started = System.nanoTime();
        setClock(moment);
        await(Duration.ofMinutes(5), "a first escalation step", () -> !none.getAsBoolean());
        double first = seconds(started);
        await(Duration.ofMinutes(30), expected + " escalation steps", () -> stepsOf(group) >= expected);
        double steps = seconds(started);
        await(Duration.ofMinutes(15), "the burst's mails sent", () -> jdbc.sql(Statements.MARK + """
                 select count(*) from mail_outbox where id > :from and status in ('PENDING', 'SENDING')""")
                .param("from", outboxFrom).query(Long.class).single() == 0);
        double mails = seconds(started);
        double dbCpu = databaseCpu.ms() - dbBefore;
        Statements.Snapshot sql = statements.snapshot(12);
        if (nextGroup == 1) {
            results.setting("statements of the first burst, most called (per escalation)", sql.top().stream()
                    .map(q -> String.format(java.util.Locale.ROOT, "%.2f × %s", (double) q.calls() / expected, q.query()))
                    .collect(java.util.stream.Collectors.joining("; ")));
        }
        double nodeCpu = 0;
        long wasted = 0;
        long work = 0;
        for (NodeProcess n : nodes) {
            nodeCpu += cpu.get(n.name).getAsDouble() - cpuBefore.get(n.name);
            Properties a = n.state();
            Properties b = stateBefore.get(n.name);
            wasted += delta(a, b, Metrics.JOB_ACQUIRED_FAILURE) + delta(a, b, Metrics.JOB_FAILED)
                    + delta(a, b, "outbox-claims-lost");
            work += delta(a, b, Metrics.JOB_ACQUIRED_SUCCESS) + delta(a, b, "outbox-claims-won");
        }
        smtp.purgeEmailFromAllMailboxes();
        long sent = jdbc.sql("select count(*) from mail_outbox where id > :from and status = 'SENT'")
                .param("from", outboxFrom).query(Long.class).single();
        long recorded = stepsOf(group);
        long all = count("select count(*) from escalation_step");
        if (recorded != expected || all - before != expected
                || count("select count(*) from act_ru_job where retries_ = 0") > 0) {
            throw new IllegalStateException("burst: " + recorded + " steps for " + expected + " deadlines ("
                    + (all - before) + " in all), or failed jobs");
        }
        Map<String, Long> perNode = new HashMap<>();
        jdbc.sql("""
                select hostname_, count(*) from act_hi_job_log
                where job_state_ = 2 and timestamp_ >= :moment group by hostname_""")
                .param("moment", Timestamp.valueOf(moment))
                .query((rs, i) -> perNode.put(rs.getString(1), rs.getLong(2))).list();
        Burst b = new Burst(recorded, first, steps, mails, sent, nodeCpu, dbCpu, sql.calls(), wasted, work, perNode);
        System.out.printf("bench | burst of %d on %s: %.1f/s, node CPU %.2f ms, database CPU %.2f ms, %.1f statements"
                        + " an escalation; jobs by node %s%n", expected, nodes.stream().map(n -> n.name).toList(),
                b.rate(), b.nodeCpuPerStep(), b.dbCpuPerStep(), (double) sql.calls() / expected, perNode);
        return b;
    }

    private long stepsOf(List<Long> group) {
        return jdbc.sql(Statements.MARK + " select count(*) from escalation_step where campaign_id in (:c)").param("c", group)
                .query(Long.class).single();
    }

    private static long delta(Properties after, Properties before, String key) {
        return Long.parseLong(after.getProperty(key, "0")) - Long.parseLong(before.getProperty(key, "0"));
    }

    private void report(String nodes, List<Burst> b) {
        results.add("burst", nodes + ": deadlines falling due at once", b.get(0).steps(), "deadlines");
        results.runs("burst", nodes + ": until the first escalation (idle job executor waking)", b.stream()
                .mapToDouble(Burst::firstSeconds).toArray(), "s", null);
        results.runs("burst", nodes + ": until every mail is handed to SMTP", b.stream()
                .mapToDouble(Burst::mailsSeconds).toArray(), "s", null);
        results.runs("burst", nodes + ": mails handed to SMTP", b.stream().mapToDouble(Burst::mails).toArray(),
                "mails", null);
        results.runs("burst", nodes + ": SQL statements per escalation (pg_stat_statements)", b.stream()
                .mapToDouble(x -> (double) x.statements() / x.steps()).toArray(), "statements", null);
        results.runs("burst", nodes + ": node CPU per escalation", b.stream().mapToDouble(Burst::nodeCpuPerStep)
                .toArray(), "ms", null);
        results.runs("burst", nodes + ": database CPU per escalation", b.stream().mapToDouble(Burst::dbCpuPerStep)
                .toArray(), "ms", null);
    }

    // ---------------------------------------------------------------------------------------------- nodes and time

    private NodeProcess startNode(String name) throws Exception {
        List<String> args = AppNode.args(url(), smtpPort, name, false, scale == Scale.SMOKE);
        // every node looks for due jobs at least once a second, so that each starts on a burst within a second
        args.removeIf(a -> a.startsWith("--camunda.bpm.job-execution.max-wait=")
                || a.startsWith("--camunda.bpm.job-execution.wait-time-in-millis="));
        args.add("--camunda.bpm.job-execution.wait-time-in-millis=500");
        args.add("--camunda.bpm.job-execution.max-wait=1000");
        NodeProcess node = NodeProcess.start(name, args, clockFile, work, Duration.ofMinutes(5));
        open.add(node);
        return node;
    }

    private void close(AutoCloseable c) throws Exception {
        open.remove(c);
        c.close();
    }

    /** Moves the time of this JVM and of every node's. */
    private void setClock(LocalDateTime t) throws Exception {
        clock.set(t);
        BenchNode.write(clockFile, t.atZone(TestClock.ZONE).toInstant().toString());
    }

    /** This JVM and the database back on every CPU. */
    private void unpin() throws IOException {
        String all = "0-" + (Runtime.getRuntime().availableProcessors() - 1);
        Cgroups.pin(ProcessHandle.current().pid(), all);
        for (long pid : postgresPids()) {
            Cgroups.pin(pid, all);
        }
    }

    /** The PostgreSQL server's processes: the postmaster and its children. */
    private List<Long> postgresPids() throws IOException {
        String dir = jdbc.sql(Statements.MARK + " show data_directory").query(String.class).single();
        long postmaster = Long.parseLong(Files.readAllLines(Path.of(dir, "postmaster.pid")).get(0).trim());
        List<Long> pids = new ArrayList<>(List.of(postmaster));
        ProcessHandle.of(postmaster).ifPresent(p -> p.children().forEach(c -> pids.add(c.pid())));
        return pids;
    }

    // ---------------------------------------------------------------------------------------------- database

    /**
     * The database's counters (commits, rows written, rows read) from pg_stat_database, after the server has flushed
     * what its backends hold (each throughput run's JVM has exited, and a backend flushes as it ends).
     */
    private long[] databaseWork() throws Exception {
        Thread.sleep(1500);
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
                    from pg_stat_database where datname = 'postgres'""");
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /** Rows each table gave to sequential scans plus the entries read from its indexes. */
    private Map<String, Long> tableScans() throws Exception {
        Map<String, Long> scans = new HashMap<>();
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    select t.relname, t.seq_tup_read + coalesce((select sum(i.idx_tup_read) from pg_stat_user_indexes i
                                                                 where i.relid = t.relid), 0)
                    from pg_stat_user_tables t""");
            while (rs.next()) {
                scans.put(rs.getString(1), rs.getLong(2));
            }
        }
        return scans;
    }

    private static Map<String, Long> minus(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> d = new HashMap<>();
        a.forEach((k, v) -> d.put(k, v - b.getOrDefault(k, 0L)));
        return d;
    }

    private static long[] minus(long[] a, long[] b) {
        return new long[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private void awaitMailsSent(Duration limit) throws Exception {
        await(limit, "mails sent", () -> count(
                "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')") == 0);
        smtp.purgeEmailFromAllMailboxes();
    }

    /** Waits, looking every 100 ms, until it is done; fails after the limit. */
    static void await(Duration limit, String what, BooleanSupplier done) {
        long until = System.nanoTime() + limit.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new IllegalStateException("not done within " + limit + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    /** A count of the benchmark's own, marked so that pg_stat_statements' figures leave it out. */
    private long count(String sql) {
        return jdbc.sql(Statements.MARK + " " + sql).query(Long.class).single();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static double[] toArray(List<Double> l) {
        return l.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
