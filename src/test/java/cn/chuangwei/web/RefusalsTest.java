package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refusals read well everywhere: through the engine's REST API a task the caller may not see is refused alike on every
 * endpoint, a body that is not JSON is told where it breaks, an encoded "/" in an address gets the application's
 * error (JSON for the API, the error page for a page), and a standard file of the wrong shape is told by its field in
 * plain words. Each refusal is a 4xx in both languages, names no Java type, and changes nothing.
 */
@H2Test
class RefusalsTest {

    /** What a Java type, a parser's token or a stack trace looks like in a body. */
    static final List<String> JAVA = List.of("java.", "jakarta.", "com.fasterxml", "org.camunda", "cn.chuangwei",
            "JsonToken", "START_ARRAY", "START_OBJECT", "`", "\tat ", "Exception:");
    static final String NO_TASK = "00000000-aaaa-bbbb-cccc-000000000000";

    final int port;
    final IdentityService identity;
    final ManagementService management;
    final JdbcClient jdbc;
    final TestClock clock;

    Fixture f;
    ApiCampaign campaign;
    Api head;
    String own;
    String other;

    @Autowired
    RefusalsTest(@LocalServerPort int port, IdentityService identity, ManagementService management, JdbcClient jdbc,
                 TestClock clock) {
        this.port = port;
        this.identity = identity;
        this.management = management;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @BeforeEach
    void campaign() {
        clock.set(LocalDateTime.of(2027, 8, 1, 9, 0));
        f = new Fixture(identity);
        campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 8, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-08-05", true, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-08-06", false, null)),
                false));
        head = as(f.head("dzb"));
        own = firstTask(f.head("dzb"));
        other = firstTask(f.head("cgzx"));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    String firstTask(String user) {
        return as(user).get("/api/tasks?campaignId=" + campaign.id()).json().get(0).get("id").asText();
    }

    Map<String, Object> snapshot() {
        Map<String, Object> s = new LinkedHashMap<>();
        for (String t : List.of("act_ru_task", "act_ru_variable", "act_ru_identitylink", "act_hi_comment",
                "act_hi_attachment", "standard", "standard_area", "standard_item", "standard_indicator")) {
            s.put(t, jdbc.sql("select count(*) from " + t).query(Long.class).single());
        }
        s.put("assignees", jdbc.sql("select id_, assignee_ from act_ru_task order by 1").query().listOfRows().toString());
        return s;
    }

    /** A refusal: the status and code, the ApiError's fields (and Camunda's type), both languages, no Java. */
    static JsonNode refused(String what, Reply r, int status, String code) {
        assertThat(r.status()).as("%s: %s", what, r.raw()).isEqualTo(status);
        JsonNode e = r.json();
        assertThat(e).as("%s: JSON, not %s", what, r.raw()).isNotNull();
        assertThat(e.path("status").asInt()).as(what).isEqualTo(status);
        assertThat(e.path("code").asText()).as("%s: %s", what, r.raw()).isEqualTo(code);
        assertThat(e.path("message").asText()).as(what).matches("(?s).*[\\u4e00-\\u9fa5].*");
        assertThat(e.path("messageEn").asText()).as(what).isNotBlank().doesNotContain("error.")
                .isNotEqualTo(e.path("message").asText());
        JAVA.forEach(j -> assertThat(r.raw()).as(what).doesNotContain(j));
        assertThat(e.path("type").asText()).as("%s: Camunda's name of the refusal, if any", what).matches("[A-Za-z]*");
        Set<String> allowed = Set.of("type", "status", "code", "message", "messageEn", "field", "row");
        e.fieldNames().forEachRemaining(n -> assertThat(allowed).as("%s: field %s", what, n).contains(n));
        return e;
    }

    /** A task endpoint of the engine's REST API: method, what follows {@code task/{id}}, body. */
    record Endpoint(String method, String tail, Object body) {
        Reply call(Api api, String taskId) {
            String path = "/engine-rest/task/" + taskId + tail;
            return switch (method) {
                case "GET" -> api.get(path);
                case "PUT" -> api.put(path, body);
                default -> api.post(path, body);
            };
        }
    }

    List<Endpoint> taskEndpoints() {
        Map<String, Object> none = Map.of("variables", Map.of());
        return List.of(new Endpoint("GET", "", null), new Endpoint("GET", "/variables", null),
                new Endpoint("GET", "/variables/taskTitle", null),
                new Endpoint("PUT", "/variables/taskTitle", Map.of("value", "改过", "type", "String")),
                new Endpoint("POST", "/variables", Map.of("modifications", Map.of("x", Map.of("value", "y")))),
                new Endpoint("GET", "/form-variables", null), new Endpoint("GET", "/form", null),
                new Endpoint("POST", "/submit-form", none), new Endpoint("POST", "/complete", none),
                new Endpoint("POST", "/claim", Map.of("userId", f.head("dzb"))),
                new Endpoint("GET", "/identity-links", null),
                new Endpoint("POST", "/identity-links", Map.of("userId", f.head("dzb"), "type", "candidate")),
                new Endpoint("POST", "/comment/create", Map.of("message", "冒名评论")), new Endpoint("GET", "/comment", null),
                new Endpoint("GET", "/attachment", null));
    }

    @Test
    void aTaskTheCallerMayNotSeeIsRefusedAlikeOnEveryEndpoint() {
        Map<String, Object> before = snapshot();
        for (Endpoint e : taskEndpoints()) {
            String what = e.method() + " task/{id}" + e.tail();
            // another unit's task: 403, as the application's own API says (never 400 "No task found")
            refused(what + " (another unit's)", e.call(head, other), 403, "not-your-task");
            // no such task: 404 (never the engine's 500)
            refused(what + " (none)", e.call(head, NO_TASK), 404, "unknown-task");
            refused(what + " (none, office)", e.call(as(f.office), NO_TASK), 404, "unknown-task");
        }
        assertThat(snapshot()).as("refused, so nothing changed").isEqualTo(before);
        // the task itself refuses in Camunda's terms too (Tasklist and Cockpit read "type")
        assertThat(head.get("/engine-rest/task/" + other).json().get("type").asText()).isEqualTo("InvalidRequestException");

        // the office reads every task but works on none of a unit's: the engine's authorization, in our words
        JsonNode office = refused("office completes a unit's task", as(f.office).post("/engine-rest/task/" + other
                + "/complete", Map.of("variables", Map.of())), 403, "forbidden");
        assertThat(office.get("type").asText()).isEqualTo("AuthorizationException");
        // a history query shows nothing of another unit's task, as every list does
        Reply hidden = head.get("/engine-rest/history/task?taskId=" + other);
        assertThat(hidden.status()).isEqualTo(200);
        assertThat(hidden.json()).isEmpty();
        assertThat(as(f.office).get("/engine-rest/history/task?taskId=" + other).json()).hasSize(1);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aTaskTheCallerMaySeeGoesOnAndACompletedOneIsSaidToBeCompleted() {
        assertThat(head.get("/engine-rest/task/" + own).status()).isEqualTo(200);
        assertThat(head.get("/engine-rest/task/" + own + "/variables").status()).isEqualTo(200);
        assertThat(head.get("/engine-rest/task/count").status()).isEqualTo(200);
        // the engine keeps comments in the history, which a unit head may not read
        Map<String, Object> before = snapshot();
        refused("own comment", head.post("/engine-rest/task/" + own + "/comment/create", Map.of("message", "好")), 403,
                "task-history-closed");
        assertThat(snapshot()).isEqualTo(before);
        Reply byOffice = as(f.office).post("/engine-rest/task/" + own + "/comment/create", Map.of("message", "请按时完成"));
        assertThat(byOffice.status()).as(byOffice.raw()).isEqualTo(200);

        assertThat(head.post("/api/tasks/" + own + "/complete", Map.of("resultSummary", "已召开")).status()).isEqualTo(200);
        before = snapshot();
        refused("own task, completed", head.get("/engine-rest/task/" + own), 409, "task-already-completed");
        refused("own task, completed again", head.post("/engine-rest/task/" + own + "/complete",
                Map.of("variables", Map.of())), 409, "task-already-completed");
        refused("own task's comments", head.get("/engine-rest/task/" + own + "/comment"), 403, "task-history-closed");
        refused("another unit's completed task", as(f.head("cgzx")).get("/engine-rest/task/" + own), 403, "not-your-task");
        assertThat(as(f.office).get("/engine-rest/task/" + own + "/comment").json()).hasSize(1);
        refused("comment on a completed task", as(f.office).post("/engine-rest/task/" + own + "/comment/create",
                Map.of("message", "晚了")), 409, "task-already-completed");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aBodyThatIsNotJsonIsToldWhereItBreaks() {
        Map<String, Object> before = snapshot();
        String complete = "/engine-rest/task/" + own + "/complete";
        JsonNode cut = refused("cut short", head.post(complete, "{\"variables\": "), 400, "json-cut-off");
        assertThat(cut.get("messageEn").asText()).contains("line 1, column 15");
        assertThat(cut.get("message").asText()).contains("第 1 行第 15 列");
        JsonNode bad = refused("a bare word", head.post(complete, "{\n  \"variables\": nichts}"), 400, "json-syntax");
        assertThat(bad.get("messageEn").asText()).contains("line 2");
        assertThat(refused("a list for an object", head.post(complete, "{\"variables\": []}"), 400, "expected-mapping")
                .get("field").asText()).isEqualTo("variables");
        assertThat(refused("a number for a list", head.post("/engine-rest/task", "{\"sorting\": 5}"), 400, "expected-list")
                .get("messageEn").asText()).contains("\"sorting\"");
        assertThat(refused("text for a number", head.post("/engine-rest/task", "{\"priority\": \"hoch\"}"), 400,
                "expected-number").get("field").asText()).isEqualTo("priority");
        refused("no such address", head.get("/engine-rest/task/" + own + "/no-such-thing"), 404, "not-found");
        // a query parameter that is not of its type is named, be it Jersey's refusal or the engine's
        assertThat(refused("a word for a number", head.get("/engine-rest/task?maxResults=abc"), 400, "invalid-value")
                .get("field").asText()).isEqualTo("maxResults");
        assertThat(refused("a word for a date", head.get("/engine-rest/task?dueBefore=tomorrow"), 400, "invalid-value")
                .get("field").asText()).isEqualTo("dueBefore");
        assertThat(refused("an unknown sort order", head.get("/engine-rest/task?sortBy=bogus&sortOrder=asc"), 400,
                "invalid-value").get("field").asText()).isEqualTo("sortBy");
        // any other refusal of the engine: in both languages, with the engine's own words as the detail
        assertThat(refused("the engine's own refusal", head.get("/engine-rest/task?sortBy=created"), 400,
                "engine-bad-request").get("messageEn").asText()).contains("sortOrder");
        assertThat(snapshot()).isEqualTo(before);
        assertThat(head.get("/engine-rest/task/" + own).status()).as("the task is open").isEqualTo(200);
    }

    @Test
    void anEncodedSlashGetsTheApplicationsErrorNotTheServersPage() throws Exception {
        Map<String, Object> before = snapshot();
        Api office = as(f.office);
        long c = campaign.id();
        for (String path : List.of("/api/templates/..%2F..%2Fapplication", "/api/standards/..%2Fprovincial-jiangsu",
                "/api/evidence/1%2F2/content", "/api/supervision/circulars/1%2F2/pdf", "/api/templates/a%5Cb",
                "/api/campaigns/" + c + "/thresholds/..%2FSATISFACTION", "/engine-rest/task/" + own + "%2F..%2Fcomment")) {
            refused("GET " + path, office.get(path), 400, "invalid-url");
        }
        refused("PUT threshold", office.put("/api/campaigns/" + c + "/thresholds/a%2Fb", Map.of("threshold", 1)), 400,
                "invalid-url");
        assertThat(snapshot()).isEqualTo(before);

        // a page: the error page, in the reader's language
        WebSession reader = new WebSession(port);
        assertThat(reader.login(f.office, Fixture.PASSWORD).status()).isEqualTo(302);
        for (String path : List.of("/board/" + c + "%2Ftasks", "/board/circulars/1%2F2/print", "/m/cases%2F..")) {
            WebSession.Page p = reader.get(path);
            assertThat(p.status()).as(path).isEqualTo(400);
            assertThat(p.contentType()).as(path).startsWith("text/html");
            assertThat(p.body()).as(path).contains("id=\"back\"").contains("请求地址含有不允许的字符")
                    .contains("lang=\"zh-CN\"").doesNotContain("Exception").doesNotContain("HTTP Status 400");
        }
        HttpResponse<String> english = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/board/" + c + "%2Ftasks")).header("Accept", "text/html")
                .header("Cookie", PageConfig.LANG_COOKIE + "=en").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body()).contains("The address contains characters that are not allowed")
                .contains("lang=\"en\"").doesNotContain("HTTP Status 400");
    }

    @Test
    void aStandardFileOfTheWrongShapeIsToldByItsFieldInPlainWords() {
        Api office = as(f.office);
        Map<String, Object> before = snapshot();
        record Case(String yaml, String code, String field) {
        }
        List<Case> cases = List.of(new Case("code: [a, b]\nname: 标准\n", "expected-text", "code"),
                new Case("code: abc\npassScore: hoch\n", "expected-number", "passScore"),
                new Case("code: abc\nareas: 5\n", "expected-list", "areas"),
                new Case("code: abc\nareas:\n  - code: ABC\n    items: {a: 1}\n", "expected-list", "areas[0].items"),
                new Case("code: abc\nareas:\n  - code: ABC\n    items:\n      - code: AB-01\n        veto: [1]\n",
                        "expected-boolean", "areas[0].items[0].veto"),
                new Case("- a\n- b\n", "expected-mapping", "file"),
                new Case("code: abc\nareas:\n  - code: ABC\n    itemz: []\n", "unknown-key", "areas[0].itemz"),
                new Case("code: abc\n  name: : [\n", "yaml-syntax", "file"));
        for (Case c : cases) {
            Reply r = office.upload("/api/standards", "standard.yaml", "application/yaml",
                    c.yaml().getBytes(StandardCharsets.UTF_8));
            JsonNode e = refused(c.yaml(), r, 400, c.code());
            assertThat(e.get("field").asText()).as(c.yaml()).isEqualTo(c.field());
            if (!c.field().equals("file")) {
                assertThat(e.get("message").asText()).as(c.yaml()).contains(c.field());
                assertThat(e.get("messageEn").asText()).as(c.yaml()).contains(c.field());
            }
        }
        Reply unknown = office.upload("/api/standards", "s.yaml", "application/yaml",
                "code: abc\npassMark: 1\n".getBytes(StandardCharsets.UTF_8));
        assertThat(refused("unknown key", unknown, 400, "unknown-key").get("messageEn").asText())
                .contains("passMark").contains("passScore");
        JsonNode syntax = refused("syntax", office.upload("/api/standards", "s.yaml", "application/yaml",
                "code: abc\n  name: : [\n".getBytes(StandardCharsets.UTF_8)), 400, "yaml-syntax");
        assertThat(syntax.get("messageEn").asText()).contains("line 2");
        assertThat(snapshot()).isEqualTo(before);
    }
}
