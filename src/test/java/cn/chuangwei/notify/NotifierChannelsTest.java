package cn.chuangwei.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignSetupService;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.support.Fixture;
import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.github.tomakehurst.wiremock.WireMockServer;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * Who gets what, where: the routing table's decisions carried out on real channels (WeCom and the Aliyun SMS gateway
 * on a local server). A routine notice takes the person's first channel set up here; a 通报 takes every channel and the
 * unit's group robot; an SMS below 约谈 waits out the night, a 约谈 does not; a channel that parks falls back to mail.
 */
@H2Test
class NotifierChannelsTest {

    static final String SMS_OK = "{\"Code\":\"OK\",\"Message\":\"OK\",\"BizId\":\"900619746936498440^0\",\"RequestId\":\"F655A8D5\"}";

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    IdentityService identity;
    @Autowired
    CampaignSetupService setup;
    @Autowired
    TestClock clock;

    WireMockServer server;
    Notifier notifier;
    OutboxSender node;
    Fixture f;
    long campaign;
    String person;
    String unit;

    @BeforeEach
    void setUp() {
        clock.set(LocalDateTime.of(2027, 3, 2, 10, 0));
        server = new WireMockServer(options().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"tok-1\",\"expires_in\":7200}")));
        wecomAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"msgid\":\"m1\"}");
        server.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200).withBody(SMS_OK)));
        server.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send"))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

        RestClient.Builder builder = RestClient.builder();
        WeComSettings wecom = new WeComSettings(server.baseUrl(), "ww-corp", "corp-secret-7f", "1000002",
                Duration.ofSeconds(5), Duration.ofSeconds(10));
        SmsSettings sms = new SmsSettings("aliyun", Duration.ofSeconds(5), Duration.ofSeconds(10),
                new SmsSettings.Aliyun(server.baseUrl(), "LTAI-test", "sms-secret-3c", "青山镇创卫办", "cn-hangzhou", 35),
                Map.of("TASK_ASSIGNED", new SmsSettings.Template("SMS_000000001", Map.of("task", "taskTitle")),
                        "ESCALATION", new SmsSettings.Template("SMS_000000003",
                                Map.of("task", "taskTitle", "level", "levelName"))));
        List<ChannelSender> senders = List.of(new WeComSender(wecom, builder, clock),
                new WeComRobotSender(context.getBean(GroupRobots.class), builder, wecom),
                new SmsSender(List.of(new AliyunSms(sms, builder, clock)), sms));
        notifier = new Notifier(context.getBean(MailOutbox.class), context.getBean(MailTemplates.class),
                context.getBean(Recipients.class), context.getBean(PersonReach.class), context.getBean(GroupRobots.class),
                context.getBean(NoticeRoutes.class), context.getBean(QuietHours.class), context.getBean(Digests.class),
                context.getBean(CampaignRepository.class), context.getBean(NotifySettings.class), senders,
                context.getBean(Texts.class), context.getBean(Clock.class));
        node = OutboxNodes.node(context, senders.toArray(ChannelSender[]::new));

        f = new Fixture(identity);
        campaign = setup.create(f.small(LocalDate.of(2027, 3, 1), List.of(), true), f.office);
        person = f.head("cgzx");
        unit = f.unit("cgzx");
        channels(person, "WECOM", "zhang-" + f.p, "SMS", "13800138000", "MAIL", null);
        jdbc.sql("""
                insert into group_robot (campaign_id, unit_code, channel, name, webhook, updated_by, updated_at)
                values (:c, :u, 'WECOM_ROBOT', '城管环卫中心工作群', :w, :by, :t)""")
                .param("c", campaign).param("u", unit).param("w", server.baseUrl() + "/cgi-bin/webhook/send?key=robot-key-91")
                .param("by", f.office).param("t", Timestamp.valueOf(LocalDateTime.of(2027, 3, 1, 9, 0))).update();
    }

    @AfterEach
    void tearDown() {
        server.stop();
        clock.reset();
    }

    void channels(String user, String... channelAndAddress) {
        for (int i = 0; i < channelAndAddress.length; i += 2) {
            jdbc.sql("insert into person_channel (user_id, channel, address, position) values (:u, :c, :a, :p)")
                    .param("u", user).param("c", channelAndAddress[i]).param("a", channelAndAddress[i + 1])
                    .param("p", i / 2 + 1).update();
        }
    }

    void wecomAnswers(String json) {
        server.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson(json)));
    }

    void tell(String what, NoticeKind kind, String template) {
        notifier.send(new Notifier.Notice("test:" + what + ":" + f.p, kind, campaign, unit, template, locale -> {
            Map<String, String> v = new HashMap<>(Map.of("campaignName", "青山镇创建省级卫生乡镇", "unitName", "城管环卫中心",
                    "taskTitle", "清理卫生死角" + what, "deadline", "2027-03-12", "levelName", "通报",
                    "link", "https://chuangwei.example.org/work"));
            return v;
        }), List.of(person));
    }

    /** The outbox's rows of this test's event: channel → status and when it is due. */
    Map<String, Map<String, Object>> rows(String what) {
        Map<String, Map<String, Object>> byChannel = new HashMap<>();
        jdbc.sql("select channel, status, next_attempt_at, recipient_address from mail_outbox where event_key = :e")
                .param("e", "test:" + what + ":" + f.p).query().listOfRows()
                .forEach(r -> byChannel.put((String) r.get("channel"), r));
        return byChannel;
    }

    LocalDateTime due(Map<String, Object> row) {
        return ((Timestamp) row.get("next_attempt_at")).toInstant().atZone(QuietHours.BEIJING).toLocalDateTime();
    }

    long wecomRequests(String text) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))).stream()
                .filter(r -> r.getBodyAsString().contains(text)).count();
    }

    long smsRequests(String text) {
        return server.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .filter(r -> java.net.URLDecoder.decode(r.getBodyAsString(), java.nio.charset.StandardCharsets.UTF_8)
                        .contains(text)).count();
    }

    @Test
    void anAssignmentTakesThePersonsFirstChannelOnly() {
        tell("assigned", NoticeKind.ASSIGNMENT, "TASK_ASSIGNED");
        assertThat(rows("assigned")).containsOnlyKeys("WECOM");
        node.sendDue();
        assertThat(rows("assigned").get("WECOM").get("status")).isEqualTo("SENT");
        assertThat(wecomRequests("清理卫生死角assigned")).isEqualTo(1);
        assertThat(wecomRequests("\"touser\":\"zhang-" + f.p + "\"")).isEqualTo(1);
    }

    @Test
    void aCircularTakesEveryChannelAndTheUnitsGroup() {
        tell("circular", NoticeKind.CIRCULAR, "ESCALATION");
        assertThat(rows("circular")).containsOnlyKeys("WECOM", "SMS", "MAIL", "WECOM_ROBOT");
        node.sendDue();
        assertThat(rows("circular").get("WECOM").get("status")).isEqualTo("SENT");
        assertThat(rows("circular").get("SMS").get("status")).isEqualTo("SENT");
        assertThat(rows("circular").get("WECOM_ROBOT").get("status")).isEqualTo("SENT");
        assertThat(smsRequests("清理卫生死角circular")).isEqualTo(1);
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send"))).stream()
                .filter(r -> r.getBodyAsString().contains("清理卫生死角circular")).count()).isEqualTo(1);
        tell("circular", NoticeKind.CIRCULAR, "ESCALATION");
        assertThat(rows("circular")).as("told once").hasSize(4);
    }

    @Test
    void quietHoursHoldAnSmsUntilMorningExceptAnInterview() {
        clock.set(LocalDateTime.of(2027, 3, 2, 23, 0));
        tell("night-circular", NoticeKind.CIRCULAR, "ESCALATION");
        tell("night-interview", NoticeKind.INTERVIEW, "ESCALATION");
        assertThat(due(rows("night-circular").get("SMS"))).isEqualTo(LocalDateTime.of(2027, 3, 3, 7, 30));
        assertThat(due(rows("night-circular").get("WECOM"))).as("other channels go at night")
                .isEqualTo(LocalDateTime.of(2027, 3, 2, 23, 0));
        assertThat(due(rows("night-interview").get("SMS"))).isEqualTo(LocalDateTime.of(2027, 3, 2, 23, 0));

        node.sendDue();
        assertThat(smsRequests("清理卫生死角night-interview")).isEqualTo(1);
        assertThat(smsRequests("清理卫生死角night-circular")).isZero();
        assertThat(rows("night-circular").get("WECOM").get("status")).isEqualTo("SENT");
        clock.set(LocalDateTime.of(2027, 3, 3, 7, 29));
        node.sendDue();
        assertThat(smsRequests("清理卫生死角night-circular")).isZero();
        clock.set(LocalDateTime.of(2027, 3, 3, 7, 30));
        node.sendDue();
        assertThat(smsRequests("清理卫生死角night-circular")).isEqualTo(1);

        // a person's own quiet hours hold their SMS instead of the installation's
        jdbc.sql("insert into person_reach (user_id, immediate, quiet_start, quiet_end) values (:u, true, '12:00', '14:00')")
                .param("u", person).update();
        clock.set(LocalDateTime.of(2027, 3, 3, 12, 30));
        tell("siesta", NoticeKind.CIRCULAR, "ESCALATION");
        assertThat(due(rows("siesta").get("SMS"))).isEqualTo(LocalDateTime.of(2027, 3, 3, 14, 0));
    }

    @Test
    void aLongDigestOnWeComKeepsItsCountAndLinkAndLosesWholeLines() throws Exception {
        jdbc.sql("insert into person_reach (user_id, immediate) values (:u, false)").param("u", person).update();
        for (int i = 0; i < 40; i++) {
            tell("digest-" + i + "-建成区主次干道及背街小巷路面无积存垃圾、无暴露垃圾、无卫生死角", NoticeKind.REMINDER,
                    "REMINDER");
        }
        assertThat(rows("digest-0-建成区主次干道及背街小巷路面无积存垃圾、无暴露垃圾、无卫生死角")).isEmpty();
        clock.set(LocalDateTime.of(2027, 3, 3, 8, 30));
        DigestSender digests = new DigestSender(context.getBean(Digests.class), notifier,
                context.getBean(NoticeRoutes.class), context.getBean(MailSettings.class));
        assertThat(digests.sendDue()).isGreaterThanOrEqualTo(1);
        node.sendDue();
        List<String> sent = server.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))).stream()
                .map(r -> r.getBodyAsString()).filter(b -> b.contains("zhang-" + f.p)).toList();
        assertThat(sent).hasSize(1);
        String content = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sent.get(0)).path("text")
                .path("content").asText();
        assertThat(content.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isLessThanOrEqualTo(2048);
        // the count and the way in come first; whole lines are left out at the end, and the cut is marked
        assertThat(content).contains("40 项").contains("https://chuangwei.example.org/work").contains("\n1. 【到期提醒】")
                .doesNotContain("40. 【到期提醒】").endsWith("\n…");
    }

    @Test
    void aChannelNotSetUpHereIsPassedOverForTheNext() {
        String other = f.head("wsy");
        channels(other, "DINGTALK", "ding-" + f.p, "SMS", "13900139000");
        notifier.send(new Notifier.Notice("test:passed-over:" + f.p, NoticeKind.ASSIGNMENT, campaign, unit,
                "TASK_ASSIGNED", locale -> new HashMap<>(Map.of("taskTitle", "清运垃圾", "link", "x"))), List.of(other));
        assertThat(rows("passed-over")).containsOnlyKeys("SMS");
    }

    @Test
    void aParkedMessageFallsBackToMail() {
        wecomAnswers("{\"errcode\":81013,\"errmsg\":\"user & party & tag all invalid\"}");
        tell("fallback", NoticeKind.ASSIGNMENT, "TASK_ASSIGNED");
        node.sendDue();
        Map<String, Map<String, Object>> rows = rows("fallback");
        assertThat(rows.get("WECOM").get("status")).isEqualTo("FAILED");
        assertThat(rows).containsKey("MAIL");
        assertThat(rows.get("MAIL").get("recipient_address")).isEqualTo(person + "@test.example");
        assertThat(jdbc.sql("select last_error from mail_outbox where event_key = :e and channel = 'WECOM'")
                .param("e", "test:fallback:" + f.p).query(String.class).single()).contains("81013");
    }
}
