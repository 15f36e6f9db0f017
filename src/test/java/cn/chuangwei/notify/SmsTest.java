package cn.chuangwei.notify;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.web.client.RestClient;

/**
 * SMS through Aliyun's Dysmsapi, against a local server that speaks it: the request's shape, the signature checked by
 * the server side with Aliyun's algorithm written out here a second time (and against Aliyun's published examples), each
 * code of Aliyun's answer mapped to retry or park, and the sender's choice of template, its values and their cut. No
 * Spring context: the classes are built directly, the clock is fixed.
 */
class SmsTest {

    private static final String KEY_ID = "LTAI5tTestKeyId0001";
    private static final String SECRET = "s3cr3t-Key/With+Odd*Chars~";
    private static final String SIGN_NAME = "青山镇创卫办";
    private static final Instant NOW = Instant.parse("2026-12-02T01:30:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static WireMockServer aliyun;
    private ListAppender<ILoggingEvent> logs;
    private Level notifyLevel;

    @BeforeAll
    static void start() {
        aliyun = new WireMockServer(options().dynamicPort().extensions(new Verifier()));
        aliyun.start();
    }

    @AfterAll
    static void stop() {
        aliyun.stop();
    }

    @BeforeEach
    void capture() {
        aliyun.resetAll();
        logs = new ListAppender<>();
        logs.start();
        root().addAppender(logs);
        Logger notify = (Logger) LoggerFactory.getLogger("cn.chuangwei.notify");
        notifyLevel = notify.getLevel();
        notify.setLevel(Level.DEBUG);
    }

    @AfterEach
    void secretsNeverLogged() {
        root().detachAppender(logs);
        ((Logger) LoggerFactory.getLogger("cn.chuangwei.notify")).setLevel(notifyLevel);
        List<String> signatures = aliyun.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(r -> form(r).get("Signature")).toList();
        for (ILoggingEvent e : logs.list) {
            assertThat(e.getFormattedMessage()).doesNotContain(SECRET);
            signatures.forEach(s -> assertThat(e.getFormattedMessage()).doesNotContain(s));
        }
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    // ---- the signature -----------------------------------------------------------------------------------------

    @Test
    void bothSignersReproduceAliyunsPublishedExamples() {
        // Aliyun's RPC signature document (签名机制): ECS DescribeRegions, AccessKeySecret "testsecret"
        TreeMap<String, String> describeRegions = new TreeMap<>(Map.of("AccessKeyId", "testid",
                "Action", "DescribeRegions", "Format", "XML", "SignatureMethod", "HMAC-SHA1",
                "SignatureNonce", "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf", "SignatureVersion", "1.0",
                "Timestamp", "2016-02-23T12:46:24Z", "Version", "2014-05-26"));
        assertThat(AliyunSms.canonical(describeRegions)).isEqualTo("AccessKeyId=testid&Action=DescribeRegions"
                + "&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf"
                + "&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26");
        assertThat(AliyunSms.sign("GET", describeRegions, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        assertThat(Verifier.signature("GET", describeRegions, "testsecret")).isEqualTo("OLeaidS1JvxuMvnyHOwuJ+uX5qY=");
        // Aliyun SMS's own example (短信服务 HTTP 签名示例): SendSms with a Chinese sign name, AccessKeySecret "testSecret"
        TreeMap<String, String> sendSms = new TreeMap<>(Map.ofEntries(Map.entry("AccessKeyId", "testId"),
                Map.entry("Action", "SendSms"), Map.entry("Format", "XML"), Map.entry("OutId", "123"),
                Map.entry("PhoneNumbers", "15300000001"), Map.entry("RegionId", "cn-hangzhou"),
                Map.entry("SignName", "阿里云短信测试专用"), Map.entry("SignatureMethod", "HMAC-SHA1"),
                Map.entry("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
                Map.entry("SignatureVersion", "1.0"), Map.entry("TemplateCode", "SMS_71390007"),
                Map.entry("TemplateParam", "{\"customer\":\"test\"}"), Map.entry("Timestamp", "2017-07-12T02:42:19Z"),
                Map.entry("Version", "2017-05-25")));
        assertThat(AliyunSms.sign("GET", sendSms, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
        assertThat(Verifier.signature("GET", sendSms, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
    }

    @Test
    void percentEncodingFollowsAliyunsRules() {
        assertThat(AliyunSms.percentEncode("a b*c~d-e_f.g")).isEqualTo("a%20b%2Ac~d-e_f.g");
        assertThat(AliyunSms.percentEncode("/=&+:\"")).isEqualTo("%2F%3D%26%2B%3A%22");
        assertThat(AliyunSms.percentEncode("创卫")).isEqualTo("%E5%88%9B%E5%8D%AB");
        assertThat(AliyunSms.percentEncode("!'()")).isEqualTo(Verifier.encode("!'()"));
    }

    @Test
    void theServerAcceptsTheSignatureAndRefusesOneMadeWithAnotherSecret() throws DeliveryFailure {
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withTransformers(Verifier.NAME)));
        gateway(SECRET).send("13800138000", "SMS_000000002",
                values("name", "王 村主任", "task", "清理*卫生死角~(东街)", "deadline", "12月5日 18:00"));
        LoggedRequest accepted = aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(0);
        Map<String, String> form = form(accepted);
        TreeMap<String, String> signed = new TreeMap<>(form);
        String signature = signed.remove("Signature");
        assertThat(signature).isEqualTo(Verifier.signature("POST", signed, SECRET))
                .isNotEqualTo(Verifier.signature("POST", signed, SECRET + "x"));

        DeliveryFailure refused = catchThrowableOfType(DeliveryFailure.class, () -> gateway("not-the-secret")
                .send("13800138000", "SMS_000000002", values("name", "王", "task", "t", "deadline", "d")));
        assertThat(refused.permanent()).isTrue();
        assertThat(refused.getMessage()).contains("SignatureDoesNotMatch").contains("签名不匹配")
                .doesNotContain("not-the-secret").doesNotContain(SECRET);
        String refusedSignature = form(aliyun.findAll(postRequestedFor(urlEqualTo("/"))).get(1)).get("Signature");
        // the verifier echoes the signature it got, as Aliyun's message does: scrubbed from the reason
        assertThat(refused.getMessage()).doesNotContain(refusedSignature).contains("***");

        aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(400).withBody(
                "{\"Code\":\"isv.INVALID_PARAMETERS\",\"Message\":\"key " + SECRET + " not allowed\"}")));
        DeliveryFailure echoed = catchThrowableOfType(DeliveryFailure.class, () -> gateway(SECRET)
                .send("13800138000", "SMS_000000002", values("name", "王")));
        assertThat(echoed.getMessage()).contains("isv.INVALID_PARAMETERS").doesNotContain(SECRET).contains("***");
    }

    // ---- the request -------------------------------------------------------------------------------------------

    @Test
    void theRequestCarriesEveryParameterSendSmsNeeds() throws Exception {
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(ok()));
        AliyunSms gateway = gateway(SECRET);
        gateway.send("13800138000", "SMS_000000001", values("name", "李镇长", "task", "背街小巷整治", "deadline", "12月5日"));
        gateway.send("13900139000", "SMS_000000001", values("name", "x"));
        List<LoggedRequest> requests = aliyun.findAll(postRequestedFor(urlEqualTo("/")));
        assertThat(requests).hasSize(2);
        LoggedRequest first = requests.get(0);
        assertThat(first.getHeader("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(first.getUrl()).isEqualTo("/"); // nothing in the query: number and signature stay out of access logs
        Map<String, String> form = form(first);
        assertThat(form.keySet()).containsExactlyInAnyOrder("AccessKeyId", "Action", "Format", "PhoneNumbers",
                "RegionId", "SignName", "SignatureMethod", "SignatureNonce", "SignatureVersion", "TemplateCode",
                "TemplateParam", "Timestamp", "Version", "Signature");
        assertThat(form).containsEntry("AccessKeyId", KEY_ID).containsEntry("Action", "SendSms")
                .containsEntry("Format", "JSON").containsEntry("PhoneNumbers", "13800138000")
                .containsEntry("RegionId", "cn-hangzhou").containsEntry("SignName", SIGN_NAME)
                .containsEntry("SignatureMethod", "HMAC-SHA1").containsEntry("SignatureVersion", "1.0")
                .containsEntry("TemplateCode", "SMS_000000001").containsEntry("Timestamp", "2026-12-02T01:30:00Z")
                .containsEntry("Version", "2017-05-25");
        assertThat(form.get("SignatureNonce")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                .isNotEqualTo(form(requests.get(1)).get("SignatureNonce"));
        assertThat(JSON.readValue(form.get("TemplateParam"), Map.class))
                .isEqualTo(Map.of("name", "李镇长", "task", "背街小巷整治", "deadline", "12月5日"));
        assertThat(form.values()).doesNotContain(SECRET);
        assertThat(first.getBodyAsString()).doesNotContain(SECRET).doesNotContain(AliyunSms.percentEncode(SECRET));
    }

    // ---- Aliyun's answers --------------------------------------------------------------------------------------

    @ParameterizedTest(name = "{0} (HTTP {1}) → {2}")
    @CsvSource({
            "isv.BUSINESS_LIMIT_CONTROL, 200, retry, 业务限流",
            "Throttling.User, 400, retry, 用户流控",
            "isp.SYSTEM_ERROR, 200, retry, 系统错误",
            "ServiceUnavailable, 503, retry, 服务暂不可用",
            "isv.MOBILE_NUMBER_ILLEGAL, 200, park, 非法手机号",
            "isv.SMS_TEMPLATE_ILLEGAL, 200, park, 短信模板不合法",
            "isv.SMS_SIGNATURE_ILLEGAL, 200, park, 短信签名不合法",
            "isv.TEMPLATE_MISSING_PARAMETERS, 200, park, 模板缺少变量",
            "isv.INVALID_PARAMETERS, 200, park, 参数异常",
            "isv.AMOUNT_NOT_ENOUGH, 200, park, 账户余额不足",
            "isv.OUT_OF_SERVICE, 200, park, 业务停机",
            "isv.DAY_LIMIT_CONTROL, 200, park, 触发日发送限额",
            "SignatureDoesNotMatch, 400, park, 签名不匹配",
            "InvalidAccessKeyId.NotFound, 404, park, AccessKeyId不存在",
            "isp.RAM_PERMISSION_DENY, 200, park, RAM权限不足",
            "isv.DENY_IP_RANGE, 200, park, IP地址所在的地区被禁用",
            "isv.SOMETHING_NEW, 200, park, unknown code",
            "isp.SOMETHING_NEW, 500, retry, unknown code"})
    void eachCodeIsTriedAgainOrParked(String code, int status, String verdict, String words) {
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(status)
                .withHeader("Content-Type", "application/json").withBody("{\"Code\":\"" + code
                        + "\",\"Message\":\"Aliyun says " + code + "\",\"RequestId\":\"8C1A-REQ\"}")));
        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class, () -> gateway(SECRET)
                .send("13800138000", "SMS_000000002", values("name", "王")));
        assertThat(failure).as(code).isNotNull();
        assertThat(failure.permanent()).as(code).isEqualTo(verdict.equals("park"));
        assertThat(failure.getMessage()).contains("阿里云短信").contains(code).contains(words).contains("8C1A-REQ")
                .contains("Aliyun says").doesNotContain(SECRET);
    }

    @Test
    void everyCodeOfTheTableIsJudgedAsTheTableSays() {
        for (Map.Entry<String, AliyunSms.Verdict> c : AliyunSms.CODES.entrySet()) {
            aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(200)
                    .withBody("{\"Code\":\"" + c.getKey() + "\",\"Message\":\"m\",\"RequestId\":\"r\"}")));
            DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                    () -> gateway(SECRET).send("13800138000", "SMS_1", values("a", "b")));
            assertThat(failure.permanent()).as(c.getKey()).isEqualTo(!c.getValue().retry());
            assertThat(failure.getMessage()).contains(c.getKey(), c.getValue().words());
        }
    }

    @Test
    void aServerErrorATimeoutAndARefusedConnectionAreTriedAgain() throws IOException {
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(502).withBody("<html>Bad Gateway</html>")));
        assertRetry(gateway(SECRET), "HTTP 502");

        aliyun.stubFor(post(urlEqualTo("/")).willReturn(ok().withFixedDelay(1500)));
        assertRetry(gateway(SECRET, aliyun.baseUrl(), Duration.ofMillis(300)), "timed out");

        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertRetry(gateway(SECRET, "http://127.0.0.1:" + closed, Duration.ofSeconds(2)), "connection refused");

        aliyun.stubFor(post(urlEqualTo("/")).willReturn(aResponse().withStatus(403).withBody("denied")));
        DeliveryFailure forbidden = catchThrowableOfType(DeliveryFailure.class,
                () -> gateway(SECRET).send("13800138000", "SMS_1", values("a", "b")));
        assertThat(forbidden.permanent()).isTrue();
        assertThat(forbidden.getMessage()).contains("HTTP 403");
    }

    private static void assertRetry(AliyunSms gateway, String words) {
        DeliveryFailure failure = catchThrowableOfType(DeliveryFailure.class,
                () -> gateway.send("13800138000", "SMS_1", values("a", "b")));
        assertThat(failure).as(words).isNotNull();
        assertThat(failure.permanent()).as(words).isFalse();
        assertThat(failure.getMessage()).contains(words).doesNotContain(SECRET);
    }

    // ---- the sender: templates, values, numbers ----------------------------------------------------------------

    @Test
    void theSenderPicksTheKindsTemplateAndFillsItsVariablesFromTheMessage() throws Exception {
        aliyun.stubFor(post(urlEqualTo("/")).willReturn(ok()));
        SmsSender sender = sender(yamlSettings("aliyun", aliyun.baseUrl(), SECRET));
        assertThat(sender.channel()).isEqualTo(Channel.SMS);
        assertThat(sender.ready()).isTrue();

        sender.send(message("13800138000", "REMINDER", Map.of("recipientName", "王村主任", "taskTitle", "垃圾清运",
                "deadline", "12月5日 18:00", "link", "https://chuangwei.example.org/work/tasks/42")));
        sender.send(message("13800138000", "DIGEST", Map.of("count", "40", "link", "https://x")));
        String longTitle = "对照国家卫生乡镇标准第二章第三条逐项整改农贸市场周边背街小巷卫生死角并建立长效保洁机制";
        sender.send(message(" 13800138000 ", "TASK_ASSIGNED", Map.of("recipientName", "李镇长", "unitName", "城管办",
                "taskTitle", longTitle, "deadline", "12月9日")));

        List<Map<String, String>> sent = aliyun.findAll(postRequestedFor(urlEqualTo("/"))).stream()
                .map(SmsTest::form).toList();
        assertThat(sent).extracting(f -> f.get("TemplateCode"))
                .containsExactly("SMS_000000002", "SMS_000000007", "SMS_000000001");
        assertThat(JSON.readValue(sent.get(0).get("TemplateParam"), Map.class))
                .isEqualTo(Map.of("name", "王村主任", "task", "垃圾清运", "deadline", "12月5日 18:00"));
        assertThat(JSON.readValue(sent.get(1).get("TemplateParam"), Map.class)).isEqualTo(Map.of("count", "40"));
        Map<?, ?> assigned = JSON.readValue(sent.get(2).get("TemplateParam"), Map.class);
        String task = (String) assigned.get("task");
        assertThat(longTitle.length()).isGreaterThan(35);
        assertThat(task).hasSize(35).endsWith("…").startsWith(longTitle.substring(0, 34));
        assertThat(assigned.get("unit")).isEqualTo("城管办");
        assertThat(sent.get(2).get("PhoneNumbers")).isEqualTo("13800138000");
    }

    @Test
    void aCutCountsCharactersNotCodeUnits() {
        assertThat(SmsSender.cut("短", 35)).isEqualTo("短");
        assertThat(SmsSender.cut("𠀀".repeat(40), 35)).isEqualTo("𠀀".repeat(34) + "…");
        assertThat(SmsSender.cut("a".repeat(35), 35)).isEqualTo("a".repeat(35));
    }

    @Test
    void aWrongNumberAnUnconfiguredKindAndAMissingValueAreParkedWithoutARequest() {
        SmsSender sender = sender(yamlSettings("aliyun", aliyun.baseUrl(), SECRET));
        Map<String, String> reminder = Map.of("recipientName", "王", "taskTitle", "t", "deadline", "d");
        for (String bad : List.of("1380013800", "138001380001", "23800138000", "+8613800138000", "138-0013-8000", "")) {
            assertThatThrownBy(() -> sender.send(message(bad, "REMINDER", reminder))).as(bad)
                    .isInstanceOf(DeliveryFailure.class).hasMessage("invalid mobile number")
                    .matches(f -> ((DeliveryFailure) f).permanent());
        }
        assertThatThrownBy(() -> sender.send(message("13800138000", "CASE_RESULT", Map.of("caseNumber", "1"))))
                .isInstanceOf(DeliveryFailure.class).hasMessageContaining("no SMS template for CASE_RESULT")
                .matches(f -> ((DeliveryFailure) f).permanent());
        assertThatThrownBy(() -> sender.send(message("13800138000", "REMINDER", Map.of("recipientName", "王"))))
                .isInstanceOf(DeliveryFailure.class).hasMessageContaining("taskTitle")
                .matches(f -> ((DeliveryFailure) f).permanent());
        assertThat(aliyun.getAllServeEvents()).isEmpty();
    }

    @Test
    void withoutAProviderOrItsKeysSmsIsNotReady() {
        SmsSettings embedded = yamlSettings(null, null, null);
        assertThat(embedded.provider()).isEqualTo("none");
        assertThat(embedded.aliyun().endpoint()).isEqualTo("https://dysmsapi.aliyuncs.com");
        assertThat(embedded.aliyun().accessKeySecret()).isEmpty();
        assertThat(embedded.aliyun().paramLimit()).isEqualTo(35);
        assertThat(embedded.templates().keySet()).containsExactlyInAnyOrder("TASK_ASSIGNED", "REMINDER", "ESCALATION",
                "CASE_ESCALATION", "CIRCULAR_ISSUED", "STEP_OVERDUE", "DIGEST");
        assertThat(sender(embedded).ready()).isFalse();
        assertThat(sender(yamlSettings("aliyun", aliyun.baseUrl(), "")).ready()).isFalse();
        assertThat(sender(yamlSettings("aliyun", aliyun.baseUrl(), SECRET)).ready()).isTrue();
        assertThat(embedded.aliyun().toString()).doesNotContain("accessKeySecret");
        assertThat(yamlSettings("aliyun", aliyun.baseUrl(), SECRET).aliyun().toString()).doesNotContain(SECRET);
        assertThatThrownBy(() -> sender(yamlSettings("tencent", aliyun.baseUrl(), SECRET)))
                .hasMessageContaining("chuangwei.sms.provider").hasMessageContaining("aliyun");
    }

    // ---- helpers ------------------------------------------------------------------------------------------------

    private static SmsSender sender(SmsSettings settings) {
        return new SmsSender(List.of(new AliyunSms(settings, RestClient.builder(), CLOCK)), settings);
    }

    private static AliyunSms gateway(String secret) {
        return gateway(secret, aliyun.baseUrl(), Duration.ofSeconds(5));
    }

    private static AliyunSms gateway(String secret, String endpoint, Duration readTimeout) {
        SmsSettings settings = new SmsSettings("aliyun", Duration.ofSeconds(2), readTimeout,
                new SmsSettings.Aliyun(endpoint, KEY_ID, secret, SIGN_NAME, "cn-hangzhou", 35), Map.of());
        return new AliyunSms(settings, RestClient.builder(), CLOCK);
    }

    /**
     * The settings as application.yaml has them (its templates, its defaults), with the provider, the endpoint and
     * the secret replaced when given, as the environment would.
     */
    private static SmsSettings yamlSettings(String provider, String endpoint, String secret) {
        try {
            StandardEnvironment env = new StandardEnvironment();
            env.getPropertySources().remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
            Map<String, Object> given = new LinkedHashMap<>();
            if (provider != null) {
                given.put("chuangwei.sms.provider", provider);
                given.put("chuangwei.sms.aliyun.endpoint", endpoint);
                given.put("chuangwei.sms.aliyun.access-key-id", KEY_ID);
                given.put("chuangwei.sms.aliyun.access-key-secret", secret);
                given.put("chuangwei.sms.aliyun.sign-name", SIGN_NAME);
            }
            env.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("given", given));
            for (PropertySource<?> s : new YamlPropertySourceLoader().load("application.yaml",
                    new FileSystemResource("src/main/resources/application.yaml"))) {
                env.getPropertySources().addLast(s);
            }
            return Binder.get(env).bind("chuangwei.sms", SmsSettings.class).get();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutboxMessage message(String phone, String templateKey, Map<String, String> params) {
        return new OutboxMessage(7, "k-" + templateKey, Channel.SMS, phone, "zh-CN", "subject", "body", templateKey,
                params, "REMINDER", 0);
    }

    private static Map<String, String> values(String... pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put(pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private static ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"Message\":\"OK\",\"RequestId\":\"F655A8D5-B967-440B-8683-DAD6FF8DE990\","
                        + "\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}");
    }

    /** The form parameters of a captured request, decoded. */
    static Map<String, String> form(LoggedRequest request) {
        Map<String, String> form = new TreeMap<>();
        for (String pair : request.getBodyAsString().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return form;
    }

    /**
     * Dysmsapi's side of the signature, written from Aliyun's description and not from the production code: every
     * parameter but Signature, sorted by name, each byte outside A–Z a–z 0–9 - _ . ~ as %XY, then HMAC-SHA1 keyed with
     * the secret and "&". Answers OK when the signature matches the one made with {@link #SECRET}, else Aliyun's
     * SignatureDoesNotMatch (HTTP 400), echoing the signature it got.
     */
    static final class Verifier implements ResponseDefinitionTransformerV2 {

        static final String NAME = "aliyun-signature";

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            TreeMap<String, String> params = new TreeMap<>(form(event.getRequest()));
            String got = params.remove("Signature");
            boolean complete = params.keySet().containsAll(List.of("AccessKeyId", "Action", "Format", "PhoneNumbers",
                    "SignName", "SignatureMethod", "SignatureNonce", "SignatureVersion", "TemplateCode", "Timestamp",
                    "Version"));
            if (complete && signature(event.getRequest().getMethod().getName(), params, SECRET).equals(got)) {
                return ok().build();
            }
            return ResponseDefinitionBuilder.responseDefinition().withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"RequestId\":\"3A1B-SIG\",\"Code\":\"SignatureDoesNotMatch\",\"Message\":"
                            + "\"Specified signature " + got + " is not matched with our calculation.\"}").build();
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public String getName() {
            return NAME;
        }

        static String signature(String method, TreeMap<String, String> params, String secret) {
            String canonical = params.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            String toSign = method + "&" + encode("/") + "&" + encode(canonical);
            try {
                Mac mac = Mac.getInstance("HmacSHA1");
                mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
                return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            }
        }

        static String encode(String s) {
            StringBuilder out = new StringBuilder();
            for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || "-_.~".indexOf(c) >= 0) {
                    out.append((char) c);
                } else {
                    out.append('%').append(String.format("%02X", c));
                }
            }
            return out.toString();
        }
    }
}
