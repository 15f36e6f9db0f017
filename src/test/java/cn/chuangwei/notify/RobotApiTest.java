package cn.chuangwei.notify;

import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRequest.TaskRequest;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import cn.chuangwei.support.Api;
import cn.chuangwei.support.Api.Reply;
import cn.chuangwei.support.ApiCampaign;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A campaign's group robots through the API: its town's office adds the campaign group's and a unit's robot, one per
 * group and channel; the webhook (https, on an allowed host only: the server posts to it) and the secret are answered
 * masked, kept when an edit leaves them blank, and never logged. Another town's office, a unit head and the leading
 * group are refused, and a refused request leaves the table as it was.
 */
@H2Test
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class RobotApiTest {

    static final String WECOM_KEY = "693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa9f2c";
    static final String WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=" + WECOM_KEY;
    static final String DING_TOKEN = "c0ffee1234567890abcdef1234567890abcdef1234567890abcdef12345678d1a9";
    static final String DING = "https://oapi.dingtalk.com/robot/send?access_token=" + DING_TOKEN;
    static final String DING_SECRET = "SEC4a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f6071829304a5b6c7d8e9";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    ManagementService management;
    @Autowired
    Regions regions;
    @Autowired
    TestClock clock;

    Fixture f;
    Fixture f2;
    long campaign;
    long campaign2;
    Api office;

    @BeforeAll
    void campaigns() {
        clock.set(LocalDateTime.of(2027, 9, 6, 9, 0));
        f = new Fixture(identity);
        f2 = new Fixture(identity);
        Region county = regions.ensure("机器人县" + f.p, Region.Level.COUNTY, null);
        regions.addMember(regions.ensure(f.town, Region.Level.TOWN, county.id()), f.office);
        regions.addMember(regions.ensure(f2.town, Region.Level.TOWN, county.id()), f2.office);
        campaign = start(f);
        campaign2 = start(f2);
        office = as(f.office);
    }

    @AfterAll
    void tearDown() {
        clock.reset();
    }

    @Test
    void theOfficeAddsTheCampaignsAndAUnitsRobotsAndSeesThemMasked(CapturedOutput output) {
        Reply wecom = office.post(path(campaign), Map.of("channel", "WECOM_ROBOT", "name", "创卫工作群", "webhook", WECOM));
        assertThat(wecom.status()).as(wecom.raw()).isEqualTo(201);
        assertThat(wecom.json().get("unitCode").isNull()).isTrue();
        assertThat(wecom.json().get("webhook").asText()).isEqualTo("https://qyapi.weixin.qq.com/…key=****9f2c");
        assertThat(wecom.json().get("secret").isNull()).isTrue();

        Reply ding = office.post(path(campaign), Map.of("unitCode", f.unit("dzb"), "channel", "DINGTALK_ROBOT",
                "name", "党政办群", "webhook", DING, "secret", DING_SECRET));
        assertThat(ding.status()).as(ding.raw()).isEqualTo(201);
        assertThat(ding.json().get("unitName").asText()).isEqualTo("党政办");
        assertThat(ding.json().get("webhook").asText()).isEqualTo("https://oapi.dingtalk.com/…access_token=****d1a9");
        assertThat(ding.json().get("secret").asText()).isEqualTo("****d8e9");
        // the same unit's WeCom robot beside its DingTalk one
        assertThat(office.post(path(campaign), Map.of("unitCode", f.unit("dzb"), "channel", "WECOM_ROBOT",
                "webhook", WECOM)).status()).isEqualTo(201);

        Reply list = office.get(path(campaign));
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(3);
        assertThat(list.json().get(0).get("unitCode").isNull()).as("the campaign's group first").isTrue();
        assertThat(list.raw()).doesNotContain(WECOM_KEY).doesNotContain(DING_TOKEN).doesNotContain(DING_SECRET);
        assertThat(stored(ding.json().get("id").asLong())).isEqualTo(DING + " " + DING_SECRET);

        // one robot per group and channel
        Reply twice = office.post(path(campaign), Map.of("channel", "WECOM_ROBOT", "webhook", WECOM));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("robot-exists");
        assertThat(output.getAll()).doesNotContain(WECOM_KEY).doesNotContain(DING_TOKEN).doesNotContain(DING_SECRET);
    }

    @Test
    void anEditKeepsTheWebhookAndSecretLeftBlankAndTheGroupAndChannelStay() {
        long id = office.post(path(campaign), Map.of("unitCode", f.unit("cgzx"), "channel", "DINGTALK_ROBOT",
                "webhook", DING, "secret", DING_SECRET)).json().get("id").asLong();
        Reply renamed = office.put(path(campaign) + "/" + id, Map.of("name", "城管群", "webhook", "", "secret", ""));
        assertThat(renamed.status()).as(renamed.raw()).isEqualTo(200);
        assertThat(renamed.json().get("name").asText()).isEqualTo("城管群");
        assertThat(stored(id)).isEqualTo(DING + " " + DING_SECRET);

        String newHook = "https://oapi.dingtalk.com/robot/send?access_token=ffff0000ffff0000ffff0000ffff0000beef";
        Reply rekeyed = office.put(path(campaign) + "/" + id, Map.of("webhook", newHook, "secret", "SECnew0123456789abcd"));
        assertThat(rekeyed.status()).isEqualTo(200);
        assertThat(rekeyed.json().get("webhook").asText()).endsWith("access_token=****beef");
        assertThat(rekeyed.json().get("name").isNull()).as("a name left out is cleared").isTrue();
        assertThat(stored(id)).isEqualTo(newHook + " SECnew0123456789abcd");

        Reply moved = office.put(path(campaign) + "/" + id, Map.of("channel", "WECOM_ROBOT"));
        assertThat(moved.status()).isEqualTo(400);
        assertThat(moved.json().get("code").asText()).isEqualTo("robot-fixed");
        assertThat(office.put(path(campaign) + "/" + id, Map.of("unitCode", f.unit("dzb"))).json().get("field").asText())
                .isEqualTo("unitCode");
        assertThat(stored(id)).isEqualTo(newHook + " SECnew0123456789abcd");
        // another campaign's path does not reach it
        assertThat(as(f2.office).put(path(campaign2) + "/" + id, Map.of("name", "x")).status()).isEqualTo(404);
        assertThat(as(f2.office).delete(path(campaign2) + "/" + id).status()).isEqualTo(404);

        assertThat(office.delete(path(campaign) + "/" + id).status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from group_robot where id = :id").param("id", id).query(Long.class).single())
                .isZero();
        assertThat(office.delete(path(campaign) + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void aWebhookElsewhereThanTheProvidersIsRefusedAndNothingIsWritten() {
        long before = count();
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "http://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"),
                "robot-webhook-https", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc"),
                "robot-webhook-https", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "https://10.0.0.1/cgi-bin/webhook/send?key=abc"),
                "robot-webhook-host", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "https://localhost:8080/actuator"), "robot-webhook-host",
                "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "https://qyapi.weixin.qq.com.evil.example/send?key=abc"),
                "robot-webhook-host", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "https://qyapi.weixin.qq.com:8443/send?key=abc"),
                "robot-webhook-host", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "https://qyapi.weixin.qq.com@evil.example/send?key=abc"),
                "robot-invalid-webhook", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "https://qyapi.weixin.qq.com/ send?key=abc"),
                "robot-invalid-webhook", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "file:///etc/passwd"), "robot-webhook-https", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", "https://qyapi.weixin.qq.com/" + "k".repeat(500)),
                "too-long", "webhook");
        refused(Map.of("channel", "WECOM_ROBOT"), "required", "webhook");
        refused(Map.of("channel", "SMS", "webhook", WECOM), "invalid-choice", "channel");
        refused(Map.of("webhook", WECOM), "required", "channel");
        refused(Map.of("channel", "WECOM_ROBOT", "webhook", WECOM, "secret", "SECabc"), "robot-secret-dingtalk-only",
                "secret");
        refused(Map.of("channel", "DINGTALK_ROBOT", "webhook", DING, "secret", "SEC abc"), "invalid-value", "secret");
        refused(Map.of("channel", "DINGTALK_ROBOT", "webhook", DING, "unitCode", f2.unit("dzb")), "robot-unknown-unit",
                "unitCode");
        refused(Map.of("channel", "DINGTALK_ROBOT", "webhook", DING, "name", "群".repeat(101)), "too-long", "name");
        assertThat(office.post(path(campaign), "{").status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    @Test
    void onlyTheCampaignsOfficeSetsItsRobots() {
        long id = office.post(path(campaign), Map.of("unitCode", f.unit("wsy"), "channel", "DINGTALK_ROBOT",
                "webhook", DING)).json().get("id").asLong();
        long before = count();
        Map<String, Object> body = new HashMap<>(Map.of("unitCode", f.unit("cgzx"), "channel", "WECOM_ROBOT",
                "webhook", WECOM));
        for (String who : List.of(f2.office, f.head("dzb"), f.leader, f.supervisors.get(0), f.outsider)) {
            Api a = as(who);
            assertThat(a.get(path(campaign)).status()).as(who).isEqualTo(403);
            assertThat(a.post(path(campaign), body).status()).as(who).isEqualTo(403);
            assertThat(a.put(path(campaign) + "/" + id, Map.of("webhook", WECOM)).status()).as(who).isEqualTo(403);
            assertThat(a.delete(path(campaign) + "/" + id).status()).as(who).isEqualTo(403);
        }
        assertThat(new Api(port, null, null).get(path(campaign)).status()).isEqualTo(401);
        assertThat(office.get(path(999_999_999L)).status()).isEqualTo(404);
        assertThat(count()).isEqualTo(before);
        assertThat(stored(id)).isEqualTo(DING + " null");
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private void refused(Map<String, Object> body, String code, String field) {
        Reply r = office.post(path(campaign), body);
        assertThat(r.status()).as(r.raw()).isEqualTo(400);
        assertThat(r.json().get("code").asText()).as(r.raw()).isEqualTo(code);
        assertThat(r.json().get("field").asText()).as(r.raw()).isEqualTo(field);
        assertThat(r.json().get("message").asText()).as(r.raw()).contains(field).doesNotStartWith("error.");
        assertThat(r.json().get("messageEn").asText()).as(r.raw()).contains(field).doesNotStartWith("error.");
        assertThat(r.raw()).as("a refusal does not repeat the key").doesNotContain("key=abc");
    }

    private long start(Fixture fx) {
        return ApiCampaign.start(port, management, fx, fx.small(LocalDate.of(2027, 9, 6), List.of(
                new TaskRequest("MOBILIZATION", "召开动员大会", null, fx.unit("dzb"), null, "2027-09-10", false, null)),
                false)).id();
    }

    private String stored(long id) {
        return jdbc.sql("select webhook, secret from group_robot where id = :id").param("id", id)
                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2)).single();
    }

    private long count() {
        return jdbc.sql("select count(*) from group_robot").query(Long.class).single();
    }

    private static String path(long campaignId) {
        return "/api/campaigns/" + campaignId + "/robots";
    }

    private Api as(String user) {
        return new Api(port, user, Fixture.PASSWORD);
    }
}
