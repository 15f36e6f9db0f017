package cn.chuangwei.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * The audit and circulars as pages (issue 15, item 5): the audit's filters in the address and in its export; a
 * circular of picked overdue tasks previewed and issued once however often its form is sent; and the refusals —
 * nothing picked, another town's task, a task not overdue, a unit head, a leading-group member — each on the page in
 * Chinese (or English), the database unchanged.
 */
@H2Test
class CircularPagesTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"token\" value=\"([^\"]+)\"");

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
    OverdueTown town;
    long otherTownRow;

    /** The town of {@link OverdueTown}, and another town with an overdue task of its own. */
    @BeforeEach
    void seed() {
        Fixture t2 = new Fixture(identity);
        clock.set(LocalDateTime.of(2027, 3, 1, 9, 0));
        long other = ApiCampaign.start(port, management, t2, t2.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "二镇清理街道", null, t2.unit("cgzx"), null, "2027-03-02", false, null)),
                false)).id();
        otherTownRow = new Api(port, t2.office, Fixture.PASSWORD).get("/api/campaigns/" + other + "/tasks").json().get(0)
                .get("id").asLong();
        town = OverdueTown.seed(port, identity, management, clock);
        f = town.f();
        id = town.id();
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    WebSession signedIn(String user) {
        WebSession s = new WebSession(port);
        assertThat(s.login(user, Fixture.PASSWORD).status()).isEqualTo(302);
        return s;
    }

    int circulars() {
        return jdbc.sql("select count(*) from circular where campaign_id = :c").param("c", id).query(Integer.class).single();
    }

    String board() {
        return "/board/" + id;
    }

    /** The preview's address with these tasks picked. */
    String preview(String... titles) {
        StringBuilder q = new StringBuilder(board() + "/circulars/preview?unit=" + f.unit("zx"));
        for (String t : titles) {
            q.append("&task=").append(town.row(t));
        }
        return q.toString();
    }

    static Map<String, String> form(Object... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], String.valueOf(pairs[i + 1]));
        }
        return m;
    }

    @Test
    void theAuditFiltersAreInTheAddressAndInItsExport() throws Exception {
        WebSession s = signedIn(f.supervisors.get(0));
        String all = s.get(board() + "/overdue").body();
        assertThat(all).contains(OverdueTown.STREETS, OverdueTown.HEALTH, OverdueTown.SCHOOL).doesNotContain(OverdueTown.MEETING)
                .contains("name=\"task\"").contains("id=\"to-circulars\"");
        // one unit, critical only, at least 4 working days overdue (2 March: 4 working days by 8 March), not escalated
        assertThat(s.get(board() + "/overdue?unit=" + f.unit("zx")).body()).contains(OverdueTown.SCHOOL)
                .doesNotContain(OverdueTown.STREETS).doesNotContain(OverdueTown.HEALTH);
        String critical = s.get(board() + "/overdue?critical=1").body();
        assertThat(critical).contains(OverdueTown.HEALTH).doesNotContain(OverdueTown.STREETS).contains("checked");
        String days = s.get(board() + "/overdue?minDays=4").body();
        assertThat(days).contains(OverdueTown.STREETS).doesNotContain(OverdueTown.SCHOOL);
        assertThat(s.get(board() + "/overdue?level=NONE").body()).contains(OverdueTown.STREETS);
        assertThat(s.get(board() + "/overdue?level=INTERVIEW").body()).doesNotContain(OverdueTown.STREETS);
        // the export honours the filters: the link carries them, the sheet holds what the page shows
        assertThat(critical).contains(board() + "/overdue/xlsx?critical=1&amp;lang=zh");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(
                s.download(board() + "/overdue/xlsx?critical=1&lang=zh")))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(3).getCell(3).getStringCellValue()).isEqualTo(OverdueTown.HEALTH);
        }
        // a filter that cannot be read is refused by name, in Chinese, not a 500
        WebSession.Page bad = s.get(board() + "/overdue?minDays=abc");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("逾期工作日“abc”无效");
        // a unit head sees their own unit's overdue task and picks nothing
        String head = signedIn(f.head("cgzx")).get(board() + "/overdue").body();
        assertThat(head).contains(OverdueTown.STREETS).doesNotContain(OverdueTown.SCHOOL).doesNotContain("name=\"task\"")
                .doesNotContain("id=\"to-circulars\"");
    }

    @Test
    void aCircularOfPickedTasksIsPreviewedAsTheDocumentAndIssuedOnceHoweverOftenItsFormIsSent() throws Exception {
        WebSession s = signedIn(f.supervisors.get(0));
        WebSession.Page preview = s.get(preview(OverdueTown.HEALTH, OverdueTown.STREETS));
        assertThat(preview.status()).isEqualTo(200);
        // the document: number, issuing office, title, date in Chinese, the two tasks and not the third
        assertThat(preview.body()).contains(f.town + "创卫办通〔2027〕1号", f.town + "创建活动工作领导小组办公室",
                "关于" + f.town + "创建活动逾期任务情况的通报", "2027年3月8日", OverdueTown.STREETS, OverdueTown.HEALTH,
                "class=\"sheet\"", "/assets/document.css").doesNotContain(OverdueTown.SCHOOL);
        assertThat(preview.body()).contains("本通报列出 2 个单位的 2 项逾期任务");
        assertThat(circulars()).isZero();

        Matcher token = TOKEN.matcher(preview.body());
        assertThat(token.find()).isTrue();
        Map<String, String> fields = form("task", town.row(OverdueTown.STREETS), "title", "关于清理街道进度滞后的通报",
                "body", "各单位：\n现将逾期任务通报如下。", "token", token.group(1), "unit", f.unit("zx"));
        // the form carries two tasks: WebSession posts a map, so the second goes in the address
        String path = board() + "/circulars?task=" + town.row(OverdueTown.HEALTH);
        WebSession.Page first = s.post(preview(OverdueTown.HEALTH, OverdueTown.STREETS), path, fields);
        assertThat(first.status()).as(first.body()).isEqualTo(302);
        assertThat(first.location()).contains(board() + "/circulars?issued=");
        String issuedPath = first.location().replaceFirst("^https?://[^/]+", "");
        WebSession.Page again = s.post(preview(OverdueTown.HEALTH, OverdueTown.STREETS), path, fields);
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(circulars()).isEqualTo(1);

        long circular = Long.parseLong(first.location().replaceAll(".*issued=", ""));
        assertThat(jdbc.sql("select task_title from circular_item where circular_id = :c order by seq")
                .param("c", circular).query(String.class).list()).containsExactly(OverdueTown.STREETS, OverdueTown.HEALTH);
        // mailed to the heads of the units named and to the leading group, each once
        assertThat(jdbc.sql("select recipient_user from mail_outbox where idempotency_key like :k")
                .param("k", "circular:" + circular + ":%").query(String.class).list())
                .containsExactlyInAnyOrder(f.head("cgzx"), f.head("wsy"), f.leader, f.deputies.get(0), f.deputies.get(1),
                        f.members.get(0), f.members.get(1));
        assertThat(jdbc.sql("select body from mail_outbox where idempotency_key = :k")
                .param("k", "circular:" + circular + ":" + f.head("cgzx")).query(String.class).single())
                .contains("关于清理街道进度滞后的通报").contains("/board/circulars/" + circular + "/print");

        // the list: number, title, date, units, who issued it by name; the print view, PDF and Word
        String page = s.get(issuedPath).body();
        String list = page.substring(page.indexOf("<main>"));
        assertThat(list).contains("已签发通报《关于清理街道进度滞后的通报》", f.town + "创卫办通〔2027〕1号", "2027年3月8日",
                "城管环卫中心", "卫生院", "督查甲").doesNotContain(f.supervisors.get(0));
        assertThat(list).contains("/board/circulars/" + circular + "/print", "/board/circulars/" + circular + "/pdf",
                "/board/circulars/" + circular + "/docx");
        try (PDDocument pdf = Loader.loadPDF(s.download("/board/circulars/" + circular + "/pdf"))) {
            assertThat(new PDFTextStripper().getText(pdf).replaceAll("\\s+", "")).contains("关于清理街道进度滞后的通报")
                    .contains("现将逾期任务通报如下");
        }
        assertThat(s.download("/board/circulars/" + circular + "/docx")).startsWith('P', 'K');
        assertThat(s.get("/board/circulars/" + circular + "/print").body()).contains("关于清理街道进度滞后的通报");
        // the head of a unit it names opens the link of their mail; the head of a unit it does not name cannot
        String print = "/board/circulars/" + circular + "/print";
        assertThat(signedIn(f.head("cgzx")).get(print).body()).contains("关于清理街道进度滞后的通报");
        assertThat(signedIn(f.head("zx")).get(print).status()).isEqualTo(403);
        // the leading group reads the list but issues nothing
        WebSession member = signedIn(f.members.get(0));
        assertThat(member.get(board() + "/circulars").body()).contains("关于清理街道进度滞后的通报")
                .doesNotContain("选择逾期任务并通报");
        assertThat(member.get(preview(OverdueTown.STREETS)).status()).isEqualTo(403);
    }

    @Test
    void refusalsAreShownOnThePageAndWriteNothing() {
        WebSession s = signedIn(f.supervisors.get(0));
        // nothing picked: the preview says so, in Chinese, with the way back to the filtered audit
        WebSession.Page none = s.get(board() + "/circulars/preview?unit=" + f.unit("zx"));
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.body()).contains("请至少勾选一项逾期任务").contains(board() + "/overdue?unit=" + f.unit("zx"))
                .doesNotContain("class=\"sheet\"");
        WebSession.Page noneIssued = s.post(board() + "/overdue", board() + "/circulars", form("title", "x"));
        assertThat(noneIssued.status()).isEqualTo(400);
        assertThat(noneIssued.body()).contains("请至少勾选一项逾期任务");
        // in English on request
        assertThat(s.get(board() + "/circulars/preview?lang=en").body()).contains("Tick at least one overdue task");
        s.get(board() + "/overdue?lang=zh");
        // another town's task, a task not overdue, an id that is not one: refused alike, naming nothing of them
        for (String task : List.of(String.valueOf(otherTownRow), String.valueOf(town.row(OverdueTown.MEETING)), "abc")) {
            WebSession.Page p = s.get(board() + "/circulars/preview?task=" + town.row(OverdueTown.STREETS) + "&task=" + task);
            assertThat(p.status()).as(task).isEqualTo(400);
            assertThat(p.body()).contains("所选任务中有 1 项不是本创建活动当前的逾期任务").doesNotContain("二镇清理街道");
            WebSession.Page issued = s.post(board() + "/overdue", board() + "/circulars?task=" + task,
                    form("task", town.row(OverdueTown.STREETS), "token", "t-" + task));
            assertThat(issued.status()).as(task).isEqualTo(400);
            assertThat(issued.body()).contains("所选任务中有 1 项不是本创建活动当前的逾期任务");
        }
        // a title too long is refused by the same rule as the API's
        WebSession.Page longTitle = s.post(board() + "/overdue", board() + "/circulars",
                form("task", town.row(OverdueTown.STREETS), "title", "长".repeat(201)));
        assertThat(longTitle.status()).isEqualTo(400);
        assertThat(longTitle.body()).contains("超过最大长度 200");
        assertThat(circulars()).isZero();

        // a unit head: refused the preview, the issue and the list (403, an error page)
        WebSession head = signedIn(f.head("cgzx"));
        assertThat(head.get(preview(OverdueTown.STREETS)).status()).isEqualTo(403);
        WebSession.Page headIssue = head.post(board() + "/overdue", board() + "/circulars",
                form("task", town.row(OverdueTown.STREETS)));
        assertThat(headIssue.status()).isEqualTo(403);
        assertThat(head.get(board() + "/circulars").status()).isEqualTo(403);
        // a CSRF token is required
        assertThat(s.postRaw(board() + "/circulars", form("task", town.row(OverdueTown.STREETS)), "wrong").status())
                .isEqualTo(403);
        assertThat(circulars()).isZero();
        assertThat(jdbc.sql("select count(*) from mail_outbox where idempotency_key like :k")
                .param("k", "circular:%:" + f.head("cgzx")).query(Integer.class).single()).isZero();
    }
}
