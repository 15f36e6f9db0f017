package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/**
 * The defences around the logins: throttling after failed attempts and a lock after ten, security headers and a
 * short-lived HttpOnly session on the pages, no expressions in REST queries, Actuator's metrics for administrators only.
 */
@H2Test
class SecurityHardeningTest {

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    TestClock clock;
    @Autowired
    ServletWebServerApplicationContext context;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, "text/html");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void failedLoginsSlowTheNextAttemptAndTenLockTheLogin() {
        Fixture f = new Fixture(identity);
        Instant start = Instant.parse("2027-05-10T02:00:00Z");
        clock.set(start);
        assertThat(new Api(port, f.outsider, "wrong").get("/api/campaigns").status()).isEqualTo(401);
        // within the delay even the right password is refused
        assertThat(new Api(port, f.outsider, Fixture.PASSWORD).get("/api/campaigns").status()).isEqualTo(401);
        clock.set(start.plusSeconds(4));
        assertThat(new Api(port, f.outsider, Fixture.PASSWORD).get("/api/campaigns").status()).isEqualTo(200);

        Instant t = start.plusSeconds(10);
        for (int i = 0; i < 10; i++) {
            clock.set(t);
            assertThat(new Api(port, f.members.get(0), "guess-" + i).get("/api/campaigns").status()).isEqualTo(401);
            t = t.plusSeconds(61);
        }
        clock.set(t.plusSeconds(3600));
        assertThat(new Api(port, f.members.get(0), Fixture.PASSWORD).get("/api/campaigns").status())
                .as("locked after ten failures").isEqualTo(401);
        identity.unlockUser(f.members.get(0));
        assertThat(new Api(port, f.members.get(0), Fixture.PASSWORD).get("/api/campaigns").status()).isEqualTo(200);
    }

    @Test
    void thePagesSendSecurityHeadersAndAShortLivedHttpOnlySession() throws IOException, InterruptedException {
        HttpResponse<String> login = get("/login");
        HttpHeaders h = login.headers();
        assertThat(h.firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval"));
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(h.firstValue("Permissions-Policy")).hasValueSatisfying(p -> assertThat(p).contains("geolocation=(self)"));
        assertThat(h.allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("SESSION=")
                .contains("HttpOnly").contains("SameSite=Lax"));
        assertThat(login.body()).doesNotContain("<script>");
        assertThat(context.getServletContext().getSessionTimeout()).as("minutes").isEqualTo(30);
        // the API answers with the same defences against sniffing and framing
        HttpResponse<String> api = get("/api/campaigns");
        assertThat(api.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(api.headers().firstValue("Cache-Control")).hasValueSatisfying(c -> assertThat(c).contains("no-store"));
    }

    @Test
    void restQueriesTakeNoExpressions() {
        Fixture f = new Fixture(identity);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        String expression = URLEncoder.encode("${execution.getProcessEngineServices()}", StandardCharsets.UTF_8);
        assertThat(office.get("/engine-rest/task?assigneeExpression=" + expression).status()).isEqualTo(400);
        assertThat(office.get("/engine-rest/task?candidateGroupsExpression=" + expression).status()).isEqualTo(400);
        assertThat(office.get("/engine-rest/task").status()).isEqualTo(200);
    }

    @Test
    void healthIsOpenMetricsAreForAdministrators() throws IOException, InterruptedException {
        HttpResponse<String> health = get("/actuator/health", "application/json");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").doesNotContain("processEngine");
        assertThat(get("/actuator/health/readiness", "application/json").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/metrics", "*/*").statusCode()).isEqualTo(401);
        Fixture f = new Fixture(identity);
        assertThat(new Api(port, f.office, Fixture.PASSWORD).get("/actuator/metrics").status()).isEqualTo(403);
        identity.createMembership(f.members.get(1), "camunda-admin");
        Api admin = new Api(port, f.members.get(1), Fixture.PASSWORD);
        // (tests run without the Prometheus export; the same meters are at /actuator/prometheus in the app)
        for (String meter : java.util.List.of("chuangwei.jobs.due", "chuangwei.jobs.failed", "chuangwei.incidents.open",
                "chuangwei.outbox.mails", "chuangwei.outbox.oldest.pending.seconds")) {
            Api.Reply m = admin.get("/actuator/metrics/" + meter);
            assertThat(m.status()).as(meter).isEqualTo(200);
            assertThat(m.json().get("measurements").get(0).get("value").isNumber()).as(m.raw()).isTrue();
        }
        assertThat(admin.get("/actuator/metrics/chuangwei.outbox.mails").raw()).contains("UNCONFIRMED");
        assertThat(admin.get("/actuator/health").raw()).contains("processEngine").contains("db");
    }
}
