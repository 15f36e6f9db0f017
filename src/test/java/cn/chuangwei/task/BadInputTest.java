package cn.chuangwei.task;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest;
import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Bad input gets a clear 4xx JSON error in Chinese and English naming the field or row, and leaves the database as it
 * was; good tables import whole.
 */
@H2Test
class BadInputTest {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    static final String HEADER = "阶段,任务,目标/标准,责任单位,责任人,完成时限,重点任务,标准领域\n";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2027, 9, 1, 9, 0));
        f = new Fixture(identity);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Api office() {
        return new Api(port, f.office, Fixture.PASSWORD);
    }

    int count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Integer.class).single();
    }

    Map<String, Integer> counts() {
        return Map.of("campaign", count("campaign"), "campaign_phase", count("campaign_phase"), "campaign_unit",
                count("campaign_unit"), "campaign_member", count("campaign_member"), "task_row", count("task_row"),
                "evidence", count("evidence"));
    }

    /** Asserts a refusal: its status, code and field or row, both languages, and an unchanged database. */
    JsonNode refused(Reply r, int status, String code, Map<String, Integer> before) {
        assertThat(r.status()).as(r.raw()).isEqualTo(status);
        assertThat(r.json()).as(r.raw()).isNotNull();
        assertThat(r.json().get("code").asText()).isEqualTo(code);
        assertThat(r.json().get("message").asText()).as("Chinese message").matches(".*[\\u4e00-\\u9fa5].*");
        assertThat(r.json().get("messageEn").asText()).as("English message").isNotBlank().doesNotContain("error.");
        assertThat(r.raw()).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(counts()).isEqualTo(before);
        return r.json();
    }

    ObjectNode request(Consumer<ObjectNode> change) {
        CampaignRequest base = f.small(LocalDate.of(2027, 9, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-09-05", true, "ORG_MANAGEMENT")),
                true);
        ObjectNode node = JSON.valueToTree(base);
        change.accept(node);
        return node;
    }

    Reply create(ObjectNode body) {
        return office().post("/api/campaigns", body.toString());
    }

    @Test
    void campaignSetUpRefusalsNameTheField() {
        Map<String, Integer> before = counts();
        assertThat(refused(create(request(n -> ((ObjectNode) n.get("tasks").get(0)).put("unit", "nowhere"))), 400,
                "unknown-unit", before).get("field").asText()).isEqualTo("tasks[0].unit");
        assertThat(refused(create(request(n -> ((ObjectNode) n.get("tasks").get(0)).put("person", "nobody"))), 400,
                "unknown-person", before).get("field").asText()).isEqualTo("tasks[0].person");
        assertThat(refused(create(request(n -> ((ObjectNode) n.get("leadingGroup")).putArray("members").add("ghost"))),
                400, "unknown-person", before).get("field").asText()).isEqualTo("leadingGroup.members[0]");
        assertThat(refused(create(request(n -> ((ObjectNode) n.get("tasks").get(0)).put("phase", "第六阶段"))), 400,
                "unknown-phase", before).get("field").asText()).isEqualTo("tasks[0].phase");
        JsonNode outside = refused(create(request(n -> ((ObjectNode) n.get("tasks").get(0)).put("deadline", "2027-09-30"))),
                400, "deadline-outside-phase", before);
        assertThat(outside.get("field").asText()).isEqualTo("tasks[0].deadline");
        assertThat(outside.get("message").asText()).contains("2027-09-30").contains("宣传发动");
        assertThat(refused(create(request(n -> ((ObjectNode) n.get("tasks").get(0)).put("deadline", "9月5日"))), 400,
                "invalid-date", before).get("field").asText()).isEqualTo("tasks[0].deadline");
        assertThat(refused(create(request(n -> n.put("kind", "CLEAN_CITY"))), 400, "invalid-choice", before)
                .get("field").asText()).isEqualTo("kind");
        assertThat(refused(create(request(n -> n.remove("name"))), 400, "required", before).get("field").asText())
                .isEqualTo("name");
        assertThat(refused(create(request(n -> ((ObjectNode) n.get("units").get(1)).put("code", f.unit("dzb")))), 400,
                "duplicate-unit", before).get("field").asText()).isEqualTo("units[1].code");
        assertThat(refused(create(request(n -> ((ObjectNode) n.get("phases").get(1)).put("startDate", "2027-09-05"))),
                400, "phases-overlap", before).get("field").asText()).isEqualTo("phases");
        assertThat(refused(create(request(n -> n.put("template", "no-such-template"))), 400, "unknown-template",
                before).get("field").asText()).isEqualTo("template");
        assertThat(refused(create(request(n -> ((ArrayNode) n.get("phases")).remove(4))), 400, "missing-phase", before)
                .get("message").asText()).contains("申报验收");
        assertThat(refused(office().post("/api/campaigns", "{\"name\": \"x\", "), 400, "malformed-json", before)).isNotNull();
        assertThat(refused(office().post("/api/campaigns", "{\"phases\": \"soon\"}"), 400, "invalid-value", before)
                .get("field").asText()).isEqualTo("phases");
        assertThat(refused(office().post("/api/campaigns", request(n -> n.put("startDate", "tomorrow")).toString()),
                400, "invalid-value", before).get("field").asText()).isEqualTo("startDate");
    }

    @Test
    void aSecondRunningCampaignOfTheSameKindAndLevelIsADuplicate() {
        assertThat(create(request(n -> { })).status()).isEqualTo(201);
        Map<String, Integer> before = counts();
        assertThat(refused(create(request(n -> { })), 409, "duplicate-campaign", before).get("field").asText())
                .isEqualTo("town");
    }

    long draft() {
        Reply r = create(request(n -> { }));
        assertThat(r.status()).as(r.raw()).isEqualTo(201);
        assertThat(r.json().get("status").asText()).isEqualTo("DRAFT");
        return r.json().get("id").asLong();
    }

    Reply importFile(long id, String name, byte[] content) {
        return office().upload("/api/campaigns/" + id + "/tasks/import", name, "application/octet-stream", content);
    }

    @Test
    void csvAndXlsxTablesImportWholeInUtf8AndGb18030() throws Exception {
        long id = draft();
        String csv = "\uFEFF" + HEADER
                + "宣传发动,张贴倡议书,每户一份," + f.unit("c1") + ",,2027-09-06,否,HEALTH_EDUCATION\n"
                + "组织实施,清理河塘沟渠,无垃圾漂浮物," + f.unit("cgzx") + "," + f.head("cgzx") + ",2027/09/15,是,ENVIRONMENTAL_SANITATION\n";
        Reply utf8 = importFile(id, "任务分解表.csv", csv.getBytes(StandardCharsets.UTF_8));
        assertThat(utf8.status()).as(utf8.raw()).isEqualTo(200);
        assertThat(utf8.json().get("imported").asInt()).isEqualTo(2);

        String gbk = HEADER + "巩固提高,查遗补漏,对照标准逐项自查," + f.unit("wsy") + ",,2027-09-25,否,\n";
        Reply gb = importFile(id, "表.csv", gbk.getBytes(Charset.forName("GB18030")));
        assertThat(gb.status()).as(gb.raw()).isEqualTo(200);

        byte[] xlsx = xlsx(new Object[][] {
                {"阶段", "任务", "目标/标准", "责任单位", "完成时限", "重点任务"},
                {"自查", "对照标准自查评分", "全部条目评分", f.unit("dzb"), LocalDate.of(2027, 10, 5), "是"},
                {"申报验收", "整理申报材料", "按标准条目归档", f.unit("dzb"), "2027-10-15", "否"}});
        Reply x = importFile(id, "任务分解表.xlsx", xlsx);
        assertThat(x.status()).as(x.raw()).isEqualTo(200);
        assertThat(x.json().get("imported").asInt()).isEqualTo(2);

        JsonNode rows = office().get("/api/campaigns/" + id + "/tasks").json();
        assertThat(rows).hasSize(6);
        assertThat(rows.findValuesAsText("title")).contains("张贴倡议书", "清理河塘沟渠", "查遗补漏", "对照标准自查评分");
        JsonNode rowWithoutPerson = rows.get(1);
        assertThat(rowWithoutPerson.get("personUserId").asText()).isEqualTo(f.head("c1"));
    }

    @Test
    void aBadRowRefusesTheWholeTableNamingRowAndColumn() throws Exception {
        long id = draft();
        Map<String, Integer> before = counts();
        String csv = HEADER
                + "宣传发动,张贴倡议书,每户一份," + f.unit("c1") + ",,2027-09-06,否,\n"
                + "组织实施,清理河塘沟渠,无垃圾漂浮物,不存在的单位,,2027-09-15,是,\n";
        JsonNode e = refused(importFile(id, "表.csv", csv.getBytes(StandardCharsets.UTF_8)), 400, "unknown-unit", before);
        assertThat(e.get("row").asInt()).isEqualTo(3);
        assertThat(e.get("field").asText()).isEqualTo("责任单位");

        String late = HEADER + "宣传发动,张贴倡议书,每户一份," + f.unit("c1") + ",,2027-12-06,否,\n";
        JsonNode l = refused(importFile(id, "表.csv", late.getBytes(StandardCharsets.UTF_8)), 400,
                "deadline-outside-phase", before);
        assertThat(l.get("row").asInt()).isEqualTo(2);
        assertThat(l.get("field").asText()).isEqualTo("完成时限");

        String badPhase = HEADER + "第九阶段,张贴倡议书,,"  + f.unit("c1") + ",,2027-09-06,否,\n";
        assertThat(refused(importFile(id, "t.csv", badPhase.getBytes(StandardCharsets.UTF_8)), 400, "unknown-phase",
                before).get("field").asText()).isEqualTo("阶段");

        String badFlag = HEADER + "宣传发动,张贴倡议书,," + f.unit("c1") + ",,2027-09-06,也许,\n";
        assertThat(refused(importFile(id, "t.csv", badFlag.getBytes(StandardCharsets.UTF_8)), 400, "invalid-boolean",
                before).get("field").asText()).isEqualTo("重点任务");

        String noUnitColumn = "阶段,任务,完成时限\n宣传发动,张贴倡议书,2027-09-06\n";
        JsonNode m = refused(importFile(id, "t.csv", noUnitColumn.getBytes(StandardCharsets.UTF_8)), 400,
                "missing-column", before);
        assertThat(m.get("row").asInt()).isEqualTo(1);
        assertThat(m.get("field").asText()).isEqualTo("责任单位");

        byte[] broken = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        refused(importFile(id, "表.xlsx", broken), 400, "unreadable-file", before);
        refused(importFile(id, "表.xlsx", "not a spreadsheet".getBytes(StandardCharsets.UTF_8)), 400, "unreadable-file", before);
        refused(importFile(id, "表.xls", "legacy".getBytes(StandardCharsets.UTF_8)), 400, "unsupported-file-type", before);
        refused(importFile(id, "空.csv", new byte[0]), 400, "empty-file", before);
        refused(importFile(id, "只有表头.csv", HEADER.getBytes(StandardCharsets.UTF_8)), 400, "empty-file", before);

        StringBuilder many = new StringBuilder(HEADER);
        for (int i = 0; i < 5001; i++) {
            many.append("宣传发动,任务").append(i).append(",,").append(f.unit("c1")).append(",,2027-09-06,否,\n");
        }
        refused(importFile(id, "多.csv", many.toString().getBytes(StandardCharsets.UTF_8)), 400, "too-many-rows", before);
        byte[] huge = new byte[6 * 1024 * 1024];
        java.util.Arrays.fill(huge, (byte) 'a');
        refused(importFile(id, "大.csv", huge), 413, "file-too-large", before);
        byte[] tooBigForServer = new byte[26 * 1024 * 1024];
        Reply overLimit = importFile(id, "巨大.csv", tooBigForServer);
        assertThat(overLimit.status()).isEqualTo(413);
    }

    @Test
    void formAnswersAreCheckedAndATaskIsCompletedOnlyOnce() {
        Reply r = create(request(n -> n.put("draft", false)));
        long id = r.json().get("id").asLong();
        for (Job j : management.createJobQuery().processInstanceId(r.json().get("processInstanceId").asText()).list()) {
            management.executeJob(j.getId());
        }
        Api head = new Api(port, f.head("dzb"), Fixture.PASSWORD);
        String task = head.get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
        Map<String, Integer> before = counts();
        assertThat(refused(head.post("/api/tasks/" + task + "/complete", Map.of()), 400, "required", before)
                .get("field").asText()).isEqualTo("resultSummary");
        assertThat(refused(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "  ")), 400, "required",
                before).get("field").asText()).isEqualTo("resultSummary");
        assertThat(refused(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "好", "score", 5)), 400,
                "unknown-field", before).get("field").asText()).isEqualTo("score");
        assertThat(refused(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", 42)), 400,
                "invalid-value", before).get("field").asText()).isEqualTo("resultSummary");
        assertThat(refused(head.upload("/api/tasks/" + task + "/evidence", "photo.png", "image/png",
                "not an image".getBytes(StandardCharsets.UTF_8), "type", "PHOTO"), 400, "not-an-image", before)).isNotNull();
        assertThat(refused(head.upload("/api/tasks/" + task + "/evidence", "a.pdf", "application/pdf",
                "%PDF-1.4".getBytes(StandardCharsets.UTF_8), "type", "DOCUMENT", "area", "MOON"), 400, "unknown-area",
                before)).isNotNull();
        assertThat(head.get("/api/tasks/" + task).json().get("assignee")).isNull();

        assertThat(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "已召开动员大会")).status())
                .isEqualTo(200);
        Map<String, Integer> after = counts();
        refused(head.post("/api/tasks/" + task + "/complete", Map.of("resultSummary", "再交一次")), 409,
                "task-already-completed", after);
        refused(head.get("/api/tasks/no-such-task"), 404, "unknown-task", after);

        Api office = office();
        String review = office.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=reviewTask").json().get(0)
                .get("id").asText();
        assertThat(refused(office.post("/api/tasks/" + review + "/complete", Map.of("reviewDecision", "RETURN")), 400,
                "required", after).get("field").asText()).isEqualTo("returnReason");
        assertThat(refused(office.post("/api/tasks/" + review + "/complete", Map.of("reviewDecision", "MAYBE")), 400,
                "invalid-choice", after).get("field").asText()).isEqualTo("reviewDecision");
        assertThat(refused(office.post("/api/campaigns/" + id + "/phases/MOBILIZATION/tasks", Map.of("title", "加一项",
                "unit", f.unit("dzb"), "deadline", "2027-09-05")), 400, "phase-closed", after).get("field").asText())
                .isEqualTo("phase");
        assertThat(refused(office.post("/api/campaigns/" + id + "/phases/SEVENTH/tasks", Map.of("title", "加一项")), 400,
                "unknown-phase", after)).isNotNull();
        refused(office.get("/api/campaigns/999999"), 404, "unknown-campaign", after);
        refused(office.get("/api/campaigns/abc"), 400, "invalid-value", after);
    }

    static byte[] xlsx(Object[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("任务分解表");
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    Object v = rows[r][c];
                    if (v instanceof LocalDate d) {
                        row.createCell(c).setCellValue(d);
                        row.getCell(c).setCellStyle(date);
                    } else {
                        row.createCell(c).setCellValue(String.valueOf(v));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }
}
