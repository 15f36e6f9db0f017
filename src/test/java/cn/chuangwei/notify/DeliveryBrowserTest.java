package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Browser;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.OutboxRows;
import cn.chuangwei.support.TestClock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 消息发送情况 in Debian's Chromium, on a phone (390×844) and a laptop (1366×768): the office opens it from the header,
 * filters the parked messages, finds a parked SMS with its reason, sends it again and sees it waiting to be sent.
 * Screenshots go to {@code target/screenshots/}.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryBrowserTest {

    static final LocalDateTime NOW = LocalDateTime.of(2027, 3, 2, 10, 0);

    @LocalServerPort
    int port;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    Regions regions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TestClock clock;

    Fixture f;
    String tenant;
    long campaign;
    long robot;

    @BeforeAll
    void aTownWithItsMessages() {
        clock.set(LocalDateTime.of(2027, 3, 1, 8, 0));
        f = new Fixture(identity);
        Region county = regions.ensure("发送县" + f.p, Region.Level.COUNTY, null);
        Region town = regions.ensure(f.town, Region.Level.TOWN, county.id());
        regions.addMember(town, f.office);
        tenant = town.tenantId();
        campaign = ApiCampaign.start(port, management, f, f.small(LocalDate.of(2027, 3, 1), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, f.unit("c1"), null, "2027-03-04", false, null)),
                false)).id();
        clock.set(NOW);
        // the campaign's own notices (its start assigns the task) are taken out: the rows below are the town's outbox
        jdbc.sql("delete from mail_outbox where tenant_id = :t").param("t", tenant).update();
        robot = row().robot(campaign, null, "DINGTALK_ROBOT", "创卫工作群");
        String head = f.head("c1");
        row().to(head, "MAIL", head + "@test.example").kind("ASSIGNMENT").at(NOW.minusHours(20)).sent(NOW.minusHours(20))
                .write("【创卫任务】召开动员大会");
        row().to(null, "DINGTALK_ROBOT", String.valueOf(robot)).kind("CIRCULAR").at(NOW.minusHours(3))
                .sent(NOW.minusHours(3)).write("关于3月第一周任务进展的通报");
        row().to(head, "SMS", "13800000001").kind("REMINDER").at(NOW.minusHours(2))
                .pending(0, LocalDateTime.of(2027, 3, 3, 7, 0), null).write("【到期提醒】召开动员大会（3月4日到期）");
        row().to(f.leader, "WECOM", "zhangsan").kind("RED").at(NOW.minusMinutes(90))
                .pending(2, NOW.plusMinutes(20), "errcode 45009：接口调用超过每分钟限制").write("【督查督办·催办】东村：召开动员大会");
        row().to(f.leader, "MAIL", f.leader + "@test.example").kind("INTERVIEW").at(NOW.minusMinutes(80))
                .status("UNCONFIRMED", 1, "the sender stopped while sending; not sent again").write("【督查督办·约谈】东村：召开动员大会");
    }

    @AfterAll
    void removeTheMessages() {
        OutboxRows.removeAll(jdbc);
        clock.reset();
    }

    OutboxRows row() {
        return new OutboxRows(jdbc).of(tenant, campaign);
    }

    @Test
    void onAPhone() {
        journey(390, 844, "phone");
    }

    @Test
    void onALaptop() {
        journey(1366, 768, "laptop");
    }

    /** Waits until the browser is at a page whose address contains this. */
    static void arrive(Browser b, String address) {
        new WebDriverWait(b.driver(), Duration.ofSeconds(20)).until(d -> b.path().contains(address));
    }

    void journey(int width, int height, String device) {
        String reason = "isv.MOBILE_NUMBER_ILLEGAL：号码格式错误（" + device + "）";
        long parked = row().to(f.head("c1"), "SMS", "1380000").kind("RED").at(NOW.minusMinutes(30))
                .status("FAILED", 1, reason).write("【督查督办·催办】东村负责人：召开动员大会（" + device + "）");
        try (Browser b = new Browser(port, width, height)) {
            b.open("/");
            b.login(f.office, Fixture.PASSWORD);
            b.find("#to-messages").click();
            arrive(b, "/board/messages");
            assertThat(b.text("h1")).isEqualTo("消息发送情况");
            assertThat(b.text("#count-parked")).contains("已搁置");
            assertThat(b.text("#list")).contains("静默时段后发送").contains("重试中").contains("创卫工作群（" + f.town + "创建活动）")
                    .contains("发送中断，可能已送达，未再发送");
            assertThat(b.sidewaysOverflow()).as("no sideways scrolling").isLessThanOrEqualTo(0);
            b.screenshot("messages-" + device);

            new Select(b.find("#filter-state")).selectByVisibleText("已搁置");
            b.find("#apply-filters").click();
            arrive(b, "/board/messages?state=parked");
            assertThat(new Select(b.find("#filter-state")).getFirstSelectedOption().getText()).isEqualTo("已搁置");
            String card = b.text("#message-" + parked);
            assertThat(card).contains("东村负责人").contains("短信").contains("催办").contains("已搁置").contains(reason)
                    .contains("2027年3月2日 09:30");
            assertThat(b.all("#list tr.message")).hasSize(2);
            String page = b.text("main");
            assertThat(page).doesNotContain(f.head("c1")).doesNotContain("FAILED").doesNotContain("SMS")
                    .doesNotContain("1380000").doesNotContain("robot.invalid");
            assertThat(b.sidewaysOverflow()).isLessThanOrEqualTo(0);
            b.screenshot("messages-parked-" + device);

            b.find("#resend-" + parked).click();
            arrive(b, "resent=" + parked);
            assertThat(b.text("#resent")).contains("已重新发送").contains("东村负责人").contains("待发送");
            assertThat(b.path()).contains("state=parked");
            assertThat(b.all("#message-" + parked)).isEmpty();
            b.screenshot("messages-resent-" + device);

            b.find("#count-waiting").click();
            arrive(b, "/board/messages?state=waiting");
            String now = b.text("#message-" + parked);
            assertThat(now).contains("待发送").contains("创卫办于 2027年3月2日 10:00 重新发送").doesNotContain(reason);
            assertThat(b.all("#resend-" + parked)).isEmpty();
            b.screenshot("messages-waiting-" + device);

            b.open("/board/messages?state=waiting&lang=en");
            assertThat(b.text("h1")).isEqualTo("Message delivery");
            assertThat(b.text("#message-" + parked)).contains("SMS").contains("Waiting").contains("2027-03-02 10:00");
            assertThat(b.consoleErrors()).isEmpty();
        }
        assertThat(jdbc.sql("select status from mail_outbox where id = :id").param("id", parked).query(String.class)
                .single()).isEqualTo("PENDING");
    }
}
