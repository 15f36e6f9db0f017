package cn.chuangwei.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The supervisors' audit through the REST API: three colours, the overdue list, a circular (PDF and Excel) and the
 * monthly assessment checked against hand-computed values, then frozen.
 */
@H2Test
class SupervisionApiTest {

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
    long id;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    String unitTask(String unit) {
        return as(f.head(unit)).get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
    }

    void at(int month, int day, int hour) {
        clock.set(LocalDateTime.of(2026, month, day, hour, 0));
    }

    List<JsonNode> list(Reply r) {
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        List<JsonNode> out = new ArrayList<>();
        r.json().forEach(out::add);
        return out;
    }

    byte[] download(String user, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + Fixture.PASSWORD)
                        .getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        return r.body();
    }

    @Test
    void coloursOverdueListCircularAndMonthlyAssessment() throws Exception {
        at(9, 21, 10);
        f = new Fixture(identity);
        id = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2026, 9, 21), List.of(
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2026-09-23", false, null),
                new TaskRequest("MOBILIZATION", "健康教育培训", null, f.unit("wsy"), null, "2026-09-25", false, null),
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2026-09-30", true, null),
                new TaskRequest("MOBILIZATION", "学校卫生检查", null, f.unit("zx"), null, "2026-09-29", false, null)), false)).id();
        Api supervisor = as(f.supervisors.get(0));

        // 23 September, 10:00: the street clean-up has used its whole time limit (yellow), the school check a third (green)
        at(9, 23, 10);
        Map<String, String> colours = new java.util.HashMap<>();
        list(supervisor.get("/api/supervision/tasks?campaignId=" + id)).forEach(t -> colours.put(t.get("title").asText(),
                t.get("colour").asText()));
        assertThat(colours).containsEntry("清理主要街道", "YELLOW").containsEntry("学校卫生检查", "GREEN");

        // the town office meets its deadline; the health centre is late and its result is returned
        at(9, 22, 15);
        assertThat(as(f.head("dzb")).post("/api/tasks/" + unitTask("dzb") + "/complete",
                Map.of("resultSummary", "已召开")).status()).isEqualTo(200);
        at(9, 28, 15);
        assertThat(as(f.head("wsy")).post("/api/tasks/" + unitTask("wsy") + "/complete",
                Map.of("resultSummary", "已培训")).status()).isEqualTo(200);
        for (JsonNode review : list(as(f.office).get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=reviewTask"))) {
            boolean health = review.get("unitCode").asText().equals(f.unit("wsy"));
            as(f.office).post("/api/tasks/" + review.get("id").asText() + "/complete", health
                    ? Map.of("reviewDecision", "RETURN", "returnReason", "缺少签到表") : Map.of("reviewDecision", "ACCEPT"));
        }

        // 9 October: the overdue list, most working days overdue first (25 September is the Mid-Autumn holiday, 1-7 October National Day)
        at(10, 9, 10);
        List<JsonNode> overdue = list(supervisor.get("/api/supervision/overdue?campaignId=" + id));
        assertThat(overdue).extracting(t -> t.get("title").asText() + "/" + t.get("workingDaysOverdue").asInt())
                .containsExactly("清理主要街道/6", "健康教育培训/5", "学校卫生检查/3");
        assertThat(overdue).allMatch(t -> t.get("colour").asText().equals("RED"));
        assertThat(list(supervisor.get("/api/supervision/overdue?campaignId=" + id + "&unit=" + f.unit("zx")))).hasSize(1);
        assertThat(list(supervisor.get("/api/supervision/overdue?campaignId=" + id + "&deputy=" + f.deputies.get(1))))
                .extracting(t -> t.get("unitCode").asText()).containsExactly(f.unit("cgzx"));
        assertThat(list(as(f.head("zx")).get("/api/supervision/overdue?campaignId=" + id)))
                .as("a unit head sees only their unit").hasSize(1);
        assertThat(supervisor.get("/api/supervision/overdue?level=PURPLE").status()).isEqualTo(400);
        Reply unknownUnit = supervisor.get("/api/supervision/overdue?campaignId=" + id + "&unit=no-such-unit");
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(unknownUnit.json().get("field").asText()).isEqualTo("unit");
        assertThat(supervisor.get("/api/supervision/overdue?campaignId=" + id + "&deputy=" + f.members.get(0)).status())
                .isEqualTo(400);
        assertThat(supervisor.get("/api/supervision/overdue?campaignId=999999").status()).isEqualTo(404);
        // the same list as Excel, in Chinese by default and in English on request; a unit head's sheet holds their unit only
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                download(f.supervisors.get(0), "/api/supervision/overdue/xlsx?campaignId=" + id)))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("逾期任务清单-2026-10-09");
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("逾期工作日");
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo("清理主要街道");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("宣传发动");
            // the deadline is a date Excel sorts and filters, the deputy in charge a name, not a user id
            assertThat(sheet.getRow(3).getCell(4).getLocalDateTimeCellValue().toLocalDate())
                    .isEqualTo(java.time.LocalDate.of(2026, 9, 23));
            assertThat(new org.apache.poi.ss.usermodel.DataFormatter().formatCellValue(sheet.getRow(3).getCell(4)))
                    .isEqualTo("2026-09-23");
            assertThat(sheet.getRow(3).getCell(5).getNumericCellValue()).isEqualTo(6);
            assertThat(sheet.getRow(3).getCell(8).getStringCellValue()).isEqualTo("副组长乙");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                download(f.head("zx"), "/api/supervision/overdue/xlsx?campaignId=" + id + "&lang=en")))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(2).getCell(5).getStringCellValue()).isEqualTo("Working days overdue");
            assertThat(sheet.getRow(3).getCell(1).getStringCellValue()).isEqualTo("Mobilization");
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
        }
        Reply badLang = supervisor.get("/api/supervision/overdue/xlsx?campaignId=" + id + "&lang=fr");
        assertThat(badLang.status()).isEqualTo(400);
        assertThat(badLang.json().get("field").asText()).isEqualTo("lang");

        // a circular for September: numbered, rendered, kept and mailed
        assertThat(supervisor.post("/api/supervision/circulars", Map.of("campaignId", id, "from", "2026-09-30",
                "to", "2026-09-21")).json().get("code").asText()).isEqualTo("range-reversed");
        assertThat(supervisor.post("/api/supervision/circulars", Map.of("campaignId", id, "from", "2026-10-01",
                "to", "2026-10-05")).json().get("code").asText()).isEqualTo("circular-nothing-overdue");
        assertThat(as(f.head("zx")).post("/api/supervision/circulars", Map.of("campaignId", id, "from", "2026-09-01",
                "to", "2026-09-30")).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from circular where campaign_id = :c").param("c", id).query(Integer.class)
                .single()).isZero();
        Reply issued = supervisor.post("/api/supervision/circulars", Map.of("campaignId", id, "from", "2026-09-01",
                "to", "2026-09-30"));
        assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
        long circular = issued.json().get("id").asLong();
        assertThat(issued.json().get("number").asText()).isEqualTo(f.town + "创卫办通〔2026〕1号");
        assertThat(issued.json().get("tasks").asInt()).isEqualTo(3);

        String pdf;
        try (PDDocument doc = Loader.loadPDF(download(f.supervisors.get(0), "/api/supervision/circulars/" + circular + "/pdf"))) {
            pdf = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
        assertThat(pdf).contains("创卫办通〔2026〕1号").contains("逾期任务情况的通报").contains("清理主要街道")
                .contains("城管环卫中心").contains("卫生院").contains("中心小学").contains("2026年10月9日");
        // the same notice as a page of the board to print: the PDF's template with its stylesheet, nothing inline (CSP)
        WebSession board = new WebSession(port);
        assertThat(board.login(f.supervisors.get(0), Fixture.PASSWORD).status()).isEqualTo(302);
        WebSession.Page print = board.get("/board/circulars/" + circular + "/print");
        assertThat(print.status()).isEqualTo(200);
        assertThat(print.contentType()).startsWith("text/html");
        assertThat(print.body()).contains(f.town + "创卫办通〔2026〕1号", "逾期任务情况的通报", "清理主要街道", "城管环卫中心",
                        "2026年10月9日", "<link rel=\"stylesheet\" href=\"/assets/document.css\"/>")
                .doesNotContain("<script", "<style", "style=");
        assertThat(board.get("/assets/document.css").status()).isEqualTo(200);
        // the head of a unit the circular names reads it (its mail links here); the head of another unit does not
        WebSession named = new WebSession(port);
        named.login(f.head("zx"), Fixture.PASSWORD);
        assertThat(named.get("/board/circulars/" + circular + "/print").status()).isEqualTo(200);
        WebSession unitHead = new WebSession(port);
        unitHead.login(f.head("nmsc"), Fixture.PASSWORD);
        assertThat(unitHead.get("/board/circulars/" + circular + "/print").status()).isEqualTo(403);
        assertThat(board.get("/board/circulars/999999/print").status()).isEqualTo(404);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                download(f.supervisors.get(0), "/api/supervision/circulars/" + circular + "/xlsx")))) {
            Sheet sheet = wb.getSheetAt(0);
            List<String> rows = new ArrayList<>();
            for (Row row : sheet) {
                if (row.getCell(2) != null && row.getCell(5) != null && row.getCell(5).getCellType()
                        == org.apache.poi.ss.usermodel.CellType.NUMERIC) {
                    rows.add(row.getCell(2).getStringCellValue() + "/" + (int) row.getCell(5).getNumericCellValue());
                }
            }
            assertThat(rows).containsExactly("清理主要街道/6", "健康教育培训/5", "学校卫生检查/3");
        }
        assertThat(jdbc.sql("select recipient_user from mail_outbox where idempotency_key like :k")
                .param("k", "circular:" + circular + ":%").query(String.class).list())
                .containsExactlyInAnyOrder(f.head("cgzx"), f.head("wsy"), f.head("zx"), f.leader, f.deputies.get(0),
                        f.deputies.get(1), f.members.get(0), f.members.get(1));
        assertThat(list(supervisor.get("/api/supervision/circulars?campaignId=" + id))).hasSize(1);

        // the September assessment: 100 less 1 per overdue task, 0.2 per working day overdue, 0.5 per rework
        JsonNode sept = as(f.head("dzb")).get("/api/campaigns/" + id + "/assessment/2026-09").json();
        assertThat(sept.get("closed").asBoolean()).isFalse();
        Map<String, String> byUnit = new java.util.HashMap<>();
        sept.get("scores").forEach(s -> byUnit.put(s.get("unitCode").asText(), s.get("rank").asInt() + ":"
                + s.get("score").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString() + ":" + s.get("overdueDays").asInt() + ":" + s.get("rework").asInt()));
        assertThat(byUnit).containsEntry(f.unit("cgzx"), "11:98.20:4:0").containsEntry(f.unit("wsy"), "12:97.90:3:1")
                .containsEntry(f.unit("zx"), "10:98.80:1:0").containsEntry(f.unit("dzb"), "1:100.00:0:0")
                .containsEntry(f.unit("c2"), "1:100.00:0:0");
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(
                download(f.office, "/api/campaigns/" + id + "/assessment/2026-09/xlsx")))) {
            Row last = wb.getSheetAt(0).getRow(wb.getSheetAt(0).getLastRowNum());
            assertThat(last.getCell(1).getStringCellValue()).isEqualTo("卫生院");
            assertThat(last.getCell(2).getNumericCellValue()).isEqualTo(97.9);
        }

        // closing freezes the month; it closes once; a running month cannot be closed
        assertThat(as(f.head("dzb")).post("/api/campaigns/" + id + "/assessment/2026-09/close", Map.of()).status())
                .isEqualTo(403);
        assertThat(as(f.office).post("/api/campaigns/" + id + "/assessment/2026-10/close", Map.of()).json()
                .get("code").asText()).isEqualTo("month-not-over");
        assertThat(as(f.office).post("/api/campaigns/" + id + "/assessment/2026-09/close", Map.of()).json()
                .get("closed").asBoolean()).isTrue();
        assertThat(as(f.office).post("/api/campaigns/" + id + "/assessment/2026-09/close", Map.of()).status())
                .isEqualTo(409);
        jdbc.sql("insert into task_event (task_row_id, event, actor, at) select id, 'RETURNED', 'x', :t from task_row "
                + "where campaign_id = :c").param("t", java.sql.Timestamp.valueOf("2026-09-15 12:00:00")).param("c", id).update();
        JsonNode frozen = as(f.office).get("/api/campaigns/" + id + "/assessment/2026-09").json();
        assertThat(frozen.get("scores")).isEqualTo(sept.get("scores"));
        assertThat(as(f.office).get("/api/campaigns/" + id + "/assessment/2026-13").json().get("code").asText())
                .isEqualTo("invalid-month");
    }

    @Test
    void theOfficeWordsMailTemplatesButCannotDropARequiredPlaceholder() {
        f = new Fixture(identity);
        Api office = as(f.office);
        Reply missing = office.put("/api/mail-templates/REMINDER/zh-CN", Map.of("subject", "【提醒】{taskTitle}",
                "body", "{recipientName}：请于{deadline}前办理。"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("code").asText()).isEqualTo("template-missing-placeholder");
        assertThat(missing.json().get("message").asText()).contains("{link}");
        Reply unknown = office.put("/api/mail-templates/REMINDER/zh-CN", Map.of("subject", "【提醒】{taskTitle}{salary}",
                "body", "{recipientName}：请于{deadline}前办理。{link}"));
        assertThat(unknown.json().get("code").asText()).isEqualTo("template-unknown-placeholder");
        assertThat(office.put("/api/mail-templates/NOPE/zh-CN", Map.of("subject", "x", "body", "y")).status()).isEqualTo(404);
        String before = jdbc.sql("select subject from mail_template where template_key = 'REMINDER' and locale = 'zh-CN'")
                .query(String.class).single();
        assertThat(before).isEqualTo("【到期提醒】{taskTitle}（{deadline}到期）");
        assertThat(as(f.head("dzb")).put("/api/mail-templates/REMINDER/zh-CN", Map.of("subject", "x", "body", "y"))
                .status()).isEqualTo(403);
    }
}
