package cn.chuangwei.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import cn.chuangwei.support.WebSession.Page;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The board's pages over HTTP: the login, the refusals as pages in Chinese or English with a way back (never a stack
 * trace), the same visibility as the API, CSRF on every form, the exports from the page, and the API left as it was.
 */
@H2Test
class BoardPagesTest {

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

    @BeforeEach
    void seed() {
        clock.set(LocalDateTime.of(2027, 3, 1, 10, 0));
        f = new Fixture(identity);
        id = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-03-04", false, null)),
                false)).id();
        clock.set(LocalDateTime.of(2027, 3, 8, 10, 0));
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    WebSession signedIn(String user) {
        WebSession s = new WebSession(port);
        Page login = s.login(user, Fixture.PASSWORD);
        assertThat(login.status()).isEqualTo(302);
        assertThat(login.location()).doesNotContain("error");
        return s;
    }

    @Test
    void signingInAndOut() {
        WebSession s = new WebSession(port);
        Page anonymous = s.get("/board/" + id);
        assertThat(anonymous.status()).isEqualTo(302);
        assertThat(anonymous.location()).endsWith("/login");
        assertThat(s.get("/login").body()).contains("创卫指挥台").contains("用户名");
        assertThat(s.get("/login?lang=en").body()).contains("Sign in");

        // (a wrong password delays the next attempt for that login: Camunda's own throttling)
        Page wrong = s.login(f.outsider, "wrong");
        assertThat(wrong.location()).endsWith("/login?error");
        assertThat(s.get("/login?error&lang=zh").body()).contains("用户名或密码不正确");

        Page ok = s.login(f.office, Fixture.PASSWORD);
        assertThat(ok.location()).endsWith("/board/" + id);
        Page board = s.get("/board/" + id);
        assertThat(board.status()).isEqualTo(200);
        assertThat(board.body()).contains(f.town).contains("单位 × 阶段");
        // ECharts comes from the app's WebJar, not from a CDN
        var script = java.util.regex.Pattern.compile("src=\"(/webjars/echarts/[^\"]*echarts\\.min\\.js)\"")
                .matcher(board.body());
        assertThat(script.find()).isTrue();
        assertThat(s.get(script.group(1)).status()).isEqualTo(200);
        assertThat(board.body()).doesNotContain("cdn").doesNotContain("http-equiv=\"refresh\"");
        // the big screen refreshes itself
        assertThat(s.get("/board/" + id + "?screen=1").body()).contains("http-equiv=\"refresh\" content=\"60\"")
                .contains("class=\"screen\"");

        // a form without its CSRF token is refused; with it, the session ends
        assertThat(s.postRaw("/logout", Map.of(), null).status()).isEqualTo(403);
        assertThat(s.post("/board/" + id, "/logout", Map.of()).location()).endsWith("/login?logout");
        assertThat(s.get("/board/" + id).status()).isEqualTo(302);
    }

    @Test
    void badAddressesGetAnErrorPageWithAWayBack() {
        WebSession s = signedIn(f.supervisors.get(0));
        Page unknownCampaign = s.get("/board/999999");
        assertThat(unknownCampaign.status()).isEqualTo(404);
        assertThat(unknownCampaign.contentType()).startsWith("text/html");
        assertThat(unknownCampaign.body()).contains("创建活动 999999 不存在").contains("id=\"back\"")
                .doesNotContain("Exception").doesNotContain("at cn.");
        // a campaign is a number: anything else is no page at all, still with a way back
        Page notACampaign = s.get("/board/x1");
        assertThat(notACampaign.status()).isEqualTo(404);
        assertThat(notACampaign.body()).contains("id=\"back\"");
        Page unknownUnit = s.get("/board/" + id + "/tasks?unit=nowhere");
        assertThat(unknownUnit.status()).isEqualTo(404);
        assertThat(unknownUnit.body()).contains("nowhere");
        assertThat(s.get("/board/" + id + "/tasks?state=late").body()).contains("accepted, open, overdue");
        assertThat(s.get("/board/" + id + "/tasks?phase=夏季").status()).isEqualTo(400);
        Page reversed = s.get("/board/" + id + "/cases?from=2027-03-08&to=2027-03-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.body()).contains("日期范围颠倒").contains("字段：to");
        assertThat(s.get("/board/" + id + "/cases?from=3月1日").body()).contains("from");
        // a day no campaign runs in (the fuzz tests found the last day of year 999999999 a 500)
        assertThat(s.get("/board/" + id + "/cases?to=%2B999999999-12-31").status()).isEqualTo(400);
        assertThat(s.get("/board/" + id + "/ranking?month=2027-13").status()).isEqualTo(400);
        // a year no campaign runs in (YearMonth takes it; the month's arithmetic would not)
        assertThat(s.get("/board/" + id + "/ranking?month=%2B999999999-12").status()).isEqualTo(400);
        assertThat(new Api(port, f.office, Fixture.PASSWORD).get("/api/campaigns/" + id + "/assessment/%2B999999999-12")
                .status()).isEqualTo(400);
        Page english = s.get("/board/999999?lang=en");
        assertThat(english.body()).contains("lang=\"en\"").contains("Campaign 999999 does not exist").contains("Back");
        assertThat(s.get("/board/" + id + "/no-such-page").status()).isEqualTo(404);
    }

    @Test
    void whoSeesWhat() {
        WebSession outsider = signedIn(f.outsider);
        Page refused = outsider.get("/board/" + id);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("403").doesNotContain("清理主要街道");

        WebSession head = signedIn(f.head("dzb"));
        assertThat(head.get("/board/" + id).body()).doesNotContain("清理主要街道").contains(f.unit("dzb"));
        assertThat(head.get("/board/" + id + "/tasks?unit=" + f.unit("cgzx")).status()).isEqualTo(403);
        assertThat(head.get("/board/" + id + "/overdue").body()).doesNotContain("清理主要街道");

        // a deputy opens on the units in their charge and may show them all
        WebSession deputy = signedIn(f.deputies.get(1));
        String mine = deputy.get("/board/" + id).body();
        assertThat(mine).contains("分管单位任务").contains("清理主要街道").contains("?all=1");
        assertThat(mine).doesNotContain("data-unit=\"" + f.unit("dzb") + "\"");
        assertThat(deputy.get("/board/" + id + "?all=1").body()).contains("data-unit=\"" + f.unit("cgzx") + "\"");

        WebSession supervisor = signedIn(f.supervisors.get(0));
        assertThat(supervisor.get("/board/" + id + "/overdue").body()).contains("清理主要街道").contains("tone-red");
    }

    @Test
    void theExportsComeFromThePage() throws IOException {
        WebSession s = signedIn(f.supervisors.get(0));
        assertThat(s.get("/board/" + id + "/overdue").body()).contains("/board/" + id + "/overdue/xlsx?lang=zh");
        for (String path : List.of("/overdue/xlsx?lang=en", "/ranking/xlsx", "/cases/xlsx?month=2027-03")) {
            assertThat(s.get("/board/" + id + path).status()).as(path).isEqualTo(200);
        }
        byte[] excel = s.download("/board/" + id + "/overdue/xlsx?lang=zh");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(excel))) {
            var sheet = book.getSheetAt(0);
            String text = sheet.getRow(0).getCell(0).getStringCellValue() + " "
                    + sheet.getRow(2).getCell(3).getStringCellValue() + " " + sheet.getRow(3).getCell(3).getStringCellValue();
            assertThat(text).contains("逾期").contains("任务").contains("清理主要街道");
        }
    }

    @Test
    void eachOpenRowLinksToItsTaskInTheWorkbench() {
        Api head = new Api(port, f.head("cgzx"), Fixture.PASSWORD);
        long row = head.get("/api/campaigns/" + id + "/tasks").json().get(0).get("id").asLong();
        String unitTask = head.get("/api/tasks?campaignId=" + id).json().get(0).get("id").asText();
        WebSession headPages = signedIn(f.head("cgzx"));
        String link = "/board/" + id + "/tasks/" + row + "/tasklist";
        assertThat(headPages.get(link).location()).endsWith("/work/tasks/" + unitTask);
        // a supervisor, who reads the row but does not work on it, to their own 我的待办
        assertThat(signedIn(f.supervisors.get(0)).get(link).location()).endsWith("/work");

        // submitted: the office is sent to its review; the unit, which does not work on the review, to its 我的待办
        assertThat(head.post("/api/tasks/" + unitTask + "/complete", Map.of("resultSummary", "已清理")).status())
                .isEqualTo(200);
        String review = new Api(port, f.office, Fixture.PASSWORD)
                .get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=reviewTask").json().get(0).get("id").asText();
        assertThat(signedIn(f.office).get(link).location()).endsWith("/work/tasks/" + review);
        assertThat(headPages.get(link).location()).endsWith("/work");
        assertThat(signedIn(f.head("dzb")).get(link).status()).isEqualTo(403);
        assertThat(signedIn(f.office).get("/board/" + id + "/tasks/999999/tasklist").status()).isEqualTo(404);
    }

    @Test
    void aRowOfAPhaseNotStartedIsNotStartedAndHasNothingToDo() {
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        Api.Reply added = office.post("/api/campaigns/" + id + "/phases/IMPLEMENTATION/tasks", Map.of("title",
                "建立门前三包责任制", "unit", f.unit("cgzx"), "deadline", "2027-03-18"));
        assertThat(added.status()).as(added.raw()).isEqualTo(201);
        long later = added.json().get("id").asLong();
        String page = signedIn(f.office).get("/board/" + id + "/tasks?phase=IMPLEMENTATION").body();
        String row = page.substring(page.indexOf("建立门前三包责任制"));
        row = row.substring(0, row.indexOf("</tr>"));
        assertThat(row).contains("未开始").contains("tone-grey").doesNotContain("待办理")
                .doesNotContain("/tasks/" + later + "/tasklist");
        // the phase under way: its open row is to be done, with its link
        String now = signedIn(f.office).get("/board/" + id + "/tasks?phase=MOBILIZATION").body();
        assertThat(now).contains("清理主要街道").contains("/tasklist").doesNotContain("未开始");
    }

    @Test
    void anInspectorChecksAHandledCaseOnThePhone() {
        String inspector = f.supervisors.get(0);
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        assertThat(office.put("/api/campaigns/" + id + "/grids",
                List.of(Map.of("code", "G1", "name", "第一网格", "inspector", inspector))).status()).isEqualTo(200);
        Api inspectorApi = new Api(port, inspector, Fixture.PASSWORD);
        Map<String, Object> report = new java.util.HashMap<>(Map.of("campaignId", id, "gridCode", "G1",
                "category", "GARBAGE", "description", "垃圾桶满溢", "address", "东村路口"));
        long caseId = inspectorApi.post("/api/cases", report).json().get("id").asLong();
        complete(f.office, "registerCase", Map.of("registerDecision", "REGISTER"));
        complete(f.office, "dispatchCase", Map.of("unitCode", f.unit("cgzx")));
        complete(f.head("cgzx"), "handleCase", Map.of("handleOutcome", "HANDLED"));
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        assertThat(new Api(port, f.head("cgzx"), Fixture.PASSWORD)
                .upload("/api/cases/" + caseId + "/photos", "处置后.png", "image/png", png).status()).isEqualTo(201);
        complete(f.head("cgzx"), "feedbackCase", Map.of("feedbackResult", "已清运"));

        WebSession phone = signedIn(inspector);
        Page waiting = phone.get("/m/cases");
        assertThat(waiting.body()).contains("#" + caseId).contains("垃圾桶满溢").contains("已清运");
        assertThat(phone.get("/m/report").body()).contains("待我核查").contains("(<span>1</span>)");
        String task = new Api(port, inspector, Fixture.PASSWORD)
                .get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=checkCase").json().get(0).get("id").asText();

        Page noReason = phone.post("/m/cases", "/m/cases/" + task + "/check", Map.of("checkOutcome", "FAIL"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.body()).contains("failReason").contains("/m/cases");
        Page someoneElse = signedIn(f.head("dzb")).post("/m/cases", "/m/cases/" + task + "/check",
                Map.of("checkOutcome", "PASS"));
        assertThat(someoneElse.status()).isIn(403, 404);

        Page passed = phone.post("/m/cases", "/m/cases/" + task + "/check", Map.of("checkOutcome", "PASS"));
        assertThat(passed.location()).endsWith("/m/cases?checked=" + caseId);
        assertThat(phone.get("/m/cases?checked=" + caseId).body()).contains("核查结果已记录").contains("没有待核查的案件");
        assertThat(office.get("/api/cases/" + caseId).json().get("status").asText()).isEqualTo("CLOSED");
    }

    private void complete(String user, String key, Map<String, Object> answers) {
        Api api = new Api(port, user, Fixture.PASSWORD);
        String task = api.get("/api/tasks?campaignId=" + id + "&taskDefinitionKey=" + key).json().get(0).get("id").asText();
        assertThat(api.post("/api/tasks/" + task + "/complete", answers).status()).as(key).isEqualTo(200);
    }

    @Test
    void theApiStaysAsItWas() {
        WebSession s = new WebSession(port);
        Page api = s.get("/api/campaigns");
        assertThat(api.status()).isEqualTo(401);
        // signed in to the pages, the API still wants its own credentials
        WebSession signed = signedIn(f.office);
        assertThat(signed.get("/api/campaigns").status()).isEqualTo(401);
        assertThat(new Api(port, f.office, Fixture.PASSWORD).get("/api/dashboard/" + id).status()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from task_row where campaign_id = :c").param("c", id)
                .query(Integer.class).single()).isEqualTo(1);
    }
}
