package cn.chuangwei.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.chuangwei.support.H2Test;
import cn.chuangwei.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.client.RestClient;

/**
 * WeCom's application messages and group robots against a local server that speaks WeCom's protocol (WireMock): the
 * requests' shape, the access token fetched once and renewed on expiry or refusal, every error code of the table mapped
 * to retry or park, transport failures, the byte limits, and no secret in a reason or a log line.
 */
@H2Test
@ExtendWith(OutputCaptureExtension.class)
class WeComTest {

    static final String CORP = "ww5a1c0e9b7d3f2a41";
    static final String SECRET = "S3cr3t-corp-9d81b2e7f0aa";
    static final String TOKEN_1 = "tok1-a7f3c9e1d5b24680";
    static final String TOKEN_2 = "tok2-b8e4d0f2c6a35791";
    static final String KEY = "693a91f6-7e1c-4bc4-97a0-0ec2f1e5a0d3";
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    GroupRobots robots;
    @Autowired
    TestClock clock;
    @Autowired
    RestClient.Builder builder;
    @Autowired
    WeComSender installed;
    @Autowired
    MailOutbox outbox;
    @Autowired
    ApplicationContext context;

    WireMockServer wecom;
    WeComSender sender;
    WeComRobotSender robotSender;
    LocalDateTime now = LocalDateTime.of(2027, 3, 2, 9, 0);

    WeComSettings settings;

    @BeforeEach
    void setUp() {
        clock.set(now);
        wecom = new WireMockServer(options().dynamicPort());
        wecom.start();
        // generous: a cold JVM on a busy machine takes its time over the first call (the timeout has its own test)
        settings = new WeComSettings(wecom.baseUrl(), CORP, SECRET, "1000002", Duration.ofSeconds(5),
                Duration.ofSeconds(10));
        sender = new WeComSender(settings, builder, clock);
        robotSender = new WeComRobotSender(robots, builder, settings);
    }

    /** A node's outbox sender whose WeCom channel (its own, with its own token) speaks to the test's server. */
    OutboxSender node() {
        return OutboxNodes.node(context, new WeComSender(settings, builder, clock));
    }

    @AfterEach
    void tearDown() {
        wecom.stop();
        clock.reset();
    }

    void later(Duration d) {
        now = now.plus(d);
        clock.set(now);
    }

    static OutboxMessage message(Channel channel, String address, String subject, String body) {
        return new OutboxMessage(1, "test:wecom:" + address, channel, address, "zh-CN", subject, body, "REMINDER",
                Map.of("taskTitle", subject), "REMINDER", 0);
    }

    static OutboxMessage toPerson(String userid) {
        return message(Channel.WECOM, userid, "【到期提醒】召开动员大会（2027-03-05到期）",
                "您的待办事项“召开动员大会”将于2027-03-05到期。");
    }

    /** gettoken answers these tokens one after the other (the last one again thereafter), each for 7200 s. */
    void tokens(String... values) {
        for (int i = 0; i < values.length; i++) {
            String state = i == 0 ? Scenario.STARTED : "fetched-" + i;
            wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).inScenario("tokens").whenScenarioStateIs(state)
                    .willSetStateTo(i + 1 < values.length ? "fetched-" + (i + 1) : state)
                    .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + values[i]
                            + "\",\"expires_in\":7200}")));
        }
    }

    /** message/send with this token answers this. */
    void answer(String token, String json) {
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).withQueryParam("access_token", equalTo(token))
                .willReturn(okJson(json)));
    }

    static String ok() {
        return "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"\",\"invalidparty\":\"\",\"invalidtag\":\"\","
                + "\"unlicenseduser\":\"\",\"msgid\":\"msg-1\"}";
    }

    static String error(int code) {
        return "{\"errcode\":" + code + ",\"errmsg\":\"words of WeCom for " + code
                + ", more info at https://open.work.weixin.qq.com/devtool/query?e=" + code + "\"}";
    }

    int tokenRequests() {
        return wecom.findAll(getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken"))).size();
    }

    List<JsonNode> sent() {
        return wecom.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))).stream().map(r -> {
            try {
                return JSON.readTree(r.getBodyAsString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    DeliveryFailure failure(ChannelSender s, OutboxMessage m) {
        DeliveryFailure f = catchThrowableOfType(DeliveryFailure.class, () -> s.send(m));
        assertThat(f).as("a failure for %s", m.address()).isNotNull();
        assertThat(f.getMessage()).doesNotContain(SECRET, TOKEN_1, TOKEN_2, KEY);
        return f;
    }

    @Test
    void theInstallationWithoutCorpIdSecretAndAgentIdIsNotReadyAndItsSettingsPrintNoSecret() {
        assertThat(installed.ready()).as("the tests' installation sets no WeCom application").isFalse();
        assertThat(new WeComSettings("https://qyapi.weixin.qq.com", CORP, SECRET, "", Duration.ofSeconds(1),
                Duration.ofSeconds(1)).ready()).as("no AgentId").isFalse();
        WeComSettings set = new WeComSettings("https://qyapi.weixin.qq.com", CORP, SECRET, "1000002",
                Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(set.ready()).isTrue();
        assertThat(set.toString()).contains(CORP).doesNotContain(SECRET);
        assertThat(sender.channel()).isEqualTo(Channel.WECOM);
        assertThat(robotSender.channel()).isEqualTo(Channel.WECOM_ROBOT);
        assertThat(robotSender.ready()).isTrue();
    }

    @Test
    void aTextMessageToThePersonsUseridWithOneTokenForSeveralMessages() throws Exception {
        tokens(TOKEN_1);
        answer(TOKEN_1, ok());
        sender.send(toPerson("zhangsan"));
        later(Duration.ofMinutes(30));
        sender.send(toPerson("lisi"));
        later(Duration.ofMinutes(60));
        sender.send(toPerson("wangwu"));

        assertThat(tokenRequests()).as("one token for all three").isEqualTo(1);
        assertThat(sender.tokensFetched()).isEqualTo(1);
        wecom.verify(getRequestedFor(urlPathEqualTo("/cgi-bin/gettoken"))
                .withQueryParam("corpid", equalTo(CORP)).withQueryParam("corpsecret", equalTo(SECRET)));
        wecom.verify(3, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withQueryParam("access_token", equalTo(TOKEN_1)));
        wecom.verify(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send")).withRequestBody(equalToJson("""
                {"touser": "zhangsan", "msgtype": "text", "agentid": 1000002,
                 "text": {"content": "【到期提醒】召开动员大会（2027-03-05到期）\\n\\n您的待办事项“召开动员大会”将于2027-03-05到期。"},
                 "enable_duplicate_check": 1, "duplicate_check_interval": 1800}""")));
        assertThat(sent()).extracting(j -> j.get("touser").asText()).containsExactly("zhangsan", "lisi", "wangwu");
        assertThat(sent().get(0).get("agentid").isIntegralNumber()).as("agentid is a number").isTrue();
    }

    @Test
    void theTokenIsRenewedBeforeItExpires() throws Exception {
        tokens(TOKEN_1, TOKEN_2);
        answer(TOKEN_1, ok());
        answer(TOKEN_2, ok());
        sender.send(toPerson("zhangsan"));
        later(Duration.ofSeconds(7200).minus(AccessTokens.MARGIN).minusSeconds(1));
        sender.send(toPerson("zhangsan"));
        assertThat(tokenRequests()).as("still the first token").isEqualTo(1);
        later(Duration.ofSeconds(2));
        sender.send(toPerson("zhangsan"));
        assertThat(tokenRequests()).as("renewed shortly before WeCom's expires_in").isEqualTo(2);
        wecom.verify(2, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withQueryParam("access_token", equalTo(TOKEN_1)));
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withQueryParam("access_token", equalTo(TOKEN_2)));
    }

    @Test
    void aTokenWeComCallsExpiredIsDroppedFetchedAgainAndTheMessageSentWithinTheSameSend() throws Exception {
        tokens(TOKEN_1, TOKEN_2);
        answer(TOKEN_1, error(42001));
        answer(TOKEN_2, ok());
        sender.send(toPerson("zhangsan"));
        assertThat(tokenRequests()).isEqualTo(2);
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withQueryParam("access_token", equalTo(TOKEN_1)));
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withQueryParam("access_token", equalTo(TOKEN_2)));
        sender.send(toPerson("lisi"));
        assertThat(tokenRequests()).as("the new token is kept").isEqualTo(2);
    }

    static Stream<Arguments> table() {
        return WeComCodes.TABLE.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Arguments.of(e.getKey(), e.getValue().action(), e.getValue().words()));
    }

    @ParameterizedTest(name = "WeCom {0} {2}: {1}")
    @MethodSource("table")
    void everyCodeOfTheTableRetriesOrParksInWeComsWords(int code, WeComCodes.Action action, String words) {
        tokens(TOKEN_1, TOKEN_2);
        answer(TOKEN_1, error(code));
        answer(TOKEN_2, error(code));
        DeliveryFailure f = failure(sender, toPerson("zhangsan"));
        assertThat(f.permanent()).as(f.getMessage()).isEqualTo(action == WeComCodes.Action.PARK);
        assertThat(f.getMessage()).startsWith("WeCom " + code + " " + words + " (message to zhangsan)")
                .contains("words of WeCom for " + code);
        assertThat(tokenRequests()).as("a new token only on a token code")
                .isEqualTo(action == WeComCodes.Action.RENEW_TOKEN ? 2 : 1);
        assertThat(sent()).as("sent once more only with a new token")
                .hasSize(action == WeComCodes.Action.RENEW_TOKEN ? 2 : 1);
    }

    @Test
    void theTableHoldsTheCodesTheProtocolNames() {
        Map<Integer, WeComCodes.Action> expected = Map.ofEntries(Map.entry(-1, WeComCodes.Action.RETRY),
                Map.entry(45009, WeComCodes.Action.RETRY), Map.entry(45033, WeComCodes.Action.RETRY),
                Map.entry(40014, WeComCodes.Action.RENEW_TOKEN), Map.entry(42001, WeComCodes.Action.RENEW_TOKEN),
                Map.entry(40001, WeComCodes.Action.RENEW_TOKEN), Map.entry(40003, WeComCodes.Action.PARK),
                Map.entry(81013, WeComCodes.Action.PARK), Map.entry(60111, WeComCodes.Action.PARK),
                Map.entry(60020, WeComCodes.Action.PARK), Map.entry(40056, WeComCodes.Action.PARK),
                Map.entry(301002, WeComCodes.Action.PARK), Map.entry(40013, WeComCodes.Action.PARK),
                Map.entry(48002, WeComCodes.Action.PARK), Map.entry(93000, WeComCodes.Action.PARK));
        expected.forEach((code, action) -> assertThat(WeComCodes.action(code)).as("WeCom %d", code).isEqualTo(action));
    }

    @Test
    void anUnknownCodeParksWithTheCode() {
        tokens(TOKEN_1);
        answer(TOKEN_1, error(987654));
        DeliveryFailure f = failure(sender, toPerson("zhangsan"));
        assertThat(f.permanent()).as(f.getMessage()).isTrue();
        assertThat(f.getMessage()).startsWith("WeCom 987654 (message to zhangsan): words of WeCom for 987654");
    }

    @Test
    void anAcceptedMessageWithTheUserAsInvalidParks() {
        tokens(TOKEN_1);
        answer(TOKEN_1, "{\"errcode\":0,\"errmsg\":\"ok\",\"invaliduser\":\"ghost\",\"msgid\":\"m\"}");
        DeliveryFailure f = failure(sender, toPerson("ghost"));
        assertThat(f.permanent()).isTrue();
        assertThat(f.getMessage()).contains("ghost").contains("invaliduser");
    }

    @Test
    void theApplicationsCredentialsRefusedParkAndWeComBusyAtGettokenRetries() {
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).willReturn(okJson(error(40001))));
        DeliveryFailure refused = failure(sender, toPerson("zhangsan"));
        assertThat(refused.permanent()).isTrue();
        assertThat(refused.getMessage()).startsWith("WeCom 40001 不合法的secret参数 (access token)");
        assertThat(sent()).isEmpty();

        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).willReturn(okJson(error(60020))));
        assertThat(failure(sender, toPerson("zhangsan")).getMessage()).startsWith("WeCom 60020 访问ip不在白名单之中");

        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).willReturn(okJson(error(-1))));
        assertThat(failure(sender, toPerson("zhangsan")).permanent()).isFalse();
        wecom.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).willReturn(aResponse().withStatus(502)));
        assertThat(failure(sender, toPerson("zhangsan")).permanent()).isFalse();
    }

    @Test
    void http5xxTimeoutsAndAServerDownAreTriedAgainLaterAnotherHttpErrorParks(CapturedOutput output) {
        tokens(TOKEN_1);
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(aResponse().withStatus(503)));
        DeliveryFailure busy = failure(sender, toPerson("zhangsan"));
        assertThat(busy.permanent()).isFalse();
        assertThat(busy.getMessage()).isEqualTo("WeCom HTTP 503 (message to zhangsan)");

        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(aResponse().withStatus(404)));
        assertThat(failure(sender, toPerson("zhangsan")).permanent()).isTrue();

        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson(ok()).withFixedDelay(2500)));
        WeComSender impatient = new WeComSender(new WeComSettings(wecom.baseUrl(), CORP, SECRET, "1000002",
                Duration.ofSeconds(5), Duration.ofMillis(500)), builder, clock);
        DeliveryFailure slow = failure(impatient, toPerson("zhangsan"));
        assertThat(slow.permanent()).isFalse();
        assertThat(slow.getMessage()).startsWith("WeCom not reachable (").contains("HttpTimeoutException");

        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "text/html").withBody("<html>gateway</html>")));
        assertThat(failure(sender, toPerson("zhangsan")).permanent()).isFalse();

        wecom.stop();
        DeliveryFailure down = failure(sender, toPerson("zhangsan"));
        assertThat(down.permanent()).isFalse();
        assertThat(down.getMessage()).startsWith("WeCom not reachable (message to zhangsan)");
        assertThat(output.getAll()).doesNotContain(SECRET, TOKEN_1, TOKEN_2);
    }

    @Test
    void theTextIsCutToWeComs2048BytesBetweenCharacters() throws Exception {
        tokens(TOKEN_1);
        answer(TOKEN_1, ok());
        String body = "清理卫生死角🧹".repeat(200);
        sender.send(message(Channel.WECOM, "zhangsan", "【到期提醒】清理", body));
        String content = sent().get(0).get("text").get("content").asText();
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        assertThat(bytes.length).isLessThanOrEqualTo(WeComSender.MAX_BYTES).isGreaterThan(WeComSender.MAX_BYTES - 8);
        assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo(content);
        assertThat(content).endsWith("…");
        assertThat(("【到期提醒】清理\n\n" + body)).startsWith(content.substring(0, content.length() - 1));

        String small = "短" + "x".repeat(2045);
        assertThat(Utf8.cut(small, 2048)).as("exactly 2048 bytes fit").isEqualTo(small);
        assertThat(Utf8.cut(small + "y", 2048).getBytes(StandardCharsets.UTF_8)).hasSize(2048);
        assertThat(Utf8.cut("🧹🧹", 6)).isEqualTo("…");
        assertThat(Utf8.cut("🧹🧹", 7)).isEqualTo("🧹…");

        // a digest of lines with links loses whole lines, never half a link
        String digest = "【每日汇总】3月2日\n\n" + "1. 清理卫生死角 https://chuangwei.example.org/work/tasks/4711\n".repeat(60);
        String cut = Utf8.cut(digest, WeComSender.MAX_BYTES);
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WeComSender.MAX_BYTES);
        assertThat(cut).endsWith("/work/tasks/4711\n…");
        assertThat(cut.split("\n")).hasSizeGreaterThan(20);
    }

    @Test
    void aWrongSettingStopsStartUpNamingTheKey() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Settings.class)
                .withPropertyValues("chuangwei.wecom.base-url=https://qyapi.weixin.qq.com",
                        "chuangwei.wecom.connect-timeout=5s", "chuangwei.wecom.read-timeout=10s");
        runner.withPropertyValues("chuangwei.wecom.agent-id=1000002")
                .run(c -> assertThat(c).hasNotFailed().getBean(WeComSettings.class).extracting(WeComSettings::ready)
                        .isEqualTo(false));
        runner.withPropertyValues("chuangwei.wecom.agent-id=应用1")
                .run(c -> assertThat(c).getFailure().rootCause().hasMessageContaining("chuangwei.wecom")
                        .hasMessageContaining("agentId"));
        runner.withPropertyValues("chuangwei.wecom.base-url=qyapi.weixin.qq.com")
                .run(c -> assertThat(c).getFailure().rootCause().hasMessageContaining("baseUrl"));
    }

    @EnableConfigurationProperties(WeComSettings.class)
    static class Settings {
    }

    long campaign() {
        return jdbc.sql("""
                insert into campaign (name, town, kind, level, standard_code, status, created_at)
                values ('企业微信测试', 'wecom-test', 'SANITARY_TOWN', 'PROVINCIAL', 'national-2021', 'DRAFT', :t)""")
                .param("t", Timestamp.valueOf(now)).update() == 1
                ? jdbc.sql("select max(id) from campaign where town = 'wecom-test'").query(Long.class).single() : 0;
    }

    long robot(long campaignId, Channel channel, String webhook) {
        jdbc.sql("""
                insert into group_robot (campaign_id, unit_code, channel, name, webhook, updated_by, updated_at)
                values (:c, null, :ch, '镇创卫工作群', :w, 'test', :t)""")
                .param("c", campaignId).param("ch", channel.name()).param("w", webhook)
                .param("t", Timestamp.valueOf(now)).update();
        return jdbc.sql("select max(id) from group_robot where campaign_id = :c").param("c", campaignId)
                .query(Long.class).single();
    }

    OutboxMessage toRobot(long id) {
        return message(Channel.WECOM_ROBOT, Long.toString(id), "【通报】第3期逾期通报",
                "党政办：召开动员大会 逾期2天\n城管环卫中心：清理卫生死角 逾期1天");
    }

    @Test
    void aGroupRobotGetsMarkdownAtItsWebhookAndItsKeyIsNeverInAReasonOrTheLog(CapturedOutput output)
            throws Exception {
        long c = campaign();
        long id = robot(c, Channel.WECOM_ROBOT, wecom.baseUrl() + "/cgi-bin/webhook/send?key=" + KEY);
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", equalTo(KEY))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
        robotSender.send(toRobot(id));
        wecom.verify(1, postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")).withQueryParam("key", equalTo(KEY))
                .withRequestBody(equalToJson("""
                        {"msgtype": "markdown", "markdown": {"content":
                         "**【通报】第3期逾期通报**\\n\\n党政办：召开动员大会 逾期2天\\n城管环卫中心：清理卫生死角 逾期1天"}}""")));

        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson(error(93000))));
        DeliveryFailure invalid = failure(robotSender, toRobot(id));
        assertThat(invalid.permanent()).isTrue();
        assertThat(invalid.getMessage()).startsWith("WeCom 93000 机器人webhookurl不合法或者机器人已经被移除出群 (robot "
                + id + " 镇创卫工作群)");
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson(error(45009))));
        assertThat(failure(robotSender, toRobot(id)).permanent()).as("20 messages a minute at most").isFalse();
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(aResponse().withStatus(500)));
        assertThat(failure(robotSender, toRobot(id)).permanent()).isFalse();
        wecom.stop();
        DeliveryFailure down = failure(robotSender, toRobot(id));
        assertThat(down.permanent()).isFalse();
        assertThat(down.getMessage()).startsWith("WeCom not reachable (robot " + id);

        long dingtalk = robot(c, Channel.DINGTALK_ROBOT, "https://oapi.dingtalk.com/robot/send?access_token=" + KEY);
        assertThat(failure(robotSender, toRobot(dingtalk)).permanent()).as("not a WeCom robot").isTrue();
        jdbc.sql("delete from group_robot where id = :id").param("id", id).update();
        DeliveryFailure removed = failure(robotSender, toRobot(id));
        assertThat(removed.permanent()).isTrue();
        assertThat(removed.getMessage()).isEqualTo("WeCom robot " + id + " was removed");
        assertThat(failure(robotSender, message(Channel.WECOM_ROBOT, "abc", "s", "b")).permanent()).isTrue();
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void aRobotsMarkdownIsCutTo4096Bytes() throws Exception {
        long id = robot(campaign(), Channel.WECOM_ROBOT, wecom.baseUrl() + "/cgi-bin/webhook/send?key=" + KEY);
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/webhook/send")).willReturn(okJson("{\"errcode\":0}")));
        robotSender.send(message(Channel.WECOM_ROBOT, Long.toString(id), "日报", "逾期事项一条。".repeat(400)));
        String content = JSON.readTree(wecom.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/webhook/send")))
                .get(0).getBodyAsString()).get("markdown").get("content").asText();
        assertThat(content.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(WeComRobotSender.MAX_BYTES)
                .isGreaterThan(WeComRobotSender.MAX_BYTES - 6);
        assertThat(content).startsWith("**日报**\n\n逾期事项一条。").endsWith("…");
    }

    /** The WeCom message's row in the outbox: status, attempts, when it is tried next, its reason. */
    Map<String, Object> row(String key) {
        return jdbc.sql("select status, attempts, next_attempt_at, last_error, sent_at from mail_outbox"
                + " where idempotency_key = :k").param("k", key).query().singleRow();
    }

    int sentTo(WireMockServer server, String userid) {
        return server.findAll(postRequestedFor(urlPathEqualTo("/cgi-bin/message/send"))
                .withRequestBody(equalToJson("{\"touser\": \"" + userid + "\"}", true, true))).size();
    }

    @Test
    void throughTheOutboxAWeComOutageLosesNothingAndDoublesNothingOnTwoNodes(CapturedOutput output) {
        String user = "wecom-outage-" + System.nanoTime();
        String userid = "zs" + System.nanoTime();
        String event = "test:wecom-outage:" + user;
        String key = event + ":" + user + ":WECOM";
        assertThat(outbox.put(new MailOutbox.Row(key, event, Channel.WECOM, user, userid, "zh-CN",
                new MailTemplates.Rendered("【到期提醒】召开动员大会", "您的待办事项“召开动员大会”将于2027-03-05到期。"),
                "REMINDER", Map.of("taskTitle", "召开动员大会"), NoticeKind.REMINDER, null, null, null, null))).isTrue();
        OutboxSender a = node();
        OutboxSender b = node();

        // WeCom answers 503: the message waits with a delay, nothing is lost
        tokens(TOKEN_1);
        wecom.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(aResponse().withStatus(503)));
        a.sendDue();
        assertThat(row(key)).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1)
                .containsEntry("LAST_ERROR", "WeCom HTTP 503 (message to " + userid + ")");
        assertThat(((Timestamp) row(key).get("NEXT_ATTEMPT_AT")).toInstant()).isAfter(clock.instant());
        b.sendDue();
        assertThat(sentTo(wecom, userid)).as("not tried again before its delay").isEqualTo(1);

        // WeCom unreachable
        int port = wecom.port();
        wecom.stop();
        later(Duration.ofMinutes(2));
        b.sendDue();
        assertThat(row(key)).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 2);
        // node b has no token yet: it is its gettoken that finds WeCom down
        assertThat((String) row(key).get("LAST_ERROR")).startsWith("WeCom not reachable (access token)")
                .doesNotContain(SECRET, TOKEN_1);

        // WeCom back: both nodes look, the message arrives once and is recorded SENT
        WireMockServer back = new WireMockServer(options().port(port));
        back.start();
        try {
            back.stubFor(get(urlPathEqualTo("/cgi-bin/gettoken")).willReturn(okJson(
                    "{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"" + TOKEN_1 + "\",\"expires_in\":7200}")));
            back.stubFor(post(urlPathEqualTo("/cgi-bin/message/send")).willReturn(okJson(ok())));
            later(Duration.ofMinutes(3));
            a.sendDue();
            b.sendDue();
            later(Duration.ofHours(2));
            a.sendDue();
            b.sendDue();
            assertThat(row(key)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 3);
            assertThat(sentTo(back, userid)).as("accepted exactly once").isEqualTo(1);
            assertThat(output.getAll()).as("the outbox's log lines").contains(userid).doesNotContain(SECRET, TOKEN_1);
        } finally {
            back.stop();
        }
    }

    @Test
    void aNodeThatStopsBetweenWeComAndTheRecordNeverSendsItAgain() throws Exception {
        String user = "wecom-crash-" + System.nanoTime();
        String userid = "ls" + System.nanoTime();
        String event = "test:wecom-crash:" + user;
        String key = event + ":" + user + ":WECOM";
        outbox.put(new MailOutbox.Row(key, event, Channel.WECOM, user, userid, "zh-CN",
                new MailTemplates.Rendered("【黄色预警】清理卫生死角", "已逾期。"), "YELLOW", Map.of(), NoticeKind.YELLOW,
                null, null, null, null));
        tokens(TOKEN_1);
        answer(TOKEN_1, ok());
        OutboxSender a = node();
        OutboxSender.Mail claimed = a.due(10_000).stream().filter(m -> m.key().equals(key)).findFirst().orElseThrow();
        assertThat(a.claim(claimed.id())).isTrue();
        assertThat(node().claim(claimed.id())).as("another node cannot take it").isFalse();
        sender.send(claimed.message());  // WeCom took it; the node stops before it records SENT
        assertThat(sentTo(wecom, userid)).isEqualTo(1);

        later(Duration.ofMinutes(1));
        node().sendDue();
        assertThat(row(key)).containsEntry("STATUS", "SENDING");
        later(Duration.ofMinutes(10));
        node().sendDue();
        node().sendDue();
        assertThat(row(key)).containsEntry("STATUS", "UNCONFIRMED");
        assertThat(sentTo(wecom, userid)).as("at most once").isEqualTo(1);
    }
}
