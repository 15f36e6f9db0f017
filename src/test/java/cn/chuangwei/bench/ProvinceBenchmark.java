package cn.chuangwei.bench;

import cn.chuangwei.ChuangweiApplication;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.patrol.CaseService;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 8's province-scale benchmark on a real PostgreSQL (embedded, started here), printing a table and writing it to
 * {@code bench/results/}: seeding at scale, the patrol-case lifecycle through the application against the same model
 * on a bare engine, two deadline bursts (one node, then two), the supervisors' and units' queries at scale, and the
 * heap and start-up of a node. Run it with {@code ./mvnw -Pbench verify} (full) or {@code -Dbench.scale=smoke}.
 *
 * <p>Time is the engine's and the application's test clock, moved, never slept: campaigns start on Monday 8 March 2027
 * at 09:30; half the campaigns' running tasks fall due on Friday 12 March at 18:00, the other half on Monday 15 March.
 * The reminders and daily checks, which in a real campaign run on the mornings before, are held (their job definitions
 * suspended), so that at each burst exactly the deadlines fall due.
 */
public final class ProvinceBenchmark {

    static final String PASSWORD = Fixture.PASSWORD;
    static final LocalDateTime T0 = LocalDateTime.of(2027, 3, 8, 9, 30);
    static final LocalDate START = T0.toLocalDate();
    static final LocalDate DEADLINE_A = LocalDate.of(2027, 3, 12);
    static final LocalDate DEADLINE_B = LocalDate.of(2027, 3, 15);
    static final Set<String> HELD_TIMERS = Set.of("UnitReminderBefore", "UnitReminderOnDay", "UnitDailyCheck");

    private final Scale scale;
    private final Results results;
    private final TestClock clock = new TestClock();
    private EmbeddedPostgres postgres;
    private GreenMail smtp;
    private int smtpPort;
    private final List<Long> campaigns = new ArrayList<>();
    /** The campaigns whose running tasks fall due on day A, and those on day B (ids come in the order of creation). */
    private final List<Long> groupA = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> groupB = Collections.synchronizedList(new ArrayList<>());
    private final List<AppCases.Town> towns = new ArrayList<>();
    private final List<String> heads = new ArrayList<>();
    /** Nodes started and not yet stopped: stopped whatever happens, before the database. */
    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    ProvinceBenchmark(Scale scale) {
        this.scale = scale;
        this.results = new Results(scale);
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
        clock.set(T0);
        EmbeddedPostgres.Builder database = EmbeddedPostgres.builder().setRegisterShutdownHook(false);
        // for profiling: PostgreSQL settings as name=value,name=value (e.g. log_min_duration_statement=50)
        for (String setting : System.getProperty("bench.pg", "").split(",")) {
            if (setting.contains("=")) {
                database.setServerConfig(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        postgres = database.start();
        smtpPort = freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            settings();
            measure();
            return results;
        } finally {
            for (ConfigurableApplicationContext node : nodes) {
                node.close();
            }
            smtp.stop();
            postgres.close();
            clock.reset();
        }
    }

    /** The settings of application.yaml that bear on the figures, as the node runs with them. */
    private void applicationSettings(Environment env) {
        String jobs = "camunda.bpm.job-execution.";
        results.setting("application", "Camunda 7.24.0 on Spring Boot 3.5.5; job executor "
                + env.getProperty(jobs + "core-pool-size") + "-" + env.getProperty(jobs + "max-pool-size") + " threads, "
                + env.getProperty(jobs + "max-jobs-per-acquisition") + " jobs per acquisition, idle polls up to "
                + env.getProperty(jobs + "max-wait") + " ms apart; "
                + env.getProperty("spring.datasource.hikari.maximum-pool-size") + " database connections; history "
                + env.getProperty("camunda.bpm.history-level") + "; authorizations "
                + env.getProperty("camunda.bpm.authorization.enabled") + "; execution-tree prefetch "
                + env.getProperty("camunda.bpm.generic-properties.properties.execution-tree-prefetch-enabled")
                + "; SMTP: GreenMail on loopback");
    }

    private void settings() throws Exception {
        results.setting("scale", scale);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("select version(), current_setting('shared_buffers'), current_setting('fsync')");
            rs.next();
            results.setting("database", rs.getString(1) + "; shared_buffers " + rs.getString(2) + ", fsync "
                    + rs.getString(3) + " (zonky embedded PostgreSQL on this machine)");
        }
        results.setting("bare engine", "the same engine version and database, history full, JDBC batching, no"
                + " execution-tree prefetch, authorizations off, job executor off, no-op delegates");
        results.setting("driving", scale.threads() + " threads; " + scale.warmupCases() + " cases of warm-up, then "
                + scale.measuredCases() + " timed, on either engine; queries: " + scale.queryRuns()
                + " timed requests each after a tenth as many untimed, one at a time");
        results.setting("JVM options", String.join(" ", ManagementFactory.getRuntimeMXBean()
                .getInputArguments()));
    }

    private void measure() throws Exception {
        // 1. scale: campaigns through the application, history by SQL
        long started = System.nanoTime();
        ConfigurableApplicationContext node = startNode("node1", true);
        results.add("resources", "start-up of a node, empty database", seconds(started), "s");
        applicationSettings(node.getEnvironment());
        started = System.nanoTime();
        seedCampaigns(node);
        results.add("scale", "campaigns seeded through the application", campaigns.size(), "campaigns");
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        results.add("scale", "decomposed tasks (task_row)", count(jdbc, "select count(*) from task_row"), "rows");
        results.add("scale", "running tasks live in the engine", count(jdbc, "select count(*) from act_ru_task"), "tasks");
        results.add("scale", "timers waiting in the engine", count(jdbc, "select count(*) from act_ru_job"), "jobs");
        results.add("scale", "seeding the campaigns (setup, phase start, mails sent)", seconds(started), "s");
        started = System.nanoTime();
        long historic = HistorySeed.seed(jdbc, scale.historicCases(), scale.historicTasks(), T0);
        results.add("scale", "patrol cases", count(jdbc, "select count(*) from patrol_case"), "cases");
        results.add("scale", "historic task rows (act_hi_taskinst)", historic, "rows", Results.Target.atLeast(scale.historicTasks()));
        results.add("scale", "seeding the history (SQL)", seconds(started), "s");
        stop(node);

        // 2. the same model on a bare engine, on the same database, then through the application
        double bare;
        long[] before = databaseWork();
        Map<String, Long> scansBefore = tableScans();
        try (BareEngine engine = new BareEngine(url(), "postgres", "postgres", 20)) {
            bare = Throughput.casesPerSecond(scale.threads(), scale.warmupCases(), scale.measuredCases(),
                    i -> engine.oneCase(i, towns.get(i % towns.size()).unitCode(), towns.get(i % towns.size()).inspector()));
        }
        long[] bareWork = minus(databaseWork(), before);
        Map<String, Long> bareScans = minus(tableScans(), scansBefore);
        System.gc();
        HeapWatch heap = new HeapWatch();
        started = System.nanoTime();
        node = startNode("node1", true);
        results.add("resources", "start-up of a node at scale", seconds(started), "s");
        AppCases app = new AppCases(node, towns);
        before = databaseWork();
        scansBefore = tableScans();
        double through = Throughput.casesPerSecond(scale.threads(), scale.warmupCases(), scale.measuredCases(), app::oneCase);
        long[] appWork = minus(databaseWork(), before);
        Map<String, Long> appScans = minus(tableScans(), scansBefore);
        int cases = scale.warmupCases() + scale.measuredCases();
        results.add("throughput", "bare engine: patrol cases, report to close (" + scale.threads() + " threads)", bare, "cases/s");
        results.add("throughput", "application: patrol cases, report to close (" + scale.threads() + " threads)", through,
                "cases/s");
        results.add("throughput", "application / bare engine", through / bare, "ratio", Results.Target.atLeast(0.85));
        results.add("throughput", "bare engine: database transactions per case", (double) bareWork[0] / cases, "commits");
        results.add("throughput", "application: database transactions per case", (double) appWork[0] / cases, "commits");
        results.add("throughput", "bare engine: rows written per case", (double) bareWork[1] / cases, "rows");
        results.add("throughput", "application: rows written per case", (double) appWork[1] / cases, "rows");
        results.add("throughput", "bare engine: rows read per case", (double) bareWork[2] / cases, "rows");
        results.add("throughput", "application: rows read per case", (double) appWork[2] / cases, "rows");
        scans("bare engine", bareScans, cases);
        scans("application", appScans, cases);
        awaitMailsSent(node.getBean(JdbcClient.class), Duration.ofMinutes(10));

        // 3. the deadline burst on one node
        Burst one = burst(node, groupA, DEADLINE_A.atTime(18, 0, 1));
        report("one node", one);
        double oneRate = one.rate();
        results.add("burst", "one node: escalations per second (first to last step)", oneRate, "/s",
                Results.Target.atLeast(200));

        // 4. queries at scale, as the people who ask them
        queries(node, DEADLINE_A.getYear() + "-" + String.format("%02d", DEADLINE_A.getMonthValue()));

        // 5. resources of the one node
        heap.close();
        results.add("resources", "heap in use at its peak (garbage included), one node", heap.peakUsedMb(), "MB");
        results.add("resources", "heap live after collection at its peak, one node", heap.peakAfterGcMb(), "MB",
                Results.Target.atMost(512));

        // 3b. the burst on two nodes
        started = System.nanoTime();
        ConfigurableApplicationContext second = startNode("node2", false);
        results.add("resources", "start-up of a second node at scale", seconds(started), "s");
        try {
            Burst two = burst(node, groupB, DEADLINE_B.atTime(18, 0, 1));
            report("two nodes", two);
            double twoRate = two.rate();
            results.add("burst", "two nodes: escalations per second (first to last step)", twoRate, "/s");
            results.add("burst", "two nodes / one node", twoRate / oneRate, "ratio", Results.Target.atLeast(1.6));
        } finally {
            stop(second);
        }
        JdbcClient j = node.getBean(JdbcClient.class);
        results.add("health", "failed jobs after the run", count(j, "select count(*) from act_ru_job where retries_ = 0"),
                "jobs", Results.Target.atMost(0));
        results.add("health", "mails not delivered after the run",
                count(j, "select count(*) from mail_outbox where status <> 'SENT'"), "mails", Results.Target.atMost(0));
        stop(node);
    }

    // ---------------------------------------------------------------------------------------------- seeding

    /** The campaigns, two at a time, each with its town's people; waits until their phases run and mails went out. */
    private void seedCampaigns(ConfigurableApplicationContext node) throws Exception {
        IdentityService identity = node.getBean(IdentityService.class);
        CampaignSetupService setup = node.getBean(CampaignSetupService.class);
        AppCases signIn = new AppCases(node, List.of());
        CaseService cases = node.getBean(CaseService.class);
        List<Long> ids = Collections.synchronizedList(new ArrayList<>());
        List<AppCases.Town> seeded = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<?>> work = new ArrayList<>();
        for (int c = 0; c < scale.campaigns(); c++) {
            LocalDate deadline = c < scale.campaigns() / 2 ? DEADLINE_A : DEADLINE_B;
            int n = c;
            work.add(pool.submit(() -> {
                Fixture f = new Fixture(identity);
                long id = setup.create(f.small(START, rows(f, deadline), false), f.office);
                signIn.as(f.office, () -> cases.saveGrids(id, List.of(new CaseService.Grid("G1", "第一网格",
                        f.supervisors.get(0)))));
                ids.add(id);
                (deadline.equals(DEADLINE_A) ? groupA : groupB).add(id);
                seeded.add(new AppCases.Town(id, f.supervisors.get(0), f.office, f.unit("cgzx"), f.head("cgzx")));
                synchronized (heads) {
                    heads.add(f.head(n % 2 == 0 ? "wsy" : "c1"));
                }
                return null;
            }));
        }
        for (Future<?> f : work) {
            f.get();
        }
        pool.shutdown();
        seeded.sort((a, b) -> Long.compare(a.campaignId(), b.campaignId()));
        towns.addAll(seeded);
        ids.sort(Long::compare);
        campaigns.addAll(ids);
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        long live = (long) scale.campaigns() * scale.liveTasks();
        await(Duration.ofMinutes(20), "every campaign's running phase has its tasks",
                () -> count(jdbc, "select count(*) from act_ru_task where task_def_key_ = 'unitTask'") >= live);
        awaitMailsSent(jdbc, Duration.ofMinutes(10));
        ManagementService management = node.getBean(ManagementService.class);
        for (JobDefinition d : management.createJobDefinitionQuery().processDefinitionKey("campaign-phase").list()) {
            if (HELD_TIMERS.contains(d.getActivityId())) {
                management.suspendJobDefinitionById(d.getId(), true);
            }
        }
        long held = count(jdbc, "select count(*) from act_ru_job where suspension_state_ = 2");
        if (held < live * 3) {
            throw new IllegalStateException("held " + held + " reminders and daily checks, expected " + live * 3);
        }
    }

    /** The campaign's decomposed tasks: the running phase's, all due on one day, and the later phases'. */
    private List<TaskRequest> rows(Fixture f, LocalDate deadline) {
        List<TaskRequest> rows = new ArrayList<>();
        for (int i = 0; i < scale.rowsPerCampaign(); i++) {
            String unit = f.units.get(i % f.units.size()).code();
            if (i < scale.liveTasks()) {
                rows.add(new TaskRequest("MOBILIZATION", "宣传发动任务" + i, "按方案完成", unit, null, deadline.toString(), false,
                        null));
            } else {
                Phase phase = Phase.values()[1 + i % 4];
                LocalDate due = START.plusDays(10L * phase.ordinal() + 7);
                rows.add(new TaskRequest(phase.name(), phase.zh() + "任务" + i, "按标准完成", unit, null, due.toString(),
                        i % 25 == 0, null));
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------------------------------------- burst

    /**
     * A burst's figures: seconds from the moment until the first step (the idle job executor waking: it polls at most
     * every {@code max-wait}), until the last step and until the last mail left the outbox.
     */
    record Burst(long steps, double firstSeconds, double stepsSeconds, double mailsSeconds, long mails, double cpu) {

        /** Escalations per second while the nodes work: from the first step recorded to the last. */
        double rate() {
            return steps / Math.max(0.001, stepsSeconds - firstSeconds);
        }
    }

    /** Moves the clock to the moment; times until every campaign's deadline is escalated and every mail is sent. */
    private Burst burst(ConfigurableApplicationContext node, List<Long> group, LocalDateTime moment) throws Exception {
        JdbcClient jdbc = node.getBean(JdbcClient.class);
        long expected = (long) group.size() * scale.liveTasks();
        long outboxFrom = count(jdbc, "select coalesce(max(id), 0) from mail_outbox");
        BooleanSupplier none = () -> jdbc.sql("select count(*) from escalation_step where campaign_id in (:c)")
                .param("c", group).query(Long.class).single() == 0;
        if (!none.getAsBoolean()) {
            throw new IllegalStateException("escalations before the burst");
        }
        long started = System.nanoTime();
        clock.set(moment);
        await(Duration.ofMinutes(5), "a first escalation step", () -> !none.getAsBoolean());
        double first = seconds(started);
        double[] load = new double[2];
        var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        await(Duration.ofMinutes(15), expected + " escalation steps", () -> {
            double cpu = os.getCpuLoad();
            if (cpu >= 0) {
                load[0] += cpu;
                load[1]++;
            }
            return jdbc.sql("select count(*) from escalation_step where campaign_id in (:c)").param("c", group)
                    .query(Long.class).single() >= expected;
        });
        double steps = seconds(started);
        await(Duration.ofMinutes(15), "the burst's mails sent", () -> jdbc.sql("""
                select count(*) from mail_outbox where id > :from and status in ('PENDING', 'SENDING')""")
                .param("from", outboxFrom).query(Long.class).single() == 0);
        double mails = seconds(started);
        smtp.purgeEmailFromAllMailboxes();
        long sent = jdbc.sql("select count(*) from mail_outbox where id > :from and status = 'SENT'")
                .param("from", outboxFrom).query(Long.class).single();
        long recorded = jdbc.sql("select count(*) from escalation_step where campaign_id in (:c)").param("c", group)
                .query(Long.class).single();
        if (recorded != expected || count(jdbc, "select count(*) from act_ru_job where retries_ = 0") > 0) {
            throw new IllegalStateException("burst: " + recorded + " steps for " + expected + " deadlines, or failed jobs");
        }
        return new Burst(recorded, first, steps, mails, sent, load[1] == 0 ? 0 : 100 * load[0] / load[1]);
    }

    private void report(String nodes, Burst b) {
        results.add("burst", nodes + ": deadlines falling due at once", b.steps(), "deadlines");
        results.add("burst", nodes + ": until the first escalation (idle job executor waking)", b.firstSeconds(), "s");
        results.add("burst", nodes + ": until every escalation step is recorded", b.stepsSeconds(), "s");
        results.add("burst", nodes + ": until every mail is handed to SMTP", b.mailsSeconds(), "s");
        results.add("burst", nodes + ": mails handed to SMTP", b.mails(), "mails");
        results.add("burst", nodes + ": machine's CPU busy while escalating (all cores, database included)", b.cpu(), "%");
    }

    // ---------------------------------------------------------------------------------------------- queries

    private void queries(ConfigurableApplicationContext node, String month) throws Exception {
        Latency http = new Latency(((WebServerApplicationContext) node).getWebServer().getPort(), PASSWORD);
        int n = towns.size();
        int warmup = Math.max(5, scale.queryRuns() / 10);
        Latency.Percentiles audit = http.measure(warmup, scale.queryRuns(), i -> {
            AppCases.Town t = towns.get(i * 7 % n);
            return new Latency.Call(t.inspector(), "/api/supervision/overdue?campaignId=" + t.campaignId());
        });
        report("supervisors' overdue audit (GET /api/supervision/overdue)", audit, 50);
        Latency.Percentiles tasks = http.measure(warmup, scale.queryRuns(),
                i -> new Latency.Call(heads.get(i * 7 % heads.size()), "/api/tasks"));
        report("a unit head's task list (GET /api/tasks)", tasks, 30);
        Latency.Percentiles board = http.measure(warmup, scale.queryRuns(), i -> {
            AppCases.Town t = towns.get(i * 7 % n);
            return new Latency.Call(t.office(), "/api/dashboard/" + t.campaignId());
        });
        report("command board data (GET /api/dashboard/{id})", board, 200);
        Latency.Percentiles stats = http.measure(warmup, scale.queryRuns(), i -> {
            AppCases.Town t = towns.get(i * 7 % n);
            return new Latency.Call(t.office(), "/api/cases/stats?campaignId=" + t.campaignId() + "&month=" + month);
        });
        report("board's patrol indicators (GET /api/cases/stats)", stats, 200);
        Latency.Percentiles assessment = http.measure(warmup, scale.queryRuns(), i -> {
            AppCases.Town t = towns.get(i * 7 % n);
            return new Latency.Call(t.office(), "/api/campaigns/" + t.campaignId() + "/assessment/" + month);
        });
        report("monthly assessment (GET /api/campaigns/{id}/assessment/{month})", assessment, null);
    }

    private void report(String query, Latency.Percentiles p, Integer p95Target) {
        results.add("queries", query + " p50", p.p50(), "ms");
        results.add("queries", query + " p95", p.p95(), "ms", p95Target == null ? null : Results.Target.atMost(p95Target));
        results.add("queries", query + " p99", p.p99(), "ms");
    }

    // ---------------------------------------------------------------------------------------------- nodes

    /**
     * A node of the application on the benchmark's database, with the shared test clock, SMTP on GreenMail and the
     * settings of {@code application.yaml}. A second node leaves the Camunda webapps out (one JVM holds one set).
     */
    private ConfigurableApplicationContext startNode(String name, boolean webapps) {
        List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url(),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.process-engine-name=" + name, "--camunda.bpm.admin-user.password=bench-admin-5f1c",
                "--camunda.bpm.webapp.enabled=" + webapps, "--chuangwei.demo.enabled=false",
                "--chuangwei.base-url=https://chuangwei.example.org",
                // each escalation with its own mail, as the burst has always been measured (the installation's default
                // holds 预警 and 催办 for the daily digest, which would leave the burst without its mails)
                "--chuangwei.notify.reminders=IMMEDIATE",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort, "--spring.main.banner-mode=off",
                "--logging.level.root=WARN", "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR",
                "--logging.level.io.zonky=" + (System.getProperty("bench.pg") == null ? "WARN" : "INFO")));
        if (scale == Scale.SMOKE) {
            // the smoke run cannot wait a minute for an idle job executor to look again
            args.add("--camunda.bpm.job-execution.max-wait=2000");
        }
        // for profiling: more settings of the nodes, name=value separated by spaces
        for (String arg : System.getProperty("bench.args", "").trim().split("\\s+")) {
            if (!arg.isEmpty()) {
                args.add("--" + arg);
            }
        }
        ConfigurableApplicationContext node = new SpringApplicationBuilder(ChuangweiApplication.class)
                .initializers(c -> c.getBeanFactory().registerSingleton("benchClock", clock))
                .run(args.toArray(String[]::new));
        nodes.add(node);
        return node;
    }

    private void stop(ConfigurableApplicationContext node) {
        nodes.remove(node);
        node.close();
    }

    /**
     * The database's counters (commits, rows written, rows read) from pg_stat_database, after the server has flushed
     * what idle connections hold (PostgreSQL does within 10 s of their going idle).
     */
    private long[] databaseWork() throws Exception {
        Thread.sleep(scale == Scale.SMOKE ? 0 : 11_000);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("""
                    select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
                    from pg_stat_database where datname = 'postgres'""");
            rs.next();
            return new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)};
        }
    }

    /**
     * Rows each table gave to sequential scans plus the entries read from its indexes (pg_stat_user_tables and
     * pg_stat_user_indexes), read after {@link #databaseWork()}.
     */
    private Map<String, Long> tableScans() throws Exception {
        Map<String, Long> scans = new HashMap<>();
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // rows read by sequential scans, and index entries read (index-only scans fetch no table rows)
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

    /** The three tables most read, per case: where the rows read go. */
    private void scans(String engine, Map<String, Long> scans, int cases) {
        scans.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3)
                .forEach(e -> results.add("throughput", engine + ": rows and index entries read per case from " + e.getKey(),
                        (double) e.getValue() / cases, "rows"));
    }

    private static long[] minus(long[] a, long[] b) {
        return new long[] {a[0] - b[0], a[1] - b[1], a[2] - b[2]};
    }

    private String url() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    /** Waits until the outbox is empty; GreenMail's copies are then dropped, so that they do not count as the node's heap. */
    private void awaitMailsSent(JdbcClient jdbc, Duration limit) throws Exception {
        await(limit, "mails sent", () -> count(jdbc,
                "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')") == 0);
        smtp.purgeEmailFromAllMailboxes();
    }

    private static void await(Duration limit, String what, BooleanSupplier done) {
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

    private static long count(JdbcClient jdbc, String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
