package cn.chuangwei.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.chuangwei.ChuangweiApplication;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Fixture;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * PostgreSQL restarts while the application works through 300 overdue tasks' timers and mails: requests fail while it
 * is down, then the application reconnects by itself, and every timer, escalation and mail is done, once.
 */
class DatabaseRestartIT {

    static final int TASKS = 300;

    @Test
    void theApplicationReconnectsAfterARestartAndLosesNoWork() throws Exception {
        Path data = Files.createTempDirectory("chuangwei-pg");
        int port = OverdueWork.freePort();
        int smtpPort = OverdueWork.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        EmbeddedPostgres postgres = postgres(data, port);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(ChuangweiApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.process-engine-name=restarted", "--camunda.bpm.admin-user.password=restart-admin-51",
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=2000",
                "--chuangwei.demo.enabled=false", "--chuangwei.base-url=https://chuangwei.example.org",
                "--chuangwei.mail.poll-millis=300", "--chuangwei.mail.lease-seconds=10",
                // every reminder its own mail (the installation's default holds them for the daily digest)
                "--chuangwei.notify.reminders=IMMEDIATE",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--logging.level.root=WARN", "--logging.level.org.camunda=ERROR", "--logging.level.com.zaxxer=ERROR")) {
            int httpPort = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            Fixture f = new Fixture(app.getBean(IdentityService.class));
            long campaign = OverdueWork.campaign(app, f, TASKS);
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Api office = new Api(httpPort, f.office, Fixture.PASSWORD);

            // the work is under way: some escalations recorded, many still to come
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() ->
                    jdbc.sql("select count(*) from escalation_step where campaign_id = :c").param("c", campaign)
                            .query(Long.class).single() >= 20);
            postgres.close();
            assertThat(office.get("/api/campaigns/" + campaign).status()).as("database down").isGreaterThanOrEqualTo(500);
            postgres = postgres(data, port);

            await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() ->
                    office.get("/api/campaigns/" + campaign).status() == 200
                            && app.getBean(ManagementService.class).createJobQuery().executable().count() == 0
                            && jdbc.sql("select count(*) from act_ru_job where lock_owner_ is not null")
                            .query(Long.class).single() == 0
                            && jdbc.sql("select count(*) from mail_outbox where status in ('PENDING', 'SENDING')")
                            .query(Long.class).single() == 0);

            OverdueWork.assertEscalatedOnce(jdbc, List.of(campaign), TASKS);
            assertThat(app.getBean(RuntimeService.class).createIncidentQuery().count()).as("incidents").isZero();
            long sent = jdbc.sql("select count(*) from mail_outbox where status = 'SENT'").query(Long.class).single();
            long unconfirmed = jdbc.sql("select count(*) from mail_outbox where status = 'UNCONFIRMED'")
                    .query(Long.class).single();
            // a mail on its way to SMTP while the database went down cannot be recorded as sent: it waits for a person
            // (UNCONFIRMED), never goes twice
            assertThat(unconfirmed).isLessThanOrEqualTo(1);
            assertThat(sent).isGreaterThan(TASKS);
            assertThat((long) smtp.getReceivedMessages().length).isBetween(sent, sent + unconfirmed);
        } finally {
            postgres.close();
            smtp.stop();
        }
    }

    private static EmbeddedPostgres postgres(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder().setRegisterShutdownHook(false).setDataDirectory(data)
                .setCleanDataDirectory(false).setPort(port).start();
    }
}
