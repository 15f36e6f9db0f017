package cn.chuangwei.notify;

import cn.chuangwei.notify.DingTalkHttp.Answer;
import cn.chuangwei.notify.DingTalkHttp.Code;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * DingTalk work notifications (钉钉工作通知) to a person from the internal application (企业内部应用): the address is the
 * person's DingTalk userid. The application's access_token ({@code GET /gettoken}, 7200 s) is fetched once and kept by
 * {@link AccessTokens}, renewed before it expires; when DingTalk calls it invalid or expired it is dropped, fetched once
 * more and the message sent again in the same attempt. The message goes by
 * {@code POST /topapi/message/corpconversation/asyncsend_v2} as markdown. DingTalk's errcodes are mapped to retry or
 * park in {@link #CODES}.
 *
 * <p>asyncsend_v2 accepts a message for delivery and answers with a task_id; a userid DingTalk cannot reach at all is
 * refused at once (the codes below), while per-recipient results (read, flow-controlled) are not fetched.
 */
@Component
class DingTalkSender implements ChannelSender {

    private static final String WHAT = "钉钉工作通知";
    private static final String TOKEN = "钉钉获取access_token";

    /** DingTalk's errcodes for gettoken and asyncsend_v2: retry later or park, with DingTalk's words. */
    static final Map<Integer, Code> CODES = Map.ofEntries(
            Map.entry(-1, Code.retry("系统繁忙")),
            Map.entry(90018, Code.retry("接口调用被限流（请求过于频繁）")),
            Map.entry(90006, Code.retry("接口调用超过频率限制")),
            Map.entry(143103, Code.retry("工作通知发送超过限制（流控）")),
            Map.entry(40014, Code.retry("不合法的access_token")),
            Map.entry(42001, Code.retry("access_token超时")),
            Map.entry(88, Code.park("鉴权异常")),
            Map.entry(33012, Code.park("无效的USERID")),
            Map.entry(40103, Code.park("无效的userid")),
            Map.entry(60121, Code.park("找不到该用户")),
            Map.entry(40035, Code.park("不合法的参数")),
            Map.entry(60020, Code.park("访问ip不在白名单之中")),
            Map.entry(40089, Code.park("不合法的corpid或corpsecret（AppKey或AppSecret不正确）")));

    private final DingTalkHttp http;
    private final DingTalkSettings settings;
    private final AccessTokens tokens;

    DingTalkSender(DingTalkHttp http, DingTalkSettings settings, Clock clock) {
        this.http = http;
        this.settings = settings;
        this.tokens = new AccessTokens(clock, this::fetchToken);
    }

    @Override
    public Channel channel() {
        return Channel.DINGTALK;
    }

    @Override
    public boolean ready() {
        return settings.ready();
    }

    /** How many access tokens this node fetched (tests, the delivery page's health line). */
    int tokensFetched() {
        return tokens.fetched();
    }

    @Override
    public void send(OutboxMessage message) throws DeliveryFailure {
        if (!ready()) {
            throw DeliveryFailure.retry(WHAT + "：未配置（AppKey、AppSecret、AgentId）");
        }
        String userid = message.address() == null ? "" : message.address().strip();
        if (userid.isEmpty() || userid.contains(",") || userid.length() > 64) {
            throw DeliveryFailure.park(WHAT + "：收件人不是一个钉钉userid");
        }
        Map<String, Object> body = Map.of("agent_id", Long.parseLong(settings.agentId()), "userid_list", userid,
                "msg", DingTalkHttp.markdown(message.subject(), message.body()));
        String token = tokens.get();
        Answer answer = http.post(send(token), body, WHAT);
        if (tokenRefused(answer)) {
            tokens.drop(token);
            token = tokens.get();
            answer = http.post(send(token), body, WHAT);
            if (tokenRefused(answer)) {
                tokens.drop(token);
                throw DeliveryFailure.retry(WHAT + "：新取得的access_token也被拒绝（errcode " + answer.errcode() + "）");
            }
        }
        if (answer.errcode() != 0) {
            throw DingTalkHttp.failure(CODES, WHAT, answer, token, settings.appSecret());
        }
    }

    private URI send(String token) {
        return UriComponentsBuilder.fromUriString(settings.baseUrl())
                .path("/topapi/message/corpconversation/asyncsend_v2").queryParam("access_token", "{t}")
                .encode().buildAndExpand(token).toUri();
    }

    /** An invalid or expired token: 40014, 42001, or 88 (鉴权异常) with sub_code 40014 or 42001. */
    private static boolean tokenRefused(Answer answer) {
        int code = answer.errcode();
        String sub = answer.json().path("sub_code").asText("");
        return code == 40014 || code == 42001 || code == 88 && (sub.equals("40014") || sub.equals("42001"));
    }

    private AccessTokens.Token fetchToken() throws DeliveryFailure {
        URI uri = UriComponentsBuilder.fromUriString(settings.baseUrl()).path("/gettoken")
                .queryParam("appkey", "{k}").queryParam("appsecret", "{s}")
                .encode().buildAndExpand(settings.appKey(), settings.appSecret()).toUri();
        Answer answer = http.get(uri, TOKEN);
        if (answer.errcode() != 0) {
            throw DingTalkHttp.failure(CODES, TOKEN, answer, settings.appSecret());
        }
        String token = answer.json().path("access_token").asText("");
        if (token.isBlank()) {
            throw DeliveryFailure.retry(TOKEN + "：应答中没有access_token");
        }
        long seconds = answer.json().path("expires_in").asLong(7200);
        return new AccessTokens.Token(token, Duration.ofSeconds(seconds > 0 ? seconds : 7200));
    }
}
