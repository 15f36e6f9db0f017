package cn.chuangwei.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * WeCom (企业微信) application messages to a person: a text message from the self-built application (自建应用) to the
 * person's WeCom userid. The access token (gettoken with CorpID and Secret) is fetched once and kept until shortly
 * before it expires; when WeCom refuses it anyway (40014, 42001, 40001) it is dropped, fetched again and the message
 * sent once more. WeCom drops a repeat of the same content to the same person within half an hour
 * (enable_duplicate_check), so a message retried after an unclear failure does not arrive twice.
 */
@Component
class WeComSender implements ChannelSender {

    private static final Logger LOG = LoggerFactory.getLogger(WeComSender.class);
    /** WeCom's limit for a text message's content, in UTF-8 bytes. */
    static final int MAX_BYTES = 2048;
    /** Seconds within which WeCom drops the same content sent again to the same person. */
    static final int DUPLICATE_CHECK_SECONDS = 1800;

    private final WeComSettings settings;
    private final RestClient http;
    private final AccessTokens tokens;
    private final String base;

    WeComSender(WeComSettings settings, RestClient.Builder builder, Clock clock) {
        this.settings = settings;
        this.http = WeComCall.client(builder, settings);
        this.base = settings.baseUrl().replaceAll("/+$", "");
        this.tokens = new AccessTokens(clock, this::fetchToken);
    }

    @Override
    public Channel channel() {
        return Channel.WECOM;
    }

    @Override
    public boolean ready() {
        return settings.ready();
    }

    @Override
    public void send(OutboxMessage message) throws DeliveryFailure {
        if (!ready()) {
            throw DeliveryFailure.retry("WeCom is not set up (chuangwei.wecom: corp-id, corp-secret, agent-id)");
        }
        String user = message.address() == null ? "" : message.address().strip();
        if (user.isEmpty()) {
            throw DeliveryFailure.park("WeCom: no userid for the person");
        }
        String what = "message to " + user;
        Map<String, Object> body = Map.of("touser", user, "msgtype", "text",
                "agentid", Long.parseLong(settings.agentId()),
                "text", Map.of("content", Utf8.cut(message.subject() + "\n\n" + message.body(), MAX_BYTES)),
                "enable_duplicate_check", 1, "duplicate_check_interval", DUPLICATE_CHECK_SECONDS);
        String token = tokens.get();
        JsonNode answer = post(what, token, body);
        int code = answer.get("errcode").asInt();
        if (WeComCodes.action(code) == WeComCodes.Action.RENEW_TOKEN) {
            LOG.info("WeCom refused the access token ({}); fetching a new one", code);
            tokens.drop(token);
            answer = post(what, tokens.get(), body);
            code = answer.get("errcode").asInt();
        }
        if (code != 0) {
            throw WeComCodes.failure(what, code, answer.path("errmsg").asText(""));
        }
        if (!answer.path("invaliduser").asText("").isBlank()) {
            throw DeliveryFailure.park("WeCom: userid " + user + " unknown to the application (invaliduser)");
        }
        if (!answer.path("unlicenseduser").asText("").isBlank()) {
            throw DeliveryFailure.park("WeCom: userid " + user + " has no licence for the application (unlicenseduser)");
        }
    }

    private JsonNode post(String what, String token, Map<String, Object> body) throws DeliveryFailure {
        return WeComCall.run(what, () -> http.post()
                .uri(base + "/cgi-bin/message/send?access_token={token}", token)
                .contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().body(JsonNode.class));
    }

    private AccessTokens.Token fetchToken() throws DeliveryFailure {
        JsonNode answer = WeComCall.run("access token", () -> http.get()
                .uri(base + "/cgi-bin/gettoken?corpid={corpId}&corpsecret={secret}", settings.corpId(),
                        settings.corpSecret())
                .retrieve().body(JsonNode.class));
        int code = answer.get("errcode").asInt();
        if (code != 0) {
            throw WeComCodes.action(code) == WeComCodes.Action.RETRY
                    ? WeComCodes.failure("access token", code, answer.path("errmsg").asText(""))
                    : WeComCodes.credentialsRefused(code, answer.path("errmsg").asText(""));
        }
        String token = answer.path("access_token").asText("");
        long seconds = answer.path("expires_in").asLong(0);
        if (token.isBlank() || seconds <= 0) {
            throw DeliveryFailure.retry("WeCom gave no access token (access token)");
        }
        LOG.info("WeCom access token fetched, valid for {} s", seconds);
        return new AccessTokens.Token(token, Duration.ofSeconds(seconds));
    }

    /** How many times this node fetched an access token (tests, the delivery page). */
    int tokensFetched() {
        return tokens.fetched();
    }
}
