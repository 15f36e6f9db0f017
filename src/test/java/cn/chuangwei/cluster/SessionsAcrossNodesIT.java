package cn.chuangwei.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.ChuangweiApplication;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.support.WebSession.Page;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two nodes on one PostgreSQL, as behind the compose file's proxy (round-robin, no sticky sessions): node A in this
 * JVM, node B in a JVM of its own, both with the engine name "default". A browser signed in on one node is signed in
 * on the other, to the board and to Tasklist (one sign-in on /login, the webapps' authentication kept in the same
 * session), and signing out on one ends it on both: the sessions are in the database (Spring Session JDBC). Node B honours a proxy's
 * X-Forwarded-* headers.
 */
class SessionsAcrossNodesIT {

    static final String ADMIN_PASSWORD = "sessions-admin-8e3f";
    /** The administrator as the board shows who is signed in: by name (PageModel). */
    static final String ME = "系统管理员";

    static EmbeddedPostgres postgres;
    static ConfigurableApplicationContext nodeA;
    static Process nodeB;
    static int portA;
    static int portB;

    @BeforeAll
    static void startBoth() throws IOException {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        // node A first: it creates the schema (Flyway's and Camunda's) that node B then finds
        nodeA = new SpringApplicationBuilder(ChuangweiApplication.class).run(arguments(0).toArray(String[]::new));
        portA = ((ServletWebServerApplicationContext) nodeA).getWebServer().getPort();
        portB = OverdueWork.freePort();
        nodeB = ChildJvm.start("sessionsB", arguments(portB));
        ChildJvm.awaitStarted("sessionsB", Duration.ofMinutes(4));
    }

    @AfterAll
    static void stopBoth() throws IOException {
        if (nodeB != null) {
            nodeB.destroyForcibly();
        }
        if (nodeA != null) {
            nodeA.close();
        }
        postgres.close();
    }

    /** A production node (no demo), its job executor and mail sender off: this test is about requests. */
    private static List<String> arguments(int port) {
        return new ArrayList<>(List.of("--server.port=" + port,
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
                "--camunda.bpm.admin-user.password=" + ADMIN_PASSWORD, "--camunda.bpm.job-execution.enabled=false",
                "--chuangwei.demo.enabled=false", "--chuangwei.base-url=https://chuangwei.example.org",
                "--chuangwei.mail.sender.enabled=false", "--logging.level.root=WARN"));
    }

    private static JdbcClient jdbc() {
        return nodeA.getBean(JdbcClient.class);
    }

    private static long sessionsOf(String user) {
        return jdbc().sql("select count(*) from spring_session where principal_name = :u").param("u", user)
                .query(Long.class).single();
    }

    @Test
    void aBoardSignInOnOneNodeHoldsOnTheOtherAndSigningOutEndsItOnBoth() {
        WebSession onA = new WebSession(portA);
        Page login = onA.login("admin", ADMIN_PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).doesNotContain("error");
        String cookie = onA.cookie("SESSION");
        assertThat(cookie).isNotBlank();
        assertThat(jdbc().sql("select max_inactive_interval from spring_session where principal_name = 'admin'")
                .query(Integer.class).single()).as("30 minutes, as server.servlet.session.timeout").isEqualTo(1800);

        WebSession onB = onA.at(portB);
        Page board = onB.get("/");
        assertThat(board.status()).as("node B knows the session node A opened").isEqualTo(200);
        assertThat(board.body()).contains(ME).doesNotContain("name=\"password\"");
        assertThat(onB.cookie("SESSION")).isEqualTo(cookie);
        assertThat(onA.get("/").body()).contains(ME);

        // signing out on B (with the CSRF token the session holds) ends the session on A too
        Page out = onB.post("/", "/logout", Map.of());
        assertThat(out.status()).isEqualTo(302);
        assertThat(out.location()).endsWith("/login?logout");
        Page again = onA.get("/");
        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).endsWith("/login");
        assertThat(sessionsOf("admin")).isZero();
    }

    @Test
    void tasklistSignedInOnOneNodeIsSignedInOnTheOther() {
        // one sign-in on node A's /login, Tasklist opened on A: its authentication is kept in the shared session
        WebSession onA = new WebSession(portA);
        assertThat(onA.get("/camunda/app/tasklist/default/").location()).endsWith("/login");
        assertThat(onA.login("admin", ADMIN_PASSWORD).location()).endsWith("/camunda/app/tasklist/default/");
        assertThat(onA.get("/camunda/app/tasklist/default/").status()).isEqualTo(200);
        assertThat(onA.webapp("/camunda/api/engine/engine/", null).status()).isEqualTo(200);

        // the webapps' authentication (Camunda's Authentications, serialized into the session) reaches node B
        WebSession onB = onA.at(portB);
        Page user = onB.webapp("/camunda/api/admin/auth/user/default", null);
        assertThat(user.status()).as(user.body()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"admin\"").contains("tasklist");
        assertThat(onB.webapp("/camunda/api/engine/engine/default/task/count", null).status()).isEqualTo(200);

        // signing out of Tasklist on B ends the one session, on A too, for the board as well
        Page out = onB.webapp("/camunda/api/admin/auth/user/default/logout", "");
        assertThat(out.status()).as(out.body()).isIn(200, 204);
        assertThat(onA.webapp("/camunda/api/admin/auth/user/default", null).status()).as("signed out on A too")
                .isNotEqualTo(200);
        assertThat(onA.get("/").location()).endsWith("/login");
        assertThat(sessionsOf("admin")).isZero();
    }

    @Test
    void theNodesFollowTheProxysForwardedHeaders() throws IOException, InterruptedException {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + portB + "/board/1")).header("Accept", "text/html")
                .header("X-Forwarded-Proto", "https").header("X-Forwarded-Host", "chuangwei.example.org")
                .header("X-Forwarded-Port", "443").header("X-Forwarded-For", "203.0.113.7").build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue("https://chuangwei.example.org/login");
    }
}
