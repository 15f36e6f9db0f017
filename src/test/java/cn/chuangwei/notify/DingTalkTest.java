package cn.chuangwei.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
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
import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.web.client.RestClient;

/**
 * DingTalk against a local server that speaks its protocol (WireMock): the work notification's token fetched once, renewed
 * before it expires and after DingTalk refuses it; the custom robot's signature checked by the server side of the test;
 * every errcode of the senders' tables retried or parked as DingTalk means it; no secret in a reason or the log.
 */
@H2Test
@ExtendWith(OutputCaptureExtension.class)
class DingTalkTest {

    static final String APP_KEY = "dingappkey4711";
    static final String APP_SECRET = "AppSecret-9f2Kq7xV";
    static final String AGENT_ID = "2905117";
    static final String ROBOT_TOKEN = "robotTokenC0ffee42";
    static final String ROBOT_SECRET = "SECa8d2f5e0c3b14f7e9a6d";
    static final String[] SECRETS = {APP_SECRET, ROBOT_TOKEN, ROBOT_SECRET, "tok-1", "tok-2"};
    static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    JdbcClient jdbc;
    @Autowired
    GroupRobots robots;
    @Autowired
    TestClock clock;
    @Autowired
    MailOutbox outbox;
    @Autowired
    OutboxSender outboxSender;
    @Autowired
    Recipients recipients;
    @Autowired
    PersonReach reach;
    @Autowired
    NoticeRoutes routes;
    @Autowired
    QuietHours quiet;
    @Autowired
    ObjectProvider<JavaMailSender> mail;
    @Autowired
    MailSettings mailSettings;
    @Autowired
    cn.chuangwei.kernel.Database database;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;
    @Autowired
    Environment environment;

    WireMockServer server;
    int port;
    LocalDateTime now = LocalDateTime.of(2027, 3, 8, 9, 30);
    DingTalkSender work;
    DingTalkRobotSender robot;
    long campaign;
    /** Every reason a sender gave in this test, to look for secrets in. */
    List<String> reasons = new ArrayList<>();

    @BeforeEach
    void setUp() {
        clock.set(now);
        server = new WireMockServer(options().dynamicPort().notifier(new Quiet()));
        server.start();
        port = server.port();
        DingTalkHttp http = new DingTalkHttp(RestClient.builder(), settings(server.baseUrl()));
        work = new DingTalkSender(http, settings(server.baseUrl()), clock);
        robot = new DingTalkRobotSender(http, robots, clock);
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into campaign (name, town, kind, level, standard_code, status, created_at)
                values ('钉钉测试镇创建省级卫生乡镇', '钉钉测试镇', 'SANITARY_TOWN', 'PROVINCIAL', 'test', 'RUNNING', :t)""")
                .param("t", Timestamp.valueOf(now)).update(key, "id");
        campaign = key.getKey().longValue();
    }

    @AfterEach
    void tearDown() {
        server.stop();
        clock.reset();
        // the bare campaign row carries the robots only: other tests in the shared context must not meet it
        jdbc.sql("delete from group_robot where campaign_id = :c").param("c", campaign).update();
        jdbc.sql("delete from mail_outbox where campaign_id = :c").param("c", campaign).update();
        jdbc.sql("delete from campaign where id = :c").param("c", campaign).update();
        assertThat(reasons).allSatisfy(r -> assertThat(r).doesNotContain(SECRETS));
    }

    static DingTalkSettings settings(String base) {
        return settings(base, 5000L);
    }

    static DingTalkSettings settings(String base, long readTimeoutMillis) {
        return new DingTalkSettings(base, APP_KEY, APP_SECRET, AGENT_ID, Duration.ofSeconds(2),
                Duration.ofMillis(readTimeoutMillis));
    }

    OutboxMessage message(Channel channel, String address, String subject, String body) {
        return new OutboxMessage(1, "test:dingtalk:" + address, channel, address, "zh-CN", subject, body, "REMINDER",
                Map.of(), "REMINDER", 0);
    }

    OutboxMessage toPerson(String userid) {
        return message(Channel.DINGTALK, userid, "【到期提醒】召开动员大会（2027-03-10到期）",
                "王主任：\n您的待办事项“召开动员大会”将于2027-03-10到期。\n办理入口：https://chuangwei.example.org/work");
    }

    long robotRow(String name, String secret) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into group_robot (campaign_id, unit_code, channel, name, webhook, secret, updated_by, updated_at)
                values (:c, null, 'DINGTALK_ROBOT', :n, :w, :s, 'office', :t)""")
                .param("c", campaign).param("n", name)
                .param("w", server.baseUrl() + "/robot/send?access_token=" + ROBOT_TOKEN).param("s", secret)
                .param("t", Timestamp.valueOf(now)).update(key, "id");
        return key.getKey().longValue();
    }

    DeliveryFailure failure(ChannelSender sender, OutboxMessage m) {
        DeliveryFailure f = catchThrowableOfType(DeliveryFailure.class, () -> sender.send(m));
        assertThat(f).as("%s to %s fails", m.channel(), m.address()).isNotNull();
        reasons.add(f.getMessage());
        return f;
    }

    void tokens(String... values) {
        String state = Scenario.STARTED;
        for (int i = 0; i < values.length; i++) {
            String next = i + 1 < values.length ? "token " + (i + 1) : "no more";
            server.stubFor(get(urlPathEqualTo("/gettoken")).inScenario("tokens").whenScenarioStateIs(state)
                    .willSetStateTo(next)
                    .willReturn(okJson("{\"errcode\":0,\"access_token\":\"" + values[i] + "\",\"expires_in\":7200,\"errmsg\":\"ok\"}")));
            state = next;
        }
    }

    void answer(String token, String json) {
        server.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .withQueryParam("access_token", equalTo(token)).willReturn(okJson(json)));
    }

    static final String SENT = "{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"4jzllmte0wau\"}";

    // --- work notifications (工作通知) -------------------------------------------------------------------------------

    @Test
    void aWorkNotificationIsMarkdownToTheUseridWithTheTokenFetchedOnceAndRenewedBeforeItExpires() throws Exception {
        tokens("tok-1", "tok-2");
        answer("tok-1", SENT);
        answer("tok-2", SENT);

        work.send(toPerson("manager4711"));
        work.send(toPerson("0317462153-1"));
        later(3600);
        work.send(toPerson("manager4711"));

        server.verify(1, getRequestedFor(urlPathEqualTo("/gettoken"))
                .withQueryParam("appkey", equalTo(APP_KEY)).withQueryParam("appsecret", equalTo(APP_SECRET)));
        server.verify(3, postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .withQueryParam("access_token", equalTo("tok-1")));
        LoggedRequest first = server.findAll(postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))).get(0);
        assertThat(first.getHeader("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(first.getBodyAsString());
        assertThat(body.path("agent_id").asLong()).isEqualTo(2905117L);
        assertThat(body.path("userid_list").asText()).isEqualTo("manager4711");
        assertThat(body.path("msg").path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("msg").path("markdown").path("title").asText()).isEqualTo("【到期提醒】召开动员大会（2027-03-10到期）");
        assertThat(body.path("msg").path("markdown").path("text").asText())
                .startsWith("#### 【到期提醒】召开动员大会（2027-03-10到期）\n\n王主任：  \n您的待办事项“召开动员大会”将于2027-03-10到期。  \n")
                .contains("https://chuangwei.example.org/work");
        assertThat(work.tokensFetched()).isEqualTo(1);

        // 7200 s after it was fetched the token lapses; five minutes before that a new one is fetched, not earlier
        later(3600 - 5 * 60 - 1);
        work.send(toPerson("manager4711"));
        server.verify(1, getRequestedFor(urlPathEqualTo("/gettoken")));
        later(1);
        work.send(toPerson("manager4711"));
        server.verify(2, getRequestedFor(urlPathEqualTo("/gettoken")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .withQueryParam("access_token", equalTo("tok-2")));
        work.send(toPerson("manager4711"));
        assertThat(work.tokensFetched()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            40014 不合法的access_token          | {"errcode":40014,"errmsg":"不合法的access_token"}
            42001 access_token超时              | {"errcode":42001,"errmsg":"access_token超时"}
            88 with sub_code 40014             | {"errcode":88,"sub_code":"40014","sub_msg":"不合法的access_token","errmsg":"ding talk error[subcode=40014,submsg=不合法的access_token]"}
            """)
    void aRefusedTokenIsDroppedFetchedAgainAndTheMessageSentInTheSameAttempt(String name, String refusal) throws Exception {
        tokens("tok-1", "tok-2");
        answer("tok-1", refusal);
        answer("tok-2", SENT);

        work.send(toPerson("manager4711"));

        server.verify(2, getRequestedFor(urlPathEqualTo("/gettoken")));
        server.verify(1, postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .withQueryParam("access_token", equalTo("tok-2")));
        work.send(toPerson("0317462153-1"));
        server.verify(2, getRequestedFor(urlPathEqualTo("/gettoken")));
    }

    @Test
    void aTokenRefusedTwiceIsRetriedLaterNotParked() {
        tokens("tok-1", "tok-2", "tok-3");
        answer("tok-1", "{\"errcode\":40014,\"errmsg\":\"不合法的access_token\"}");
        answer("tok-2", "{\"errcode\":42001,\"errmsg\":\"access_token超时\"}");
        answer("tok-3", SENT);

        DeliveryFailure f = failure(work, toPerson("manager4711"));
        assertThat(f.permanent()).isFalse();
        assertThat(f.getMessage()).contains("42001");
        assertThat(catchThrowableOfType(DeliveryFailure.class, () -> work.send(toPerson("manager4711"))))
                .as("the next attempt fetches a third token and goes").isNull();
        server.verify(3, getRequestedFor(urlPathEqualTo("/gettoken")));
    }

    /** DingTalk's errcodes (server API, gettoken and asyncsend_v2): R retry later, P park. */
    @ParameterizedTest(name = "errcode {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -1     | R | 系统繁忙
            90018  | R | 当前请求被限流
            90006  | R | 接口调用超过限制
            143103 | R | 发送工作通知超过限制
            88     | P | ding talk error[subcode=60011,submsg=没有调用该接口的权限]
            33012  | P | 无效的USERID
            40103  | P | 无效的userid
            60121  | P | 找不到该用户
            40035  | P | 不合法的参数
            60020  | P | 访问ip不在白名单之中,request ip=203.0.113.7
            40089  | P | 不合法的corpid或corpsecret
            77777  | P | 从未见过的错误
            """)
    void eachErrcodeOfAWorkNotificationIsRetriedOrParkedWithDingTalksWords(int errcode, String fate, String errmsg) {
        tokens("tok-1");
        // DingTalk's words come back in the reason, but not the token or the secret should an answer echo them
        answer("tok-1", "{\"errcode\":" + errcode + ",\"errmsg\":\"" + errmsg + " (tok-1, " + APP_SECRET + ")\"}");

        DeliveryFailure f = failure(work, toPerson("manager4711"));

        assertThat(f.permanent()).as("errcode %s parks", errcode).isEqualTo(fate.equals("P"));
        assertThat(f.getMessage()).contains("钉钉工作通知", "errcode " + errcode, errmsg);
        if (errcode == 77777) {
            assertThat(f.getMessage()).contains("未识别的错误码");
        }
    }

    @Test
    void everyCodeOfTheSendersTablesIsTested() {
        // the token codes renew the token (tested above); every other code in the table has a row in the test
        assertThat(new TreeSet<>(DingTalkSender.CODES.keySet()))
                .isEqualTo(new TreeSet<>(Set.of(-1, 90018, 90006, 143103, 88, 33012, 40103, 60121, 40035, 60020, 40089,
                        40014, 42001)));
        assertThat(new TreeSet<>(DingTalkRobotSender.CODES.keySet()))
                .isEqualTo(new TreeSet<>(Set.of(-1, 130101, 410100, 310000, 300001, 400013, 400101, 400102, 400105,
                        400106, 430101, 430102, 430103, 430104)));
    }

    @Test
    void aFailedTokenFetchIsRetriedOrParkedAsDingTalkSays() {
        server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(okJson("{\"errcode\":40089,\"errmsg\":\"不合法的corpid或corpsecret\"}")));
        DeliveryFailure wrong = failure(work, toPerson("manager4711"));
        assertThat(wrong.permanent()).isTrue();
        assertThat(wrong.getMessage()).contains("钉钉获取access_token", "40089", "不合法的corpid或corpsecret");

        server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(okJson("{\"errcode\":60020,\"errmsg\":\"访问ip不在白名单之中\"}")));
        assertThat(failure(work, toPerson("manager4711")).permanent()).isTrue();

        server.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        assertThat(failure(work, toPerson("manager4711")).permanent()).isFalse();
        server.verify(0, postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            HTTP 503               | R | HTTP 503
            HTTP 500               | R | HTTP 500
            HTTP 429               | R | HTTP 429
            HTTP 404 not JSON      | P | HTTP 404
            HTTP 200 not JSON      | R | HTTP 200
            timeout                | R | 应答超时
            connection refused     | R | 连接被拒绝
            """)
    void transportFailuresOfAWorkNotificationAreRetriedAndANonAnswerParked(String name, String fate, String words) {
        tokens("tok-1");
        var call = post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"));
        switch (name.strip()) {
            case "HTTP 503" -> server.stubFor(call.willReturn(aResponse().withStatus(503).withBody("Service Unavailable")));
            case "HTTP 500" -> server.stubFor(call.willReturn(aResponse().withStatus(500)));
            case "HTTP 429" -> server.stubFor(call.willReturn(aResponse().withStatus(429)));
            case "HTTP 404 not JSON" -> server.stubFor(call.willReturn(aResponse().withStatus(404).withBody("<html>Not Found</html>")));
            case "HTTP 200 not JSON" -> server.stubFor(call.willReturn(aResponse().withStatus(200).withBody("<html>portal</html>")));
            case "timeout" -> {
                // a second read timeout; the first message (token and all) goes in time, the slow one does not
                DingTalkSettings impatient = settings(server.baseUrl(), 1000L);
                work = new DingTalkSender(new DingTalkHttp(RestClient.builder(), impatient), impatient, clock);
                server.stubFor(call.willReturn(okJson(SENT)));
                server.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2")).atPriority(1)
                        .withRequestBody(matchingJsonPath("$.userid_list", equalTo("manager4711")))
                        .willReturn(okJson(SENT).withFixedDelay(3000)));
                assertThat(catchThrowableOfType(DeliveryFailure.class, () -> work.send(toPerson("warm-up")))).isNull();
            }
            case "connection refused" -> {
                DingTalkSettings closed = settings("http://127.0.0.1:" + freePort());
                work = new DingTalkSender(new DingTalkHttp(RestClient.builder(), closed), closed, clock);
            }
            default -> throw new IllegalArgumentException(name);
        }
        DeliveryFailure f = failure(work, toPerson("manager4711"));
        assertThat(f.permanent()).isEqualTo(fate.equals("P"));
        assertThat(f.getMessage()).contains(words).doesNotContain("http://", "access_token=");
    }

    @Test
    void anAddressThatIsNotOneUseridParksWithoutACallAndAnUnsetApplicationWaits() {
        tokens("tok-1");
        assertThat(failure(work, toPerson("lizz,wangwu")).permanent()).isTrue();
        assertThat(failure(work, toPerson(" ")).permanent()).isTrue();
        server.verify(0, postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2")));

        DingTalkSettings unset = new DingTalkSettings(server.baseUrl(), "", "", "", Duration.ofSeconds(2),
                Duration.ofSeconds(5));
        DingTalkSender idle = new DingTalkSender(new DingTalkHttp(RestClient.builder(), unset), unset, clock);
        assertThat(idle.ready()).isFalse();
        assertThat(failure(idle, toPerson("manager4711")).permanent()).isFalse();
        assertThat(work.ready()).isTrue();
        assertThat(settings(server.baseUrl()).toString()).doesNotContain(APP_SECRET);
        server.verify(0, getRequestedFor(urlPathEqualTo("/gettoken")));
    }

    // --- custom robots (自定义机器人) ---------------------------------------------------------------------------------

    /**
     * DingTalk's side of 加签: the access_token must be the robot's, the timestamp the test clock's, and the sign the
     * URL-encoded Base64 of HmacSHA256(secret, timestamp + "\n" + secret) computed here from the secret DingTalk knows.
     */
    MatchResult signedWith(Request request, String secret) {
        Map<String, String> query = new HashMap<>();
        String url = request.getUrl();
        for (String pair : url.substring(url.indexOf('?') + 1).split("&")) {
            int eq = pair.indexOf('=');
            query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        try {
            long timestamp = Long.parseLong(query.getOrDefault("timestamp", "0"));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            String expected = Base64.getEncoder().encodeToString(
                    mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
            return MatchResult.of(ROBOT_TOKEN.equals(query.get("access_token")) && timestamp == clock.millis()
                    && expected.equals(query.get("sign")));
        } catch (Exception e) {
            return MatchResult.noMatch();
        }
    }

    void robotServer(String secret) {
        server.stubFor(post(urlPathEqualTo("/robot/send")).atPriority(9).willReturn(okJson(
                "{\"errcode\":310000,\"errmsg\":\"description:机器人发送签名不匹配;solution:请确认签名和生成签名的时间戳必须都放在调用的网址中\"}")));
        server.stubFor(post(urlPathEqualTo("/robot/send")).atPriority(1).andMatching(r -> signedWith(r, secret))
                .willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
    }

    OutboxMessage toGroup(long robotId) {
        return message(Channel.DINGTALK_ROBOT, Long.toString(robotId), "【通报】环境卫生整治进度滞后",
                "**卫生院**：3项任务逾期。\n请于2027-03-12前整改。");
    }

    @Test
    void aRobotMessageIsSignedWithTheClocksTimestampAndTheServerChecksTheSignature() throws Exception {
        robotServer(ROBOT_SECRET);
        long group = robotRow("创卫工作群", ROBOT_SECRET);

        robot.send(toGroup(group));
        later(1);
        robot.send(toGroup(group));

        List<LoggedRequest> sent = server.findAll(postRequestedFor(urlPathEqualTo("/robot/send")));
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0).queryParameter("timestamp").firstValue())
                .isEqualTo(Long.toString(clock.millis() - 1000));
        assertThat(sent.get(1).queryParameter("timestamp").firstValue()).isEqualTo(Long.toString(clock.millis()));
        assertThat(sent.get(0).getUrl()).as("the sign is URL-encoded")
                .matches("/robot/send\\?access_token=" + ROBOT_TOKEN + "&timestamp=\\d+&sign=[A-Za-z0-9%]+");
        JsonNode body = JSON.readTree(sent.get(0).getBodyAsString());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).isEqualTo("【通报】环境卫生整治进度滞后");
        assertThat(body.path("markdown").path("text").asText())
                .isEqualTo("#### 【通报】环境卫生整治进度滞后\n\n**卫生院**：3项任务逾期。  \n请于2027-03-12前整改。");
        server.verify(2, postRequestedFor(urlPathEqualTo("/robot/send"))
                .withRequestBody(matchingJsonPath("$.markdown.title", equalTo("【通报】环境卫生整治进度滞后"))));
    }

    @Test
    void aWrongSecretIsRefusedByTheServerAndParksWithoutTheSecret() {
        robotServer(ROBOT_SECRET);
        long wrong = robotRow("错了密钥的群", "SECwrongwrongwrong0000");

        DeliveryFailure f = failure(robot, toGroup(wrong));

        assertThat(f.permanent()).isTrue();
        assertThat(f.getMessage()).contains("钉钉群机器人", "310000", "机器人发送签名不匹配")
                .doesNotContain("SECwrongwrongwrong0000");
        // a signature from another moment does not match either: the timestamp is part of what is signed
        assertThat(DingTalkRobotSender.sign(clock.millis(), ROBOT_SECRET))
                .isNotEqualTo(DingTalkRobotSender.sign(clock.millis() + 1, ROBOT_SECRET))
                .isNotEqualTo(DingTalkRobotSender.sign(clock.millis(), "SECwrongwrongwrong0000"));
    }

    /** The custom robot's errcodes: R retry later, P park. */
    @ParameterizedTest(name = "errcode {0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
            -1     | R | 系统繁忙
            130101 | R | send too fast, exceed 20 times per minute
            410100 | R | 发送速度太快而限流
            310000 | P | keywords not in content
            300001 | P | token is not exist
            400013 | P | 群已被解散
            400101 | P | access_token不存在
            400102 | P | 机器人已停用
            400105 | P | 不支持的消息类型
            400106 | P | 机器人不存在
            430101 | P | 含有不安全的外链
            430102 | P | 含有不合适的文本
            430103 | P | 含有不合适的图片
            430104 | P | 含有不合适的内容
            123456 | P | 从未见过的错误
            """)
    void eachErrcodeOfARobotIsRetriedOrParkedWithDingTalksWords(int errcode, String fate, String errmsg) {
        long group = robotRow("创卫工作群", ROBOT_SECRET);
        String sign = DingTalkRobotSender.sign(clock.millis(), ROBOT_SECRET);
        server.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":" + errcode + ",\"errmsg\":\""
                + errmsg + " (access_token=" + ROBOT_TOKEN + " sign=" + sign + " " + ROBOT_SECRET + ")\"}")));

        DeliveryFailure f = failure(robot, toGroup(group));

        assertThat(f.permanent()).as("errcode %s parks", errcode).isEqualTo(fate.equals("P"));
        assertThat(f.getMessage()).contains("钉钉群机器人", "errcode " + errcode, errmsg).doesNotContain(sign);
    }

    @Test
    void aRobotThatIsGoneOrNotDingTalksParksAndAnOutageIsRetried() {
        long group = robotRow("创卫工作群", ROBOT_SECRET);
        jdbc.sql("delete from group_robot where id = :id").param("id", group).update();
        DeliveryFailure gone = failure(robot, toGroup(group));
        assertThat(gone.permanent()).isTrue();
        assertThat(gone.getMessage()).contains("已被删除");
        assertThat(failure(robot, message(Channel.DINGTALK_ROBOT, "not-a-number", "x", "y")).permanent()).isTrue();

        long wecom = robotRow("企业微信群", null);
        jdbc.sql("update group_robot set channel = 'WECOM_ROBOT' where id = :id").param("id", wecom).update();
        assertThat(failure(robot, toGroup(wecom)).permanent()).isTrue();

        long unsigned = robotRow("关键词安全设置的群", null);
        server.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(503)));
        DeliveryFailure down = failure(robot, toGroup(unsigned));
        assertThat(down.permanent()).isFalse();
        assertThat(down.getMessage()).contains("HTTP 503");
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0).getUrl())
                .as("a robot without 加签 is called at its webhook as it is")
                .isEqualTo("/robot/send?access_token=" + ROBOT_TOKEN);
        server.verify(1, postRequestedFor(urlPathEqualTo("/robot/send")));
    }

    @Test
    void noSecretReachesTheLog(CapturedOutput output) throws Exception {
        tokens("tok-1");
        answer("tok-1", "{\"errcode\":60020,\"errmsg\":\"访问ip不在白名单之中\"}");
        failure(work, toPerson("manager4711"));
        robotServer(ROBOT_SECRET);
        robot.send(toGroup(robotRow("创卫工作群", ROBOT_SECRET)));
        failure(robot, toGroup(robotRow("错了密钥的群", "SECwrongwrongwrong0000")));
        assertThat(output.getAll()).doesNotContain(SECRETS).doesNotContain("SECwrongwrongwrong0000");
    }

    // --- an outage through the outbox ---------------------------------------------------------------------------------

    record Row(String status, int attempts, String error, LocalDateTime next) {
    }

    Row row(String key) {
        return jdbc.sql("select status, attempts, last_error, next_attempt_at from mail_outbox where idempotency_key = :k")
                .param("k", key).query((rs, n) -> new Row(rs.getString("status"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getTimestamp("next_attempt_at").toLocalDateTime()))
                .single();
    }

    String enqueue(Channel channel, String address, NoticeKind kind) {
        String event = "test:dingtalk-outage:" + channel + ":" + address + ":" + System.nanoTime();
        String key = event + ":" + channel;
        assertThat(outbox.put(new MailOutbox.Row(key, event, channel, null, address, "zh-CN",
                new MailTemplates.Rendered("【通报】环境卫生整治进度滞后", "卫生院：3项任务逾期。\n请于2027-03-12前整改。"),
                "CIRCULAR", null, kind, null, campaign, null, null))).isTrue();
        return key;
    }

    /** DingTalk comes back on the same port, as a restarted server does. */
    void restart() {
        server.stop();
        server = new WireMockServer(options().port(port).notifier(new Quiet()));
        server.start();
    }

    @Test
    void aRobotOutageThroughTheOutboxLosesAndDoublesNothing(CapturedOutput output) {
        long group = robotRow("创卫工作群", ROBOT_SECRET);
        String key = enqueue(Channel.DINGTALK_ROBOT, Long.toString(group), NoticeKind.CIRCULAR);

        // DingTalk answers 503: the message waits with a delay, and is not tried again before it is due
        server.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(503)));
        outboxSender.sendDue();
        Row first = row(key);
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).contains("钉钉群机器人", "HTTP 503");
        assertThat(first.next()).isAfter(now);
        outboxSender.sendDue();
        server.verify(1, postRequestedFor(urlPathEqualTo("/robot/send")));

        // DingTalk is gone altogether: still waiting, no secret in the reason
        server.stop();
        later(60 * 60);
        outboxSender.sendDue();
        Row second = row(key);
        assertThat(second.status()).isEqualTo("PENDING");
        assertThat(second.attempts()).isEqualTo(2);
        assertThat(second.error()).contains("连接被拒绝").doesNotContain(SECRETS);
        assertThat(second.next()).isAfter(now);

        // back: the message goes once, signed for the moment it goes, and is recorded
        restart();
        robotServer(ROBOT_SECRET);
        later(60 * 60);
        outboxSender.sendDue();
        outboxSender.sendDue();
        later(24 * 60 * 60);
        outboxSender.sendDue();
        assertThat(row(key).status()).isEqualTo("SENT");
        assertThat(row(key).attempts()).isEqualTo(3);
        server.verify(1, postRequestedFor(urlPathEqualTo("/robot/send")));
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0).getBodyAsString())
                .contains("环境卫生整治进度滞后");
        assertThat(output.getAll()).as("the outbox logged each retry").contains("DINGTALK_ROBOT message")
                .doesNotContain(SECRETS);
    }

    @Test
    void aWorkNotificationOutageThroughTheOutboxLosesAndDoublesNothing(CapturedOutput output) {
        // the outbox's own sender, given this test's DingTalk (the shared context's application is not set up)
        OutboxSender sender = new OutboxSender(jdbc, List.of(work, robot), outbox, recipients, quiet,
                mail, clock, environment.getProperty("spring.mail.host", ""), mailSettings, database, meters);
        String key = enqueue(Channel.DINGTALK, "manager4711", NoticeKind.CIRCULAR);
        outboxSender.sendDue();
        assertThat(row(key).attempts()).as("the context's sender leaves it: its DingTalk is not set up").isZero();

        tokens("tok-1");
        server.stubFor(post(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2"))
                .willReturn(aResponse().withStatus(503).withBody("<html>503 Service Temporarily Unavailable</html>")));
        sender.sendDue();
        Row first = row(key);
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(first.attempts()).isEqualTo(1);
        assertThat(first.error()).contains("钉钉工作通知", "HTTP 503");
        assertThat(first.next()).isAfter(now);

        server.stop();
        later(10 * 60);
        sender.sendDue();
        assertThat(row(key).status()).isEqualTo("PENDING");
        assertThat(row(key).error()).contains("连接被拒绝").doesNotContain(SECRETS);

        // back: the token fetched before the outage still holds, and the message goes once
        restart();
        tokens("tok-2");
        answer("tok-1", SENT);
        later(10 * 60);
        sender.sendDue();
        sender.sendDue();
        later(24 * 60 * 60);
        sender.sendDue();
        assertThat(row(key).status()).as("%s", row(key)).isEqualTo("SENT");
        server.verify(1, postRequestedFor(urlPathEqualTo("/topapi/message/corpconversation/asyncsend_v2")));
        server.verify(0, getRequestedFor(urlPathEqualTo("/gettoken")));
        assertThat(output.getAll()).as("the outbox logged each retry").contains("DINGTALK message")
                .doesNotContain(SECRETS);
    }

    void later(int seconds) {
        now = now.plusSeconds(seconds);
        clock.set(now);
    }

    static int freePort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** WireMock says nothing: its reports of unmatched requests would print the URLs with their tokens. */
    static final class Quiet implements Notifier {
        @Override
        public void info(String message) {
        }

        @Override
        public void error(String message) {
        }

        @Override
        public void error(String message, Throwable t) {
        }
    }
}
