package cn.chuangwei.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
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
 * Refusals read well everywhere: through the engine's REST API a body that is not JSON is told where it breaks, and
 * a standard file of the wrong shape is told by its field in plain words. Each refusal is a 4xx in both languages,
 * names no Java type, and changes nothing.
 */
@H2Test
class RefusalsTest {

    /** What a Java type, a parser's token or a stack trace looks like in a body. */
    static final List<String> JAVA = List.of("java.", "jakarta.", "com.fasterxml", "org.camunda", "cn.chuangwei",
            "JsonToken", "START_ARRAY", "START_OBJECT", "`", "\tat ", "Exception:");

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
