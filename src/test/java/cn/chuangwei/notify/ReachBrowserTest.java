package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Who gets what, where, in Debian's Chromium at a phone's and a laptop's size: the office opens a unit head's 消息渠道
 * from the town's people page, is refused a wrong mobile number with the entries kept, then sets the WeCom userid and
 * the mobile, puts WeCom first and sets quiet hours; the person opens 我的消息设置 from the workbench, sees the
 * channels and switches to 即时提醒; the office adds the unit's DingTalk robot on the campaign's 群机器人 page and sees its
 * webhook and secret masked. No code on screen: channels, units and people in words. Screenshots go to
 * {@code target/screenshots/}.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReachBrowserTest {

    static final String TOKEN = "9b1de4c0ffee5a1e7d2c3b4a59687f00112233445566778899aabbccddee7c41";
    static final String SECRET = "SECd6c1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f70811ff";

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    Regions regions;
    @Autowired
    TestClock clock;
    @Autowired
    JdbcClient jdbc;

    Fixture f;
    long campaign;
    long town;

    @BeforeAll
    void aTownWithACampaign() {
        clock.set(LocalDateTime.of(2027, 9, 6, 9, 0));
        f = new Fixture(identity);
        Region county = regions.ensure("渠道县" + f.p, Region.Level.COUNTY, null);
        Region t = regions.ensure(f.town, Region.Level.TOWN, county.id());
        town = t.id();
        regions.addMember(t, f.office);
        campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 9, 6), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("dzb"), null, "2027-09-10", false, null),
                new TaskRequest("MOBILIZATION", "清理主要街道", null, f.unit("cgzx"), null, "2027-09-10", false, null)),
                false)).id();
        // the unit heads on the town's people page (the campaign named them; the office records their role)
        Api office = new Api(port, f.office, Fixture.PASSWORD);
        for (String unit : List.of("dzb", "cgzx")) {
            Api.Reply r = office.post("/api/regions/" + town + "/people", Map.of("userId", f.head(unit), "role", "UNIT_HEAD"));
            assertThat(r.status()).as(r.raw()).isEqualTo(201);
        }
    }

    @AfterAll
    void tearDown() {
        clock.reset();
    }

    @ParameterizedTest
    @CsvSource({"390, 844, dzb, 党政办, 13800138000", "1366, 768, cgzx, 城管环卫中心, 13900139000"})
    void theOfficeSetsAPersonsChannelsThePersonChoosesAtOnceAndTheUnitGetsARobot(int width, int height, String unit,
                                                                                 String unitName, String mobile) {
        String head = f.head(unit);
        String size = width + "x" + height;
        String wecomId = "WX_" + unit + f.p;
        try (Browser b = new Browser(port, width, height)) {
            b.open("/board/regions/" + town);
            b.login(f.office, Fixture.PASSWORD);
            b.screenshot("reach-region-people-" + size);
            b.find("a[data-reach='" + head + "']").click();
            assertThat(b.path()).isEqualTo("/board/regions/" + town + "/people/" + head + "/reach");
            String person = b.text("h1");
            assertThat(person).contains(name(head)).doesNotContain(head);
            assertThat(b.text("#mail")).isEqualTo(head + "@test.example");

            // a wrong mobile number: the reason names the field, the entries stay, nothing is saved
            b.find("#wecom").sendKeys(wecomId);
            b.find("#sms").sendKeys("2380013800");
            new Select(b.find("#order1")).selectByVisibleText("企业微信");
            new Select(b.find("#order2")).selectByVisibleText("短信");
            b.find("#quietStart").sendKeys("22:00");
            b.find("#quietEnd").sendKeys("7:00");
            b.find("#delivery-DIGEST").click();
            b.find("#save").click();
            assertThat(b.text("#reach-error")).contains("手机号").contains("11 位");
            assertThat(b.find("#sms").getAttribute("class")).contains("field-error");
            assertThat(b.find("#wecom").getDomProperty("value")).isEqualTo(wecomId);
            assertThat(new Select(b.find("#order1")).getFirstSelectedOption().getText()).isEqualTo("企业微信");
            assertThat(b.find("#quietEnd").getDomProperty("value")).isEqualTo("7:00");
            assertThat(channels(head)).isEmpty();
            b.screenshot("reach-refused-" + size);

            b.find("#sms").clear();
            b.find("#sms").sendKeys("+86 " + mobile);
            b.find("#save").click();
            assertThat(b.text("#saved")).contains(name(head));
            assertThat(b.find("#sms").getDomProperty("value")).isEqualTo(mobile);
            assertThat(b.find("#quietEnd").getDomProperty("value")).isEqualTo("07:00");
            assertThat(new Select(b.find("#order1")).getFirstSelectedOption().getText()).isEqualTo("企业微信");
            assertThat(new Select(b.find("#order2")).getFirstSelectedOption().getText()).isEqualTo("短信");
            assertThat(b.find("#delivery-DIGEST").isSelected()).as("the daily digest, as chosen").isTrue();
            assertThat(b.sidewaysOverflow()).as("no sideways scrolling at " + size).isLessThanOrEqualTo(0);
            noCodes(b.text("main"), head);
            b.screenshot("reach-office-" + size);

            // in English: the channels in words too
            b.find("#lang-en").click();
            assertThat(b.text("h1")).startsWith("Channels of");
            assertThat(new Select(b.find("#order1")).getFirstSelectedOption().getText()).isEqualTo("WeCom");
            // (SMS is the channel's English name)
            assertThat(b.text("main")).doesNotContain("WECOM").doesNotContain("DINGTALK").doesNotContain("IMMEDIATE")
                    .doesNotContain("DIGEST").doesNotContain("MAIL");
            assertThat(b.sidewaysOverflow()).as("no sideways scrolling at " + size).isLessThanOrEqualTo(0);
            b.screenshot("reach-office-en-" + size);
        }
        assertThat(channels(head)).containsExactly("1 WECOM " + wecomId, "2 SMS " + mobile);

        try (Browser b = new Browser(port, width, height)) {
            b.open("/work");
            b.login(head, Fixture.PASSWORD);
            b.find("#to-my-reach").click();
            assertThat(b.path()).isEqualTo("/work/reach");
            assertThat(b.text("#my-channels")).contains("企业微信：" + wecomId).contains("短信：" + mobile);
            assertThat(b.find("#quietStart").getDomProperty("value")).isEqualTo("22:00");
            b.find("#delivery-IMMEDIATE").click();
            b.find("#save").click();
            assertThat(b.text("#saved")).isNotBlank();
            assertThat(b.find("#delivery-IMMEDIATE").isSelected()).isTrue();
            assertThat(b.sidewaysOverflow()).as("no sideways scrolling at " + size).isLessThanOrEqualTo(0);
            noCodes(b.text("main"), head);
            b.screenshot("reach-mine-" + size);
        }
        assertThat(jdbc.sql("select immediate from person_reach where user_id = :u").param("u", head)
                .query(Boolean.class).single()).isTrue();

        try (Browser b = new Browser(port, width, height)) {
            b.open("/board/" + campaign);
            b.login(f.office, Fixture.PASSWORD);
            b.find("#to-robots").click();
            assertThat(b.path()).isEqualTo("/board/" + campaign + "/robots");
            new Select(b.find("#unitCode")).selectByVisibleText(unitName);
            new Select(b.find("#channel")).selectByVisibleText("钉钉群机器人");
            b.find("#robot-name").sendKeys(unitName + "工作群");
            b.find("#webhook").sendKeys("https://oapi.dingtalk.com/robot/send?access_token=" + TOKEN);
            b.find("#secret").sendKeys(SECRET);
            b.find("#add-robot").click();
            assertThat(b.text("#notice")).isNotBlank();
            String list = b.text("#robot-list");
            assertThat(list).contains(unitName).contains("钉钉群机器人").contains(unitName + "工作群")
                    .contains("https://oapi.dingtalk.com/…access_token=****7c41").contains("****11ff");
            assertThat(b.driver().getPageSource()).doesNotContain(TOKEN).doesNotContain(SECRET);
            assertThat(b.sidewaysOverflow()).as("no sideways scrolling at " + size).isLessThanOrEqualTo(0);
            noCodes(b.text("main"), head);
            assertThat(b.text("main")).doesNotContain(f.unit(unit)).doesNotContain("DINGTALK_ROBOT");
            b.screenshot("robots-" + size);

            // the same group's DingTalk robot again: refused, the list as it was
            new Select(b.find("#unitCode")).selectByVisibleText(unitName);
            new Select(b.find("#channel")).selectByVisibleText("钉钉群机器人");
            b.find("#webhook").sendKeys("https://oapi.dingtalk.com/robot/send?access_token=other");
            b.find("#add-robot").click();
            assertThat(b.text("#robot-error")).contains("只能设置一个");
            assertThat(b.all("#robot-list .robot")).hasSize(robots());
        }
    }

    private void noCodes(String text, String userId) {
        assertThat(text).doesNotContain(userId + " ").doesNotContain("WECOM").doesNotContain("DINGTALK")
                .doesNotContain("SMS").doesNotContain("IMMEDIATE").doesNotContain("DIGEST").doesNotContain("MAIL");
    }

    private String name(String userId) {
        return identity.createUserQuery().userId(userId).singleResult().getFirstName();
    }

    private List<String> channels(String userId) {
        return jdbc.sql("select position, channel, address from person_channel where user_id = :u order by position")
                .param("u", userId).query((rs, n) -> rs.getInt(1) + " " + rs.getString(2) + " " + rs.getString(3)).list();
    }

    private int robots() {
        return jdbc.sql("select count(*) from group_robot where campaign_id = :c").param("c", campaign)
                .query(Integer.class).single();
    }
}
