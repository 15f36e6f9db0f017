package cn.chuangwei.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.support.Api;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.NewTown;
import cn.chuangwei.support.TestClock;
import cn.chuangwei.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The new-campaign page ({@code /board/campaigns/new}) without a browser: the preview shows what would be written and
 * writes nothing; refusals (bad dates, an unknown person as a unit's head, another town's office, anyone but an office)
 * name the field in Chinese and write nothing; the same form creates the campaign through the API's service.
 */
@H2Test
class CampaignSetupPageTest {

    static final String PAGE = "/board/campaigns/new";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    NewTown t;
    WebSession office;

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2027, 6, 1, 9, 0));
        t = new NewTown(port);
        office = new WebSession(port);
        assertThat(office.login(t.office, NewTown.PASSWORD).location()).doesNotContain("error");
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    /** A campaign without a template: five phases of ten days from 2027-07-01, two units. */
    List<Map.Entry<String, String>> form(String action) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        f.add(Map.entry("town", String.valueOf(t.town)));
        f.add(Map.entry("name", t.name + "创建市级卫生乡镇"));
        f.add(Map.entry("template", ""));
        f.add(Map.entry("kind", "SANITARY_TOWN"));
        f.add(Map.entry("level", "MUNICIPAL"));
        f.add(Map.entry("standard", "provincial-jiangsu"));
        String[][] dates = {{"MOBILIZATION", "2027-07-01", "2027-07-10"}, {"IMPLEMENTATION", "2027-07-11", "2027-07-20"},
                {"CONSOLIDATION", "2027-07-21", "2027-07-30"}, {"SELF_INSPECTION", "2027-07-31", "2027-08-09"},
                {"ACCEPTANCE", "2027-08-10", "2027-08-19"}};
        for (String[] d : dates) {
            f.add(Map.entry("phase." + d[0] + ".start", d[1]));
            f.add(Map.entry("phase." + d[0] + ".end", d[2]));
        }
        f.add(Map.entry("lg." + t.leader, "LEADER"));
        f.add(Map.entry("lg." + t.deputy, "DEPUTY"));
        f.add(Map.entry("lg." + t.member, "MEMBER"));
        f.add(Map.entry("office", t.office));
        f.add(Map.entry("supervisors", t.supervisor));
        f.add(Map.entry("units", "2"));
        f.add(Map.entry("u0.name", "党政办"));
        f.add(Map.entry("u0.type", "DEPARTMENT"));
        f.add(Map.entry("u0.head", t.heads.get(0)));
        f.add(Map.entry("u0.deputy", t.deputy));
        f.add(Map.entry("u1.name", "东村村民委员会"));
        f.add(Map.entry("u1.type", "VILLAGE"));
        f.add(Map.entry("u1.head", t.heads.get(1)));
        f.add(Map.entry("action", action));
        return f;
    }

    static List<Map.Entry<String, String>> with(List<Map.Entry<String, String>> form, String key, String value) {
        List<Map.Entry<String, String>> f = new ArrayList<>();
        form.forEach(e -> f.add(e.getKey().equals(key) ? Map.entry(key, value) : e));
        return f;
    }

    long campaigns() {
        return jdbc.sql("select count(*) from campaign").query(Long.class).single();
    }

    @Test
    void theFormOffersTheTownsPeopleAndThePreviewWritesNothing() {
        WebSession.Page page = office.get(PAGE);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(t.name).contains("李书记").contains("陈主任").contains("type=\"date\"")
                .contains("宣传办").doesNotContain(">" + t.leader + "<");

        long before = campaigns();
        WebSession.Page preview = office.postAll(PAGE, PAGE, form("preview"));
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(preview.body()).contains("id=\"create\"").contains("2027年7月1日").contains("2027年8月19日")
                .contains("李书记").contains("王镇长").contains("陈主任").contains("东村村民委员会").contains("市级")
                .contains("创建卫生乡镇");
        // the phases as given end on Saturdays and start on Sundays: the preview says so
        assertThat(preview.body()).contains("宣传发动的结束日2027年7月10日不是工作日")
                .contains("组织实施的开始日2027年7月11日不是工作日");
        assertThat(campaigns()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from campaign_unit where head_user_id = :h").param("h", t.heads.get(0))
                .query(Long.class).single()).isZero();
    }

    @Test
    void refusalsNameTheFieldInChineseAndWriteNothing() {
        long before = campaigns();
        // the implementation phase ends before it starts
        WebSession.Page dates = office.postAll(PAGE, PAGE, with(form("preview"), "phase.IMPLEMENTATION.end", "2027-07-05"));
        assertThat(dates.status()).isEqualTo(400);
        assertThat(dates.body()).contains("组织实施阶段的结束日期早于开始日期").contains("field-error");
        // a date that is no date
        WebSession.Page noDate = office.postAll(PAGE, PAGE, with(form("preview"), "phase.MOBILIZATION.start", "2027-02-30"));
        assertThat(noDate.status()).isEqualTo(400);
        assertThat(noDate.body()).contains("宣传发动阶段的开始日期");
        // a unit's head nobody knows
        WebSession.Page head = office.postAll(PAGE, PAGE, with(form("create"), "u1.head", "nobody-" + t.p));
        assertThat(head.status()).isEqualTo(400);
        assertThat(head.body()).contains("第2个责任单位（东村村民委员会）的负责人").contains("不存在");
        // a unit's deputy who is no leader or deputy leader: named, not by login
        WebSession.Page deputy = office.postAll(PAGE, PAGE, with(form("create"), "u0.deputy", t.member));
        assertThat(deputy.status()).isEqualTo(400);
        assertThat(deputy.body()).contains("第1个责任单位（党政办）的分管领导").contains("赵委员")
                .doesNotContain("“" + t.member + "”");
        // no leader
        WebSession.Page leader = office.postAll(PAGE, PAGE, with(form("preview"), "lg." + t.leader, ""));
        assertThat(leader.status()).isEqualTo(400);
        assertThat(leader.body()).contains("领导小组组长");
        assertThat(campaigns()).isEqualTo(before);
    }

    @Test
    void onlyTheTownsOwnOfficeSetsItsCampaignUp() {
        NewTown other = new NewTown(port);
        WebSession otherOffice = new WebSession(port);
        otherOffice.login(other.office, NewTown.PASSWORD);
        long before = campaigns();
        // another town's office: neither the page for this town nor a form naming it
        assertThat(otherOffice.get(PAGE + "?town=" + t.town).status()).isEqualTo(403);
        assertThat(otherOffice.postAll(PAGE, PAGE, form("create")).status()).isEqualTo(403);
        // nor through the API
        Api.Reply api = new Api(port, other.office, NewTown.PASSWORD).post("/api/campaigns", Map.of("name", "x",
                "town", t.name));
        assertThat(api.status()).isEqualTo(403);
        // anyone but an office: the town's leader, a unit head
        for (String user : List.of(t.leader, t.heads.get(0))) {
            WebSession s = new WebSession(port);
            s.login(user, NewTown.PASSWORD);
            assertThat(s.get(PAGE).status()).as(user).isEqualTo(403);
            assertThat(s.postAll("/login", PAGE, form("create")).status()).as(user).isEqualTo(403);
        }
        assertThat(campaigns()).isEqualTo(before);
    }

    @Test
    void theFormAddsAndRemovesUnitRowsAndCreatesTheCampaign() {
        WebSession.Page added = office.postAll(PAGE, PAGE, form("add-unit"));
        assertThat(added.status()).isEqualTo(200);
        assertThat(added.body()).contains("name=\"u2.name\"").contains("value=\"东村村民委员会\"");
        WebSession.Page removed = office.postAll(PAGE, PAGE, form("remove-unit-0"));
        assertThat(removed.body()).doesNotContain("name=\"u1.name\"").contains("value=\"东村村民委员会\"")
                .doesNotContain("value=\"党政办\"");

        WebSession.Page created = office.postAll(PAGE, PAGE, form("create"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        long id = Long.parseLong(created.location().replaceAll(".*/board/(\\d+)/import.*", "$1"));
        JsonNode c = new Api(port, t.office, NewTown.PASSWORD).get("/api/campaigns/" + id).json();
        assertThat(c.get("town").asText()).isEqualTo(t.name);
        assertThat(c.get("level").asText()).isEqualTo("MUNICIPAL");
        assertThat(c.get("units")).hasSize(2);
        assertThat(c.get("units").get(0).get("headUserId").asText()).isEqualTo(t.heads.get(0));
        assertThat(c.get("units").get(0).get("deputyUserId").asText()).isEqualTo(t.deputy);
        assertThat(office.get(created.location().replaceFirst("^https?://[^/]+", "")).body()).contains("创建活动已创建");
        // the town has its campaign: the header no longer offers a new one
        assertThat(office.get("/board/" + id).body()).doesNotContain("id=\"to-new-campaign\"").contains("id=\"to-import\"");
    }

    @Test
    void theFormOffersEveryKindsTemplateAndFillsInItsOwnUnits() {
        WebSession.Page page = office.get(PAGE);
        assertThat(page.body()).contains("创建省级卫生乡镇").contains("创建全国文明城市").contains("创建国家森林城市");
        // 创卫 first: the form opens on it
        assertThat(page.body().indexOf("创建省级卫生乡镇")).isLessThan(page.body().indexOf("创建全国文明城市"));
        for (String[] kind : new String[][] {
                {"civilized-city", "创建全国文明城市", "文明办（创文办）", "志愿服务站（团委）", "城管执法中队", "交警中队"},
                {"forest-city", "创建国家森林城市", "创森办（农林水部门）", "林业站（自然资源所）", "园林绿化所", "水利站"}}) {
            List<Map.Entry<String, String>> f = new ArrayList<>();
            f.add(Map.entry("town", String.valueOf(t.town)));
            f.add(Map.entry("template", kind[0]));
            f.add(Map.entry("action", "template"));
            WebSession.Page filled = office.postAll(PAGE, PAGE, f);
            assertThat(filled.status()).as(filled.body()).isEqualTo(200);
            // the campaign named after the town and the kind, a unit row for each of the template's roles, by name
            assertThat(filled.body()).contains("value=\"" + t.name + kind[1] + "\"").contains(kind[2]).contains(kind[3])
                    .contains(kind[4]).contains(kind[5]).doesNotContain("创卫办（党政办）");
        }
        // the templates by their English names in English (the session keeps the language from here on)
        assertThat(office.get(PAGE + "?lang=en").body()).contains("Provincial sanitary town campaign")
                .doesNotContain(">创建全国文明城市<");
    }
}
