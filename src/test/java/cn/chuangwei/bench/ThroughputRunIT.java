package cn.chuangwei.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.chuangwei.support.TestClock;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.AuthorizationException;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The throughput runs at smoke size, each variant in a JVM of its own on one database: each closes its cases (the
 * engine's history says so, by the run's own process instances and business keys), and the bare engine with
 * authorizations passes the engine's checks as the application's people.
 */
class ThroughputRunIT {

    private static final int WARMUP = 1;
    private static final int MEASURED = 4;
    private static final int CASES = WARMUP + MEASURED;

    @Test
    void eachVariantClosesItsCasesInAJvmOfItsOwn() throws Exception {
        TestClock clock = new TestClock();
        clock.set(ProvinceBenchmark.T0);
        int smtpPort;
        try (ServerSocket s = new ServerSocket(0)) {
            smtpPort = s.getLocalPort();
        }
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            String url = postgres.getJdbcUrl("postgres", "postgres");
            Path dir = Files.createDirectories(Path.of("target", "throughput-it"));
            Path townsFile = dir.resolve("towns.tsv");
            List<AppCases.Town> towns;
            try (ConfigurableApplicationContext node = AppNode.start(AppNode.args(url, smtpPort, "seed", false, true), clock)) {
                towns = Seed.towns(node, 2, ProvinceBenchmark.START);
            }
            ThroughputRun.write(townsFile, towns);
            assertThat(ThroughputRun.read(townsFile)).isEqualTo(towns);
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());

            int first = 0;
            for (ThroughputRun.Variant v : ThroughputRun.Variant.values()) {
                Path out = dir.resolve(v.id + ".properties");
                boolean serve = v == ThroughputRun.Variant.APP;
                ThroughputRun.Settings s = new ThroughputRun.Settings(url, townsFile, 2, WARMUP, MEASURED, first,
                        ProvinceBenchmark.T0.atZone(ZoneId.of("Asia/Shanghai")).toInstant(), smtpPort, true, serve);
                ThroughputRun.Result r;
                if (serve) {
                    // the application serves while it drives: its port after the warm-up, the timed cases on "go"
                    Process run = ThroughputRun.start(v, s, out);
                    int port = ThroughputRun.port(out, Duration.ofMinutes(3));
                    HttpResponse<String> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(login.statusCode()).isEqualTo(200);
                    assertThat(Files.exists(out)).as("no timed case before go").isFalse();
                    ThroughputRun.go(out);
                    long until = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                    while (!ThroughputRun.timed(out) && System.nanoTime() < until) {
                        Thread.sleep(100);
                    }
                    // still serving once its cases are timed, until stopped
                    assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/login")).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
                    ThroughputRun.stop(out);
                    r = ThroughputRun.await(run, out, Duration.ofMinutes(3));
                } else {
                    r = ThroughputRun.run(v, s, out);
                }

                assertThat(r.variant()).isEqualTo(v);
                assertThat(r.casesPerSecond()).as(v.id).isPositive();
                assertThat(r.cases()).isEqualTo(MEASURED);
                assertThat(r.processInstances()).as(v.id).hasSize(CASES).doesNotHaveDuplicates();
                long ended = jdbc.sql("""
                                select count(*) from act_hi_procinst
                                where id_ in (:ids) and end_time_ is not null and state_ = 'COMPLETED'""")
                        .param("ids", r.processInstances()).query(Long.class).single();
                assertThat(ended).as(v.id + ": cases closed").isEqualTo(CASES);
                List<String> keys = jdbc.sql("select business_key_ from act_hi_procinst where id_ in (:ids)")
                        .param("ids", r.processInstances()).query(String.class).list();
                if (v == ThroughputRun.Variant.APP) {
                    assertThat(jdbc.sql("""
                                    select count(*) from patrol_case c join act_hi_procinst p on p.id_ = c.process_instance_id
                                    where p.id_ in (:ids) and c.status = 'CLOSED' and p.business_key_ = 'case-' || c.id""")
                            .param("ids", r.processInstances()).query(Long.class).single()).isEqualTo(CASES);
                } else {
                    int from = first;
                    assertThat(keys).containsExactlyInAnyOrderElementsOf(
                            IntStream.range(from, from + CASES).mapToObj(BareEngine::businessKey).toList());
                    // every case ran in its campaign's town, as the application's do
                    assertThat(jdbc.sql("select count(*) from act_hi_procinst where id_ in (:ids) and tenant_id_ like 'region-%'")
                            .param("ids", r.processInstances()).query(Long.class).single()).isEqualTo(CASES);
                }
                if (v == ThroughputRun.Variant.BARE_ON) {
                    // each step was taken signed in as its person: the engine logged who completed each task
                    assertThat(jdbc.sql("""
                                    select count(*) from act_hi_op_log
                                    where proc_inst_id_ in (:ids) and operation_type_ = 'Complete' and user_id_ is not null""")
                            .param("ids", r.processInstances()).query(Long.class).single()).isEqualTo(CASES * 5);
                }
                first += 1_000;
            }

            // the bare engine with authorizations really checks: the unit's head may not open the office's 立案
            int next = first;
            AppCases.Town t = towns.get(0);
            AppCases.Town headAsOffice = new AppCases.Town(t.campaignId(), t.inspector(), t.head(), t.unitCode(), t.head());
            try (BareEngine on = new BareEngine(url, "postgres", "postgres", 2, BareEngine.Authorizations.ON)) {
                assertThatThrownBy(() -> on.oneCase(next, headAsOffice)).isInstanceOf(AuthorizationException.class);
            }
            try (BareEngine off = new BareEngine(url, "postgres", "postgres", 2, BareEngine.Authorizations.OFF)) {
                off.oneCase(next + 1, headAsOffice);
            }
        } finally {
            smtp.stop();
        }
    }
}
