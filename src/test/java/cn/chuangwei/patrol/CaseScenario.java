package cn.chuangwei.patrol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A patrol case and a complaint through the REST API, from report to close, with the refusals on the way. */
abstract class CaseScenario {

    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

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
    long campaignId;
    String hotline;

    Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }

    int cases() {
        return jdbc.sql("select count(*) from patrol_case").query(Integer.class).single();
    }

    String onlyTask(String user, String key) {
        Reply r = as(user).get("/api/tasks?campaignId=" + campaignId + "&taskDefinitionKey=" + key);
        assertThat(r.json()).as(user + " " + key).hasSize(1);
        return r.json().get(0).get("id").asText();
    }

    void complete(String user, String key, Map<String, Object> answers) {
        Reply r = as(user).post("/api/tasks/" + onlyTask(user, key) + "/complete", answers);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
    }

    void run() {
        clock.set(LocalDateTime.of(2027, 4, 6, 10, 0));
        f = new Fixture(identity);
        campaignId = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 4, 1), List.of(), false)).id();
        hotline = f.p + "-hotline";
        User u = identity.newUser(hotline);
        u.setFirstName("热线受理员");
        u.setPassword(Fixture.PASSWORD);
        identity.saveUser(u);
        identity.createMembership(hotline, "hotline");
        assertThat(as(f.office).put("/api/campaigns/" + campaignId + "/grids", List.of(
                Map.of("code", "G1", "name", "第一网格", "inspector", f.supervisors.get(0)))).status()).isEqualTo(200);
        String inspector = f.supervisors.get(0);

        // refusals: nothing is written
        int before = cases();
        Map<String, Object> report = new HashMap<>(Map.of("campaignId", campaignId, "gridCode", "G1", "category", "CLUTTER",
                "description", "人行道乱堆建筑垃圾", "address", "青山路12号", "latitude", 31.23, "longitude", 120.61));
        for (var bad : List.of(Map.entry("category", "required"), Map.entry("gridCode", "unknown-grid"),
                Map.entry("latitude", "coordinate-out-of-range"), Map.entry("description", "required"))) {
            Map<String, Object> body = new HashMap<>(report);
            switch (bad.getKey()) {
                case "category" -> body.remove("category");
                case "gridCode" -> body.put("gridCode", "G9");
                case "latitude" -> body.put("latitude", 95);
                default -> body.put("description", " ");
            }
            Reply r = as(inspector).post("/api/cases", body);
            assertThat(r.status()).as(r.raw()).isEqualTo(400);
            assertThat(r.json().get("code").asText()).isEqualTo(bad.getValue());
            assertThat(r.json().get("field").asText()).isEqualTo(bad.getKey());
        }
        assertThat(as(f.head("dzb")).post("/api/cases", report).status()).isEqualTo(403);
        assertThat(cases()).isEqualTo(before);

        // a patrol report with a photo, registered, dispatched, handled, checked and closed
        Reply reported = as(inspector).post("/api/cases", report);
        assertThat(reported.status()).as(reported.raw()).isEqualTo(201);
        long id = reported.json().get("id").asLong();
        assertThat(as(inspector).upload("/api/cases/" + id + "/photos", "现场.png", "image/png", PNG).status()).isEqualTo(201);
        Reply notImage = as(inspector).upload("/api/cases/" + id + "/photos", "现场.png", "image/png", "not a photo".getBytes());
        assertThat(notImage.json().get("code").asText()).isEqualTo("not-an-image");
        // the office's registration task names the case's category and place in words, never by code
        assertThat(as(f.office).get("/api/tasks/" + onlyTask(f.office, "registerCase")).json().get("name").asText())
                .isEqualTo("立案：乱堆乱放：青山路12号");
        // the registration task's page names no unit yet (the case is not dispatched)
        WebSession office = new WebSession(port);
        office.login(f.office, Fixture.PASSWORD);
        WebSession.Page register = office.get("/work/tasks/" + onlyTask(f.office, "registerCase"));
        assertThat(register.status()).isEqualTo(200);
        assertThat(register.body()).doesNotContain("id=\"task-unit\"");
        complete(f.office, "registerCase", Map.of("registerDecision", "REGISTER"));
        String dispatch = onlyTask(f.office, "dispatchCase");
        assertThat(as(f.office).get("/api/tasks/" + dispatch).status()).isEqualTo(200);
        // the dispatch form's drop-down: the campaign's units by name ("unitChoices"), the proposed unit chosen
        WebSession.Page dispatchPage = office.get("/work/tasks/" + dispatch);
        java.util.regex.Matcher data = java.util.regex.Pattern.compile(
                "<script type=\"application/json\" id=\"form-data\">(.*?)</script>").matcher(dispatchPage.body());
        assertThat(data.find()).as(dispatchPage.body()).isTrue();
        JsonNode formData;
        try {
            formData = new com.fasterxml.jackson.databind.ObjectMapper().readTree(data.group(1));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertThat(formData.get("unitCode").asText()).isEqualTo(f.unit("cgzx"));
        assertThat(formData.get("proposedUnitName").asText()).isEqualTo("城管环卫中心");
        List<String> offered = new java.util.ArrayList<>();
        offered.addAll(List.of(formData.get("unitChoices").asText().split(";")));
        assertThat(offered).contains(f.unit("cgzx") + "=城管环卫中心", f.unit("dzb") + "=党政办");
        Reply unknownUnit = as(f.office).post("/api/tasks/" + dispatch + "/complete", Map.of("unitCode", "nowhere"));
        assertThat(unknownUnit.status()).isEqualTo(400);
        assertThat(unknownUnit.json().get("code").asText()).isEqualTo("unknown-unit");
        assertThat(unknownUnit.json().get("field").asText()).isEqualTo("unitCode");
        complete(f.office, "dispatchCase", Map.of("unitCode", f.unit("cgzx")));
        String head = f.head("cgzx");
        complete(head, "handleCase", Map.of("handleOutcome", "HANDLED"));
        assertThat(as(f.office).get("/api/cases/" + id).json().get("status").asText()).isEqualTo("HANDLED");
        // 处理反馈 asks for an after-photo first: refused naming it, in both languages, and nothing written
        Reply noPhoto = as(head).post("/api/tasks/" + onlyTask(head, "feedbackCase") + "/complete",
                Map.of("feedbackResult", "已清运，路面已冲洗"));
        assertThat(noPhoto.status()).isEqualTo(400);
        assertThat(noPhoto.json().get("code").asText()).isEqualTo("after-photo-required");
        assertThat(noPhoto.json().get("field").asText()).isEqualTo("photo");
        assertThat(noPhoto.json().get("message").asText()).contains("处置后的照片");
        assertThat(as(f.office).get("/api/cases/" + id).json().get("status").asText()).isEqualTo("HANDLED");
        assertThat(as(head).upload("/api/cases/" + id + "/photos", "处置后.png", "image/png", PNG).status()).isEqualTo(201);
        complete(head, "feedbackCase", Map.of("feedbackResult", "已清运，路面已冲洗"));
        JsonNode fedBack = as(f.office).get("/api/cases/" + id).json();
        assertThat(fedBack.get("status").asText()).isEqualTo("FED_BACK");
        assertThat(fedBack.get("feedbackResult").asText()).isEqualTo("已清运，路面已冲洗");
        assertThat(fedBack.get("fedBackBy").asText()).isEqualTo(head);
        Reply noReason = as(inspector).post("/api/tasks/" + onlyTask(inspector, "checkCase") + "/complete",
                Map.of("checkOutcome", "FAIL"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("field").asText()).isEqualTo("failReason");
        complete(inspector, "checkCase", Map.of("checkOutcome", "PASS"));
        JsonNode closed = as(f.office).get("/api/cases/" + id).json();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("closedOnTime").asBoolean()).isTrue();
        JsonNode events = as(f.office).get("/api/cases/" + id + "/events").json();
        assertThat(events.findValuesAsText("event")).containsExactly("REPORTED", "REGISTERED", "DISPATCHED", "HANDLED", "FED_BACK",
                "CLOSED");
        // and in words: the step, who took it by name, the unit it went to by name
        assertThat(events.findValuesAsText("eventName")).containsExactly("上报", "立案", "派遣", "处置完毕", "处理反馈",
                "核查通过，结案");
        assertThat(events.get(0).get("actorName").asText()).isEqualTo("督查甲");
        assertThat(events.get(2).get("noteText").asText()).isEqualTo("城管环卫中心");

        // a citizen's complaint: the caller's contact stays with the office and the hotline
        Map<String, Object> complaint = new HashMap<>(report);
        complaint.put("category", "TOILET");
        complaint.put("callerName", "王先生");
        complaint.put("callerPhone", "13800000000");
        Reply noPhone = as(hotline).post("/api/cases/complaints", Map.of("campaignId", campaignId, "gridCode", "G1",
                "category", "TOILET", "description", "公厕脏", "address", "青山路公厕", "callerName", "王先生"));
        assertThat(noPhone.json().get("field").asText()).isEqualTo("callerPhone");
        long complaintId = as(hotline).post("/api/cases/complaints", complaint).json().get("id").asLong();
        complete(f.office, "registerCase", Map.of("registerDecision", "REGISTER"));
        complete(f.office, "dispatchCase", Map.of("unitCode", f.unit("cgzx")));
        assertThat(as(head).get("/api/cases/" + complaintId).json().has("callerPhone")).isFalse();
        assertThat(as(hotline).get("/api/cases/" + complaintId).json().get("callerPhone").asText()).isEqualTo("13800000000");
        assertThat(as(f.office).get("/api/cases/" + complaintId).json().get("callerName").asText()).isEqualTo("王先生");

        JsonNode stats = as(f.office).get("/api/cases/stats?campaignId=" + campaignId + "&month=2027-04").json();
        JsonNode unit = stats.get("units").get(0);
        assertThat(unit.get("key").asText()).isEqualTo(f.unit("cgzx"));
        assertThat(unit.get("reported").asInt()).isEqualTo(2);
        assertThat(unit.get("closedInMonth").asInt()).isEqualTo(1);

        // the command board's trend counts the month as the indicators do, summed over the units
        JsonNode april = null;
        for (JsonNode m : as(f.office).get("/api/dashboard/" + campaignId).json().get("patrol")) {
            if (m.get("month").asText().equals("2027-04")) {
                april = m;
            }
        }
        assertThat(april).isNotNull();
        int due = 0;
        int onTime = 0;
        int closedInMonth = 0;
        int reworked = 0;
        for (JsonNode row : stats.get("units")) {
            due += row.get("dueToClose").asInt();
            onTime += row.get("closedOnTime").asInt();
            closedInMonth += row.get("closedInMonth").asInt();
            reworked += row.get("reworked").asInt();
        }
        assertThat(due).isPositive();
        assertThat(april.get("dueToClose").asInt()).isEqualTo(due);
        assertThat(april.get("onTimeRate").asDouble()).isEqualTo(Math.round(1000.0 * onTime / due) / 1000.0);
        assertThat(april.get("reworkRate").asDouble())
                .isEqualTo(closedInMonth == 0 ? 0 : Math.round(1000.0 * reworked / closedInMonth) / 1000.0);

        // the indicators as Excel for the weekly meeting: the unit by name, the rates as numbers
        byte[] excel = as(f.office).bytes("/api/cases/stats/xlsx?campaignId=" + campaignId + "&month=2027-04");
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(
                new java.io.ByteArrayInputStream(excel))) {
            org.apache.poi.ss.usermodel.Sheet sheet = wb.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("巡查案件指标-2027-04");
            assertThat(sheet.getRow(2).getCell(7).getStringCellValue()).isEqualTo("按期结案率");
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("城管环卫中心");
            assertThat(sheet.getRow(3).getCell(1).getNumericCellValue()).isEqualTo(2);
            assertThat(sheet.getRow(3).getCell(6).getNumericCellValue()).isEqualTo(unit.get("closureRate").asDouble());
            // then the grids, by name: no code on the sheet
            assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("责任单位 / 网格");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isEqualTo("第一网格");
            assertThat(sheet.getRow(4).getCell(1).getNumericCellValue()).isEqualTo(2);
            for (org.apache.poi.ss.usermodel.Row row : sheet) {
                row.forEach(cell -> assertThat(cell.toString()).isNotIn("G1", f.unit("cgzx")));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
