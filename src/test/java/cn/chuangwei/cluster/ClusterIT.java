package cn.chuangwei.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chuangwei.ChuangweiApplication;
import cn.chuangwei.support.Fixture;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes of the application on one PostgreSQL, as a homogeneous Camunda cluster: node A in this JVM, node B in a
 * JVM of its own. A campaign of 340 unit tasks, all overdue, makes 1,020 timers (two reminders and the deadline's
 * ladder check each) fall due at once. Each escalation step is recorded once and each mail delivered once (GreenMail
 * counts, by Message-ID), and both nodes did part of the work. The second run kills node B halfway (kill -9): node A
 * takes over B's jobs once their locks expire and finishes the work, still once.
 */
class ClusterIT {

    /** Three timers each (two reminders and the deadline's ladder check): 1,020 timers due at once. */
    static final int TASKS = 340;
    static final int CAMPAIGNS = 4;
    static final String ADMIN_PASSWORD = "cluster-admin-6d2a";

    static EmbeddedPostgres postgres;
    static GreenMail smtp;
    static int smtpPort;

    ConfigurableApplicationContext nodeA;
    Process nodeB;

    @BeforeAll
    static void infrastructure() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        smtpPort = OverdueWork.freePort();
        smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stopInfrastructure() throws IOException {
        smtp.stop();
        postgres.close();
    }

    @BeforeEach
    void cleanMailbox() throws Exception {
        smtp.purgeEmailFromAllMailboxes();
    }

    @AfterEach
    void stopNodes() {
        if (nodeB != null && nodeB.isAlive()) {
            nodeB.destroyForcibly();
        }
        if (nodeA != null) {
            nodeA.close();
        }
    }

    /** A seeded campaign: its phase process, whose timers wait suspended, and where its mails start in the outbox. */
    record Seed(List<Long> campaigns, List<String> phases, long outboxFrom) {

        void release(ManagementService management) {
            phases.forEach(management::activateJobByProcessInstanceId);
        }
    }

    @Test
    void timersEscalationsAndMailsHappenOnceAcrossTwoNodes() throws Exception {
        Seed seed = seed();
        startBoth("nodeA1", "nodeB1");
        seed.release(nodeA.getBean(ManagementService.class));
        awaitAllDone(Duration.ofMinutes(8));
        assertOnce(seed, false);
        assertThat(hostnames()).as("both nodes executed jobs").containsOnlyKeys("nodeA1", "nodeB1");
    }

    @Test
    void whenANodeIsKilledHalfwayTheOtherFinishesTheWorkOnce() throws Exception {
        Seed seed = seed();
        startBoth("nodeA2", "nodeB2");
        ManagementService management = nodeA.getBean(ManagementService.class);
        seed.release(management);
        long due = management.createJobQuery().executable().count();
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> management.createJobQuery().executable().count() <= due / 2);
        nodeB.destroyForcibly().waitFor();
        System.out.println("ClusterIT: node B killed with " + management.createJobQuery().executable().count()
                + " of " + due + " timers still due");
        awaitAllDone(Duration.ofMinutes(8));
        assertOnce(seed, true);
        assertThat(hostnames()).as("node A finished what B left").containsKey("nodeA2");
    }

    /** Node B first (a JVM takes longer to start), then node A; both ready before the timers are let go. */
    private void startBoth(String a, String b) throws IOException {
        nodeB = ChildJvm.start(b, nodeArguments(b, true));
        nodeA = startNode(a, true);
        ChildJvm.awaitStarted(b, Duration.ofMinutes(4));
    }

    /**
     * Four towns' campaigns of 85 tasks each over twelve units, every deadline past, set up by a node whose job
     * executor is off; their timers wait suspended until both nodes are up. (Camunda runs the jobs of one process
     * instance one at a time across the cluster, so the nodes share the work by campaign.)
     */
    private Seed seed() {
        try (ConfigurableApplicationContext setup = startNode("setup" + System.nanoTime() % 100000, false)) {
            JdbcClient jdbc = setup.getBean(JdbcClient.class);
            ManagementService management = setup.getBean(ManagementService.class);
            long outboxFrom = jdbc.sql("select coalesce(max(id), 0) from mail_outbox").query(Long.class).single();
            List<Long> campaigns = new ArrayList<>();
            List<String> phases = new ArrayList<>();
            for (int c = 0; c < CAMPAIGNS; c++) {
                long id = OverdueWork.campaign(setup, new Fixture(setup.getBean(IdentityService.class)), TASKS / CAMPAIGNS);
                String pi = jdbc.sql("select process_instance_id from campaign where id = :id").param("id", id)
                        .query(String.class).single();
                for (Job j : management.createJobQuery().processInstanceId(pi).list()) {
                    management.executeJob(j.getId());
                }
                String phase = setup.getBean(RuntimeService.class).createProcessInstanceQuery()
                        .superProcessInstanceId(pi).singleResult().getId();
                // held until both nodes are up, then let go at once
                management.suspendJobByProcessInstanceId(phase);
                campaigns.add(id);
                phases.add(phase);
            }
            long due = 0;
            for (String phase : phases) {
                due += management.createJobQuery().processInstanceId(phase).duedateLowerThan(new java.util.Date()).count();
            }
            assertThat(due).as("timers due at once").isGreaterThanOrEqualTo(1000);
            System.out.printf("ClusterIT: %d timers due at once for %d tasks in %d campaigns%n", due, TASKS, CAMPAIGNS);
            return new Seed(campaigns, phases, outboxFrom);
        }
    }

    /** A node's settings; its engine name (letters and digits only: Camunda ignores others) tells its job logs apart. */
    private static List<String> nodeArguments(String name, boolean jobs) {
        return List.of("--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.process-engine-name=" + name, "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD,
                "--camunda.bpm.job-execution.enabled=" + jobs,
                // a node that dies leaves its jobs to the other after 15 s (production: 10 minutes)
                "--camunda.bpm.job-execution.lock-time-in-millis=15000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
                "--chuangwei.demo.enabled=false", "--chuangwei.base-url=https://chuangwei.example.org",
                "--chuangwei.mail.sender.enabled=" + jobs,
                "--chuangwei.mail.poll-millis=300", "--chuangwei.mail.lease-seconds=10",
                // every reminder its own mail (the installation's default holds them for the daily digest)
                "--chuangwei.notify.reminders=IMMEDIATE",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--logging.level.root=WARN", "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR");
    }

    private static ConfigurableApplicationContext startNode(String name, boolean jobs) {
        return new SpringApplicationBuilder(ChuangweiApplication.class)
                .run(nodeArguments(name, jobs).toArray(String[]::new));
    }

    private void awaitAllDone(Duration limit) {
        long started = System.nanoTime();
        ManagementService management = nodeA.getBean(ManagementService.class);
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        await().atMost(limit).pollInterval(Duration.ofMillis(500)).until(() ->
                management.createJobQuery().executable().count() == 0
                        && jdbc.sql("select count(*) from act_ru_job where lock_owner_ is not null")
                        .query(Long.class).single() == 0
                        && jdbc.sql("select count(*) from mail_outbox where status in ('PENDING', 'SENDING')")
                        .query(Long.class).single() == 0);
        System.out.printf("ClusterIT: all timers and mails done %.1f s after node A was up%n",
                (System.nanoTime() - started) / 1e9);
    }

    private void assertOnce(Seed seed, boolean killed) throws MessagingException {
        JdbcClient jdbc = nodeA.getBean(JdbcClient.class);
        List<Long> campaigns = seed.campaigns();
        long rows = jdbc.sql("select count(*) from task_row where campaign_id in (:c)").param("c", campaigns)
                .query(Long.class).single();
        assertThat(rows).isEqualTo(TASKS);
        OverdueWork.assertEscalatedOnce(jdbc, campaigns, TASKS);
        ManagementService management = nodeA.getBean(ManagementService.class);
        assertThat(management.createJobQuery().noRetriesLeft().count()).as("failed jobs").isZero();
        assertThat(nodeA.getBean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();

        // each mail once: one outbox row per idempotency key, each received at most once, every sent one received
        Map<String, Long> byStatus = new java.util.HashMap<>();
        jdbc.sql("select status, count(*) as n from mail_outbox where id > :from group by status")
                .param("from", seed.outboxFrom()).query(rs -> {
                    byStatus.put(rs.getString("status"), rs.getLong("n"));
                });
        long sent = byStatus.getOrDefault("SENT", 0L);
        long unconfirmed = byStatus.getOrDefault("UNCONFIRMED", 0L);
        assertThat(byStatus.keySet()).isSubsetOf(Set.of("SENT", "UNCONFIRMED"));
        MimeMessage[] received = smtp.getReceivedMessages();
        Set<String> ids = new HashSet<>();
        for (MimeMessage m : received) {
            assertThat(ids.add(m.getMessageID() + " " + Arrays.toString(m.getAllRecipients())))
                    .as("delivered twice: " + m.getMessageID()).isTrue();
        }
        assertThat(sent).isGreaterThan(TASKS);
        if (killed) {
            // mails node B had taken when it died: left for a person to check (never sent twice), at most one batch
            assertThat(unconfirmed).isLessThanOrEqualTo(50);
            assertThat((long) received.length).isBetween(sent, sent + unconfirmed);
        } else {
            assertThat(unconfirmed).isZero();
            assertThat((long) received.length).isEqualTo(sent);
        }
    }

    /** The nodes (engine names) that completed jobs, with how many each. */
    private Map<String, Long> hostnames() {
        Map<String, Long> byNode = nodeA.getBean(HistoryService.class).createHistoricJobLogQuery().successLog().list()
                .stream().map(l -> l.getHostname()).filter(h -> h != null && h.contains("$node"))
                .collect(Collectors.groupingBy(h -> h.substring(h.indexOf('$') + 1), Collectors.counting()));
        System.out.println("ClusterIT: jobs completed per node " + byNode);
        return byNode;
    }
}
