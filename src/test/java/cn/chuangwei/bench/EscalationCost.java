package cn.chuangwei.bench;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.management.OperatingSystemMXBean;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * What one escalation costs (issue 18, "half the CPU per escalation"): one node of the application in this JVM on an
 * embedded PostgreSQL with {@code pg_stat_statements}; campaigns whose running tasks all fall due on one day, their
 * reminders and daily checks held (as {@link ProvinceBenchmark} holds them); the clock moved past the deadline; and, for
 * the burst until every step is recorded and every mail sent: SQL statements per escalation (and the statements run
 * most), the node's CPU per escalation (this JVM's CPU: the driver only polls meanwhile; GreenMail, the SMTP sink, runs
 * in it too), the database's CPU per escalation (all its processes, see {@link DatabaseCpu}), and mails enqueued.
 * Writes {@code bench/results/escalation-cost-<label>.md}.
 *
 * <p>Run: {@code ./mvnw -B -o -Pescalation-cost test -Dbench.label=before} (10 campaigns × 100 tasks; tests skipped;
 * {@code -Dbench.campaigns=} and {@code -Dbench.tasks=} change the size). The machine's other load shows in the CPU
 * figures, not in the statement counts.
 */
public final class EscalationCost {

    static final LocalDateTime T0 = LocalDateTime.of(2027, 3, 8, 9, 30);
    static final LocalDate DEADLINE = LocalDate.of(2027, 3, 12);
    static final Set<String> HELD_TIMERS = Set.of("UnitReminderBefore", "UnitReminderOnDay", "UnitDailyCheck");
    static final int TOP = Integer.getInteger("bench.top", 15);
    /** How long the node is watched idle before the burst. */
    static final Duration IDLE = Duration.ofSeconds(5);

    /** The burst's figures. */
    record Cost(String label, int campaigns, int tasks, long escalations, long mails, long statements, double nodeCpuMs,
                double databaseCpuMs, double seconds, double idleStatementsPerSecond, List<Statements.Row> top) {

        double statementsPerEscalation() {
            return (double) statements / escalations;
        }

        double nodeMsPerEscalation() {
            return nodeCpuMs / escalations;
        }

        double databaseMsPerEscalation() {
            return databaseCpuMs / escalations;
        }

        String markdown() {
            StringBuilder md = new StringBuilder("# Escalation cost: " + label + "\n\n");
            md.append(campaigns).append(" campaigns × ").append(tasks).append(" running tasks due on ").append(DEADLINE)
                    .append(", one node, embedded PostgreSQL; measured from the clock's move until every step is"
                            + " recorded and every mail sent (").append(String.format("%.1f", seconds)).append(" s).\n\n");
            md.append("| measure | value |\n|---|---:|\n");
            md.append("| escalations | ").append(escalations).append(" |\n");
            md.append("| mails enqueued | ").append(mails).append(" |\n");
            md.append("| SQL statements | ").append(statements).append(" |\n");
            md.append(String.format("| SQL statements per escalation | %.1f |%n", statementsPerEscalation()));
            md.append(String.format("| node JVM CPU ms per escalation | %.2f |%n", nodeMsPerEscalation()));
            md.append(String.format("| database CPU ms per escalation | %.2f |%n", databaseMsPerEscalation()));
            md.append(String.format("| node + database CPU ms per escalation | %.2f |%n",
                    nodeMsPerEscalation() + databaseMsPerEscalation()));
            md.append(String.format("| idle node before the burst: SQL statements per second | %.1f |%n",
                    idleStatementsPerSecond));
            md.append("\n## The ").append(top.size()).append(" statements run most\n\n");
            md.append("| calls | per escalation | rows | total ms | statement |\n|---:|---:|---:|---:|---|\n");
            for (Statements.Row r : top) {
                md.append(String.format("| %d | %.2f | %d | %.0f | `%s` |%n", r.calls(), (double) r.calls() / escalations,
                        r.rows(), r.totalMs(), r.query().replace("|", "\\|").replace("`", "'")));
            }
            return md.toString();
        }
    }

    private final TestClock clock = new TestClock();
    private final int campaigns;
    private final int tasks;
    private final String label;

    EscalationCost(int campaigns, int tasks, String label) {
        this.campaigns = campaigns;
        this.tasks = tasks;
        this.label = label;
    }

    public static void main(String[] args) throws Exception {
        try {
            Cost cost = new EscalationCost(Integer.getInteger("bench.campaigns", 10), Integer.getInteger("bench.tasks", 100),
                    System.getProperty("bench.label", "current")).run();
            Path out = write(cost, Path.of(System.getProperty("bench.out", "bench/results")));
            System.out.println(cost.markdown());
            System.out.println("escalation cost | written to " + out);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    static Path write(Cost cost, Path dir) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("escalation-cost-" + cost.label() + ".md"), cost.markdown());
    }

    Cost run() throws Exception {
        clock.set(T0);
        GreenMail smtp = null;
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false)
                .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                .setServerConfig("pg_stat_statements.track", "all").start()) {
            int smtpPort = ProvinceBenchmark.freePort();
            smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            DatabaseCpu dbCpu = new DatabaseCpu(postgres.getPostgresDatabase());
            try (Connection db = postgres.getPostgresDatabase().getConnection();
                 ConfigurableApplicationContext node = startNode(postgres.getJdbcUrl("postgres", "postgres"), smtpPort)) {
                Statements statements = new Statements(db);
                seed(node, db);
                smtp.purgeEmailFromAllMailboxes();
                long expected = (long) campaigns * tasks;
                long outboxFrom = count(db, "select coalesce(max(id), 0) from mail_outbox");
                if (count(db, "select count(*) from escalation_step") != 0) {
                    throw new IllegalStateException("escalations before the burst");
                }
                var os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
                statements.reset();
                Thread.sleep(IDLE.toMillis());
                double idle = statements.snapshot(0).calls() / (IDLE.toMillis() / 1000.0);
                statements.reset();
                double db0 = dbCpu.ms();
                long node0 = os.getProcessCpuTime();
                long started = System.nanoTime();
                clock.set(DEADLINE.atTime(18, 0, 1));
                ProvinceBenchmark.await(Duration.ofMinutes(15), expected + " escalation steps",
                        () -> count(db, "select count(*) from escalation_step") >= expected);
                ProvinceBenchmark.await(Duration.ofMinutes(15), "the burst's mails sent", () -> count(db,
                        "select count(*) from mail_outbox where id > " + outboxFrom
                                + " and status in ('PENDING', 'SENDING')") == 0);
                long node1 = os.getProcessCpuTime();
                double db1 = dbCpu.ms();
                double seconds = (System.nanoTime() - started) / 1e9;
                Statements.Snapshot snap = statements.snapshot(TOP);
                long steps = count(db, "select count(*) from escalation_step");
                long mails = count(db, "select count(*) from mail_outbox where id > " + outboxFrom);
                if (steps != expected || count(db, "select count(*) from act_ru_job where retries_ = 0") > 0) {
                    throw new IllegalStateException(steps + " steps for " + expected + " deadlines, or failed jobs");
                }
                return new Cost(label, campaigns, tasks, steps, mails, snap.calls(), (node1 - node0) / 1e6, db1 - db0,
                        seconds, idle, snap.top());
            }
        } finally {
            if (smtp != null) {
                smtp.stop();
            }
            clock.reset();
        }
    }

    /** The campaigns, each of its own town, with their running tasks due on the deadline; reminders held. */
    private void seed(ConfigurableApplicationContext node, Connection db) {
        IdentityService identity = node.getBean(IdentityService.class);
        CampaignSetupService setup = node.getBean(CampaignSetupService.class);
        for (int c = 0; c < campaigns; c++) {
            Fixture f = new Fixture(identity);
            List<TaskRequest> rows = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                rows.add(new TaskRequest("MOBILIZATION", "宣传发动任务" + i, "按方案完成",
                        f.units.get(i % f.units.size()).code(), null, DEADLINE.toString(), false, null));
            }
            setup.create(f.small(T0.toLocalDate(), rows, false), f.office);
        }
        long live = (long) campaigns * tasks;
        ProvinceBenchmark.await(Duration.ofMinutes(20), "every campaign's running phase has its tasks",
                () -> count(db, "select count(*) from act_ru_task where task_def_key_ = 'unitTask'") >= live);
        ProvinceBenchmark.await(Duration.ofMinutes(10), "mails sent",
                () -> count(db, "select count(*) from mail_outbox where status in ('PENDING', 'SENDING')") == 0);
        ManagementService management = node.getBean(ManagementService.class);
        for (JobDefinition d : management.createJobDefinitionQuery().processDefinitionKey("campaign-phase").list()) {
            if (HELD_TIMERS.contains(d.getActivityId())) {
                management.suspendJobDefinitionById(d.getId(), true);
            }
        }
        long held = count(db, "select count(*) from act_ru_job where suspension_state_ = 2");
        if (held < live * 3) {
            throw new IllegalStateException("held " + held + " reminders and daily checks, expected " + live * 3);
        }
    }

    /**
     * A node as the benchmark starts one ({@link AppNode}), its idle job executor looking again within 2 s. The first
     * idle wait must not exceed the longest: with {@code max-wait} below {@code wait-time-in-millis} (5 s) Camunda's
     * back-off strategy computes no idle level at all and the executor polls without pause (8,000 acquisitions a
     * second, measured here).
     */
    private ConfigurableApplicationContext startNode(String url, int smtpPort) {
        List<String> args = AppNode.args(url, smtpPort, "cost", false, false);
        args.add("--camunda.bpm.job-execution.wait-time-in-millis=1000");
        args.add("--camunda.bpm.job-execution.max-wait=2000");
        return AppNode.start(args, clock);
    }

    /** A count by the tool itself (marked, so that pg_stat_statements' figures leave it out). */
    private static long count(Connection db, String sql) {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(Statements.MARK + " " + sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

}
