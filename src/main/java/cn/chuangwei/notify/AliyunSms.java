package cn.chuangwei.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Aliyun SMS (阿里云短信服务): the Dysmsapi {@code SendSms} call of API version 2017-05-25, RPC style, signed with
 * Aliyun's signature version 1.0 (HMAC-SHA1 over the sorted, percent-encoded parameters; key = AccessKeySecret + "&").
 * A plain HTTPS POST through Spring's {@link RestClient}: Aliyun's Tea SDK would bring a large dependency tree for one
 * call. The parameters go in the form body, so that neither the number nor the signature lands in a proxy's access log.
 * What Aliyun answers is mapped in {@link #CODES}: busy or down is tried again, a refusal is parked with Aliyun's code
 * and words. The AccessKey secret and the signature are never logged and never part of a reason.
 */
@Component
class AliyunSms implements SmsGateway {

    private static final Logger LOG = LoggerFactory.getLogger(AliyunSms.class);
    static final String NAME = "aliyun";
    static final String VERSION = "2017-05-25";
    private static final String WHO = "阿里云短信";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What becomes of a message Aliyun answered with a code: tried again later, or parked. */
    record Verdict(boolean retry, String words) {
    }

    /**
     * Aliyun's codes (Code of the answer) with Aliyun's own words (国内消息API错误码 and the common OpenAPI errors):
     * busy, throttled or down is tried again; a refused number, template, signature, key, permission or balance is
     * parked for a person to look at. A code not in here is parked with the code itself.
     */
    static final Map<String, Verdict> CODES = Map.ofEntries(
            Map.entry("isv.BUSINESS_LIMIT_CONTROL", new Verdict(true, "业务限流")),
            Map.entry("Throttling.User", new Verdict(true, "用户流控")),
            Map.entry("Throttling", new Verdict(true, "流控")),
            Map.entry("isp.SYSTEM_ERROR", new Verdict(true, "系统错误")),
            Map.entry("isp.GATEWAY_ERROR", new Verdict(true, "网关错误")),
            Map.entry("ServiceUnavailable", new Verdict(true, "服务暂不可用")),
            Map.entry("InternalError", new Verdict(true, "服务内部错误")),
            Map.entry("SignatureNonceUsed", new Verdict(true, "签名随机数已被使用")),
            Map.entry("isv.MOBILE_NUMBER_ILLEGAL", new Verdict(false, "非法手机号")),
            Map.entry("isv.MOBILE_COUNT_OVER_LIMIT", new Verdict(false, "手机号码数量超过限制")),
            Map.entry("isv.SMS_TEMPLATE_ILLEGAL", new Verdict(false, "短信模板不合法")),
            Map.entry("isv.SMS_SIGNATURE_ILLEGAL", new Verdict(false, "短信签名不合法")),
            Map.entry("isv.SMS_SIGNATURE_SCENE_ILLEGAL", new Verdict(false, "签名和模板类型不一致")),
            Map.entry("isv.SIGN_STATE_ILLEGAL", new Verdict(false, "签名状态为“不可用”")),
            Map.entry("isv.SMS_SIGN_ILLEGAL", new Verdict(false, "签名禁止使用")),
            Map.entry("isv.TEMPLATE_MISSING_PARAMETERS", new Verdict(false, "模板缺少变量")),
            Map.entry("isv.TEMPLATE_PARAMS_ILLEGAL", new Verdict(false, "模板变量里包含非法关键字")),
            Map.entry("isv.INVALID_JSON_PARAM", new Verdict(false, "JSON参数不合法，只接受字符串值")),
            Map.entry("isv.PARAM_LENGTH_LIMIT", new Verdict(false, "参数超出长度限制")),
            Map.entry("isv.INVALID_PARAMETERS", new Verdict(false, "参数异常")),
            Map.entry("isv.SMS_CONTENT_ILLEGAL", new Verdict(false, "短信内容包含禁止发送内容")),
            Map.entry("isv.BLACK_KEY_CONTROL_LIMIT", new Verdict(false, "黑名单管控")),
            Map.entry("isv.DAY_LIMIT_CONTROL", new Verdict(false, "触发日发送限额")),
            Map.entry("isv.MONTH_LIMIT_CONTROL", new Verdict(false, "触发月发送限额")),
            Map.entry("isv.AMOUNT_NOT_ENOUGH", new Verdict(false, "账户余额不足")),
            Map.entry("isv.OUT_OF_SERVICE", new Verdict(false, "业务停机")),
            Map.entry("isv.PRODUCT_UN_SUBSCRIPT", new Verdict(false, "未开通云通信产品的阿里云客户")),
            Map.entry("isv.PRODUCT_UNSUBSCRIBE", new Verdict(false, "产品未开通")),
            Map.entry("isv.ACCOUNT_NOT_EXISTS", new Verdict(false, "账户不存在")),
            Map.entry("isv.ACCOUNT_ABNORMAL", new Verdict(false, "账户异常")),
            Map.entry("isv.DENY_IP_RANGE", new Verdict(false, "IP地址所在的地区被禁用")),
            Map.entry("isp.RAM_PERMISSION_DENY", new Verdict(false, "RAM权限不足")),
            Map.entry("SignatureDoesNotMatch", new Verdict(false, "签名不匹配")),
            Map.entry("InvalidAccessKeyId.NotFound", new Verdict(false, "AccessKeyId不存在")),
            Map.entry("InvalidAccessKeyId.Inactive", new Verdict(false, "AccessKeyId已禁用")),
            Map.entry("InvalidTimeStamp.Expired", new Verdict(false, "时间戳已过期（本机时间不准）")),
            Map.entry("MissingParameter", new Verdict(false, "缺少参数")),
            Map.entry("Forbidden.RAM", new Verdict(false, "RAM用户无权调用")));

    private final SmsSettings.Aliyun settings;
    private final RestClient http;
    private final Clock clock;

    AliyunSms(SmsSettings settings, RestClient.Builder builder, Clock clock) {
        this.settings = settings.aliyun();
        this.clock = clock;
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build());
        requests.setReadTimeout(settings.readTimeout());
        String endpoint = this.settings.endpoint().replaceAll("/+$", "");
        this.http = builder.clone().baseUrl(endpoint).requestFactory(requests).build();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean ready() {
        return !settings.accessKeyId().isBlank() && !settings.accessKeySecret().isBlank()
                && !settings.signName().isBlank();
    }

    @Override
    public int maxParamLength() {
        return settings.paramLimit();
    }

    @Override
    public void send(String phone, String templateCode, Map<String, String> params) throws DeliveryFailure {
        SortedMap<String, String> query = new TreeMap<>();
        query.put("AccessKeyId", settings.accessKeyId());
        query.put("Action", "SendSms");
        query.put("Format", "JSON");
        query.put("PhoneNumbers", phone);
        query.put("RegionId", settings.regionId());
        query.put("SignName", settings.signName());
        query.put("SignatureMethod", "HMAC-SHA1");
        query.put("SignatureNonce", UUID.randomUUID().toString());
        query.put("SignatureVersion", "1.0");
        query.put("TemplateCode", templateCode);
        query.put("TemplateParam", json(params));
        query.put("Timestamp", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
        query.put("Version", VERSION);
        String signature = sign("POST", query, settings.accessKeySecret());
        String body = canonical(query) + "&Signature=" + percentEncode(signature);
        Answer answer;
        try {
            answer = http.post().uri("/").contentType(MediaType.APPLICATION_FORM_URLENCODED).body(body)
                    .exchange((request, response) -> new Answer(response.getStatusCode().value(),
                            new String(response.getBody().readAllBytes(), StandardCharsets.UTF_8)));
        } catch (RestClientException e) {
            throw DeliveryFailure.retry(WHO + " not reached: " + cause(e));
        }
        judge(answer, signature, templateCode, phone);
    }

    /** What Aliyun answered: the HTTP status and the body. */
    record Answer(int status, String body) {
    }

    private void judge(Answer answer, String signature, String templateCode, String phone) throws DeliveryFailure {
        JsonNode json = parse(answer.body());
        String code = json == null ? "" : json.path("Code").asText("");
        String requestId = json == null ? "" : json.path("RequestId").asText("");
        if ("OK".equals(code) && answer.status() < 300) {
            LOG.info("SMS to {} accepted by {} (template {}, BizId {}, RequestId {})", masked(phone), WHO, templateCode,
                    json.path("BizId").asText(""), requestId);
            return;
        }
        if (code.isEmpty()) {
            String reason = WHO + " answered HTTP " + answer.status() + " without a code";
            if (answer.status() >= 500 || answer.status() == 429) {
                throw DeliveryFailure.retry(reason);
            }
            throw DeliveryFailure.park(reason);
        }
        Verdict verdict = CODES.get(code);
        String message = clean(json.path("Message").asText(""), signature);
        StringBuilder reason = new StringBuilder(WHO).append(' ').append(code).append(": ")
                .append(verdict == null ? "unknown code" : verdict.words());
        if (!message.isEmpty() && (verdict == null || !message.equals(verdict.words()))) {
            reason.append(" (").append(message).append(')');
        }
        if (!requestId.isEmpty()) {
            reason.append(", RequestId ").append(requestId);
        }
        if (verdict != null ? verdict.retry() : answer.status() >= 500) {
            throw DeliveryFailure.retry(reason.toString());
        }
        throw DeliveryFailure.park(reason.toString());
    }

    /**
     * Aliyun's signature version 1.0 of a request: Base64(HMAC-SHA1(secret + "&", METHOD + "&" + percentEncode("/") +
     * "&" + percentEncode(canonicalized query))), over every parameter but Signature itself.
     */
    static String sign(String method, SortedMap<String, String> query, String secret) {
        String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonical(query));
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 not available", e);
        }
    }

    /** The parameters sorted by name, each name and value percent-encoded, joined as name=value with "&". */
    static String canonical(SortedMap<String, String> query) {
        return query.entrySet().stream().map(e -> percentEncode(e.getKey()) + "=" + percentEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    /**
     * Aliyun's percent-encoding: UTF-8, only A–Z a–z 0–9 - _ . ~ left as they are, a space as %20 (not +), * as %2A.
     */
    static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static String json(Map<String, String> params) {
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Aliyun's message, without anything secret (a signature mismatch may echo what was sent), kept short. */
    private String clean(String message, String signature) {
        String m = message.replace(signature, "***");
        if (!settings.accessKeySecret().isEmpty()) {
            m = m.replace(settings.accessKeySecret(), "***");
        }
        m = m.replaceAll("\\s+", " ").trim();
        return m.length() > 200 ? m.substring(0, 200) + "…" : m;
    }

    /** Why the provider was not reached, in a few words (never the request, which holds the signature). */
    private static String cause(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof HttpTimeoutException || t instanceof InterruptedIOException) {
                return "timed out";
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    /** A mobile number as a log shows it: 138****0000. */
    static String masked(String phone) {
        return phone.length() == 11 ? phone.substring(0, 3) + "****" + phone.substring(7) : "***";
    }
}
