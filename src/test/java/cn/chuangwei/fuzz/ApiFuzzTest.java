package cn.chuangwei.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterProperty;

/**
 * Random and malformed JSON against every POST and PUT of the API: valid bodies with values replaced by hostile ones
 * (wrong types, numbers out of range, strings over every limit, deep nesting, nulls, emoji and right-to-left text),
 * fields removed or added, bodies cut short, garbage. No answer is a 5xx, every refusal is a bilingual ApiError, and a
 * refused request leaves every table as it was.
 */
@H2Test
class ApiFuzzTest extends FuzzWorldProperties {

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    static String seg(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Mostly the valid path value, sometimes a hostile one. */
    static Arbitrary<String> pathValue(String valid) {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just(valid)), Tuple.of(1, Hostile.text()
                .filter(s -> !s.isEmpty() && s.length() < 300).map(ApiFuzzTest::seg)));
    }

    void send(String what, String user, String method, String path, String body) {
        Map<String, Object> before = refusals.snapshot();
        Api api = as(user);
        Reply r = "PUT".equals(method) ? api.put(path, body) : api.post(path, body);
        refusals.check(method, path, r, before);
    }

    // --- POST /api/campaigns

    @Provide
    Arbitrary<String> campaignBodies() {
        Fixture town = new Fixture(identity);
        return Hostile.bodyFrom(Hostile.tree(town.small(LocalDate.of(2027, 11, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", "全员参加", town.unit("dzb"), town.head("dzb"), "2027-11-05",
                        true, "ORG_MANAGEMENT")), true)));
    }

    @Property(tries = 120)
    void campaignSetUp(@ForAll("campaignBodies") String body) {
        send("campaign", w.f.office, "POST", "/api/campaigns", body);
    }

    // --- POST /api/campaigns/{id}/phases/{phase}/tasks

    @Provide
    Arbitrary<String> taskRowBodies() {
        return Hostile.bodyFrom(Hostile.tree(new TaskRequest(null, "张贴倡议书", "每户一份", w.draftTown.unit("c1"),
                w.draftTown.head("c1"), "2027-10-05", false, "HEALTH_EDUCATION")));
    }

    @Provide
    Arbitrary<String> phases() {
        return pathValue("MOBILIZATION");
    }

    @Property(tries = 100)
    void taskRowAdded(@ForAll("phases") String phase, @ForAll("taskRowBodies") String body) {
        send("task row", w.draftTown.office, "POST", "/api/campaigns/" + w.draft + "/phases/" + phase + "/tasks", body);
    }

    // --- POST /api/tasks/{taskId}/complete: never a valid answer, so the task stays open and unclaimed

    @Provide
    Arbitrary<String> completionBodies() {
        return Hostile.bodyFrom(Hostile.object(o -> o.put("resultSummary", "已召开动员大会"))).filter(b -> !completes(b));
    }

    /** Whether the body is an answer the unit task takes: only a result summary of 1 to 4000 characters. */
    static boolean completes(String body) {
        try {
            JsonNode n = Hostile.JSON.readTree(body);
            if (n == null || !n.isObject()) {
                return false;
            }
            JsonNode s = n.get("resultSummary");
            return n.size() == 1 && s != null && s.isTextual() && !s.asText().isBlank() && s.asText().trim().length() <= 4000;
        } catch (Exception e) {
            return false;
        }
    }

    @Property(tries = 60)
    void taskCompletion(@ForAll("completionBodies") String body) {
        String path = "/api/tasks/" + w.unitTask + "/complete";
        Map<String, Object> before = refusals.snapshot();
        Reply r = as(w.f.head("dzb")).post(path, body);
        assertThat(refusals.check("POST", path, r, before)).as("refused: %s", r.raw()).isTrue();
        JsonNode task = as(w.f.head("dzb")).get("/api/tasks/" + w.unitTask).json();
        assertThat(task.path("assignee").isMissingNode() || task.path("assignee").isNull())
                .as("the task is not claimed by a refused answer: %s", task).isTrue();
    }

    // --- POST /api/cases and /api/cases/complaints

    Map<String, Object> report() {
        return new java.util.HashMap<>(Map.of("campaignId", w.active, "gridCode", "G1", "category", "CLUTTER", "urgency",
                "URGENT", "description", "人行道乱堆建筑垃圾", "address", "青山路12号", "latitude", 31.23, "longitude", 120.61));
    }

    @Provide
    Arbitrary<String> caseBodies() {
        return Hostile.bodyFrom(Hostile.tree(report()));
    }

    @Property(tries = 60)
    void caseReported(@ForAll("caseBodies") String body) {
        send("case", w.f.supervisors.get(0), "POST", "/api/cases", body);
    }

    @Provide
    Arbitrary<String> complaintBodies() {
        Map<String, Object> c = report();
        c.putAll(Map.of("category", "TOILET", "callerName", "王先生", "callerPhone", "13800000000", "callerEmail",
                "wang@example.com"));
        return Hostile.bodyFrom(Hostile.tree(c));
    }

    @Property(tries = 60)
    void complaintRegistered(@ForAll("complaintBodies") String body) {
        send("complaint", w.hotline, "POST", "/api/cases/complaints", body);
    }

    // --- PUT /api/campaigns/{id}/grids (of the draft, so the running campaign keeps its grids)

    @Provide
    Arbitrary<String> gridBodies() {
        return Hostile.bodyFrom(Hostile.tree(List.of(
                Map.of("code", "G1", "name", "第一网格", "inspector", w.draftTown.supervisors.get(0)),
                Map.of("code", "G-2", "name", "第二网格", "inspector", w.draftTown.supervisors.get(1)))));
    }

    @Property(tries = 100)
    void gridsReplaced(@ForAll("gridBodies") String body) {
        send("grids", w.draftTown.office, "PUT", "/api/campaigns/" + w.draft + "/grids", body);
    }

    // --- PUT /api/campaigns/{id}/thresholds/{indicator}

    @Provide
    Arbitrary<String> indicators() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.of(w.indicators)),
                Tuple.of(1, Hostile.text().filter(s -> !s.isEmpty() && s.length() < 300).map(ApiFuzzTest::seg)));
    }

    @Provide
    Arbitrary<String> thresholdBodies() {
        return Hostile.bodyFrom(Hostile.object(o -> o.put("threshold", 95)));
    }

    @Property(tries = 100)
    void thresholdSet(@ForAll("indicators") String indicator, @ForAll("thresholdBodies") String body) {
        send("threshold", w.f.office, "PUT", "/api/campaigns/" + w.active + "/thresholds/" + indicator, body);
    }

    @Property(tries = 60)
    void thresholdNumbers(@ForAll("indicators") String indicator, @ForAll("numbers") String number) {
        send("threshold", w.f.office, "PUT", "/api/campaigns/" + w.active + "/thresholds/" + indicator,
                "{\"threshold\": " + number + "}");
    }

    @Provide
    Arbitrary<String> numbers() {
        return Hostile.numbers();
    }

    @Property(tries = 40)
    void caseCoordinates(@ForAll("numbers") String latitude, @ForAll("numbers") String longitude) {
        String body = Hostile.write(report()).replace("31.23", latitude).replace("120.61", longitude);
        send("case", w.f.supervisors.get(0), "POST", "/api/cases", body);
    }

    // --- POST /api/supervision/circulars (the campaign has overdue tasks, so a valid request issues one)

    @Provide
    Arbitrary<String> circularBodies() {
        return Hostile.bodyFrom(Hostile.tree(Map.of("campaignId", w.active, "from", "2027-09-01", "to", "2027-09-07",
                "title", "关于逾期任务情况的通报", "body", "各单位：现将逾期任务通报如下。")));
    }

    @Property(tries = 40)
    void circularIssued(@ForAll("circularBodies") String body) {
        send("circular", w.f.supervisors.get(0), "POST", "/api/supervision/circulars", body);
    }

    // --- POST /api/regions/{id}/circulars: the county's office, at its county (sometimes at no region)

    @Provide
    Arbitrary<String> countyCircularBodies() {
        return Hostile.bodyFrom(Hostile.tree(Map.of("from", "2027-09-01", "to", "2027-09-07",
                "title", "关于各乡镇创建工作进展情况的通报", "body", "各乡镇创建工作领导小组办公室：现将逾期任务通报如下。")));
    }

    @Provide
    Arbitrary<String> counties() {
        return pathValue(String.valueOf(w.county.id()));
    }

    @Property(tries = 40)
    void countyCircularIssued(@ForAll("counties") String region, @ForAll("countyCircularBodies") String body) {
        send("county circular", w.overseer, "POST", "/api/regions/" + region + "/circulars", body);
    }

    // --- PUT /api/calendar/{year}: year 2099 only (a valid body replaces the year), or a year that is no year

    @Provide
    Arbitrary<String> years() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("2099")), Tuple.of(1, Arbitraries.of("0", "-1", "1999",
                "2101", "99999999999", "2099.0", "二〇九九", "%20", "2099%00", "0x833")));
    }

    @Provide
    Arbitrary<String> calendarBodies() {
        return Hostile.bodyFrom(Hostile.tree(List.of(
                Map.of("name", "元旦", "kind", "HOLIDAY", "from", "2099-01-01", "to", "2099-01-02"),
                Map.of("name", "元旦调休上班", "kind", "WORKDAY", "from", "2099-01-03", "provisional", true))));
    }

    @Property(tries = 100)
    void calendarReplaced(@ForAll("years") String year, @ForAll("calendarBodies") String body) {
        send("calendar", w.f.office, "PUT", "/api/calendar/" + year, body);
    }

    @AfterProperty
    void forgetYear2099() {
        jdbc.sql("delete from work_calendar_day where cal_day >= :d").param("d", LocalDate.of(2099, 1, 1)).update();
    }

    // --- PUT /api/mail-templates/{key}/{locale}: the templates are put back afterwards

    List<Map<String, Object>> templates;

    @Provide
    Arbitrary<String> templateKeys() {
        return pathValue("TASK_ASSIGNED");
    }

    @Provide
    Arbitrary<String> locales() {
        return Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of("zh-CN", "en")), Tuple.of(1, pathValue("zh-CN")));
    }

    @Provide
    Arbitrary<String> templateBodies() {
        templates = jdbc.sql("select * from mail_template").query().listOfRows();
        return Hostile.bodyFrom(Hostile.object(o -> o.put("subject", "【创卫任务】{taskTitle}").put("body",
                "{recipientName}：{campaignName}{unitName}{taskTitle}{deadline}{link}")));
    }

    @Property(tries = 100)
    void mailTemplateSaved(@ForAll("templateKeys") String key, @ForAll("locales") String locale,
                           @ForAll("templateBodies") String body) {
        send("mail template", w.f.office, "PUT", "/api/mail-templates/" + key + "/" + locale, body);
    }

    @AfterProperty
    void restoreTemplates() {
        if (templates == null) {
            return;
        }
        for (Map<String, Object> t : templates) {
            jdbc.sql("update mail_template set subject = :s, body = :b where template_key = :k and locale = :l")
                    .param("s", t.get("SUBJECT")).param("b", t.get("BODY")).param("k", t.get("TEMPLATE_KEY"))
                    .param("l", t.get("LOCALE")).update();
        }
    }

    // --- POST /api/regions (the administrator, under a county of its own) and /api/regions/{id}/people (the town's office)

    static final String ADMIN_PASSWORD = "test-admin-4b7e19";

    @Provide
    Arbitrary<String> regionBodies() {
        String name = "模糊县" + w.f.p;
        Reply county = new Api(port, "admin", ADMIN_PASSWORD).post("/api/regions", Map.of("name", name, "level", "COUNTY"));
        assertThat(county.status()).as(county.raw()).isIn(201, 409);
        long id = jdbc.sql("select id from region where name = :n").param("n", name).query(Long.class).single();
        return Hostile.bodyFrom(Hostile.tree(Map.of("name", "模糊镇" + w.f.p, "level", "TOWN", "parentId", id)));
    }

    @Property(tries = 80)
    void regionCreated(@ForAll("regionBodies") String body) {
        Map<String, Object> before = refusals.snapshot();
        Reply r = new Api(port, "admin", ADMIN_PASSWORD).post("/api/regions", body);
        refusals.check("POST", "/api/regions", r, before);
    }

    long town() {
        return jdbc.sql("select town_id from campaign where id = :c").param("c", w.active).query(Long.class).single();
    }

    @Provide
    Arbitrary<String> personBodies() {
        return Hostile.bodyFrom(Hostile.tree(Map.of("userId", w.f.p + "-fuzz", "name", "模糊督查", "email",
                w.f.p + "-fuzz@test.example", "password", "fuzz-pass-1", "role", "SUPERVISOR")));
    }

    @Property(tries = 100)
    void personAdded(@ForAll("personBodies") String body) {
        send("person", w.f.office, "POST", "/api/regions/" + town() + "/people", body);
    }

    // --- a person's channels and choices, a campaign's group robots (issue 17)

    @Provide
    Arbitrary<String> reachBodies() {
        return Hostile.bodyFrom(Hostile.tree(Map.of("channels", List.of(
                        Map.of("channel", "WECOM", "address", "zhangsan"),
                        Map.of("channel", "SMS", "address", "+86 138-0013-8000"), Map.of("channel", "MAIL")),
                "immediate", true, "quietStart", "22:00", "quietEnd", "07:00")));
    }

    @Property(tries = 80)
    void reachSet(@ForAll("reachBodies") String body) {
        send("reach", w.f.office, "PUT", "/api/people/" + w.f.head("dzb") + "/reach", body);
    }

    @Property(tries = 40)
    void ownReachSet(@ForAll("reachBodies") String body) {
        send("own reach", w.f.head("cgzx"), "PUT", "/api/me/reach", body);
    }

    @Provide
    Arbitrary<String> robotBodies() {
        return Hostile.bodyFrom(Hostile.tree(Map.of("unitCode", w.f.unit("dzb"), "channel", "DINGTALK_ROBOT",
                "name", "党政办群", "webhook", "https://oapi.dingtalk.com/robot/send?access_token=fuzz",
                "secret", "SECfuzz0123456789")));
    }

    @Property(tries = 80)
    void robotAdded(@ForAll("robotBodies") String body) {
        send("robot", w.f.office, "POST", "/api/campaigns/" + w.active + "/robots", body);
    }

    @Provide
    Arbitrary<String> robotChanges() {
        return Hostile.bodyFrom(Hostile.tree(Map.of("name", "创卫工作群",
                "webhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=fuzz-2", "secret", "")));
    }

    @Property(tries = 60)
    void robotChanged(@ForAll("robotChanges") String body) {
        send("robot", w.f.office, "PUT", "/api/campaigns/" + w.active + "/robots/" + robot(), body);
    }

    /** The campaign group's WeCom robot of the running campaign, added once. */
    long robot() {
        // none yet when this property runs before the one that adds robots: max(id) would be null
        java.util.Optional<Long> id = jdbc.sql("""
                select id from group_robot where campaign_id = :c and unit_code is null
                order by id desc fetch first 1 rows only""").param("c", w.active).query(Long.class).optional();
        if (id.isPresent()) {
            return id.get();
        }
        Reply r = as(w.f.office).post("/api/campaigns/" + w.active + "/robots", Map.of("channel", "WECOM_ROBOT",
                "webhook", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=fuzz-1"));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        return r.json().get("id").asLong();
    }
}
