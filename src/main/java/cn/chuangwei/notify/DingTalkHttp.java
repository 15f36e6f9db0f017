package cn.chuangwei.notify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * One call to DingTalk's servers (the server API and the custom robots' webhooks), plain HTTPS with JSON through Spring's
 * {@link RestClient}: what came back, or a {@link DeliveryFailure} to retry when nothing usable did (no connection, a
 * timeout, HTTP 5xx or 429, an answer that is not DingTalk's JSON). Then {@link #failure} turns an errcode into retry or
 * park by the caller's table of codes, with DingTalk's own words. A URL, which carries a token or a signature, never
 * appears in a reason or a log line; {@link #scrub} takes any secret out of DingTalk's words too.
 *
 * <p>The JDK's HTTP client, not {@code HttpURLConnection}: the latter silently sends a POST a second time when the
 * connection breaks before the answer, which would make one outbox message two notifications.
 */
@Component
class DingTalkHttp {

    /** DingTalk's answer: the HTTP status and the JSON body ({@link MissingNode} when it was not JSON). */
    record Answer(int status, JsonNode json) {

        boolean hasCode() {
            return json.path("errcode").isIntegralNumber();
        }

        int errcode() {
            return json.path("errcode").asInt();
        }

        String errmsg() {
            return json.path("errmsg").asText("");
        }
    }

    /** An errcode's fate: retry later (busy, flow control) or park (wrong address, set-up), and DingTalk's words. */
    record Code(boolean retry, String words) {

        static Code retry(String words) {
            return new Code(true, words);
        }

        static Code park(String words) {
            return new Code(false, words);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RestClient rest;

    DingTalkHttp(RestClient.Builder builder, DingTalkSettings settings) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(settings.readTimeout());
        this.rest = builder.requestFactory(factory).build();
    }

    /** GET {@code uri}; {@code what} names the call in a reason ("钉钉获取access_token"). */
    Answer get(URI uri, String what) throws DeliveryFailure {
        return exchange(rest.get().uri(uri).accept(MediaType.APPLICATION_JSON), what);
    }

    /** POST {@code body} as JSON to {@code uri}. */
    Answer post(URI uri, Map<String, ?> body, String what) throws DeliveryFailure {
        return exchange(rest.post().uri(uri).contentType(MediaType.APPLICATION_JSON).accept(MediaType.APPLICATION_JSON)
                .body(body), what);
    }

    private static Answer exchange(RestClient.RequestHeadersSpec<?> call, String what) throws DeliveryFailure {
        Answer answer;
        try {
            answer = call.exchange((request, response) ->
                    new Answer(response.getStatusCode().value(), parse(response.getBody().readAllBytes())));
        } catch (RestClientException e) {
            // the exception's own message names the URL, with its token: only the cause's kind goes into the reason
            throw DeliveryFailure.retry(what + "：" + transport(e));
        }
        if (answer.status() >= 500 || answer.status() == 429) {
            throw DeliveryFailure.retry(what + "：HTTP " + answer.status());
        }
        if (!answer.hasCode()) {
            if (answer.status() >= 400) {
                throw DeliveryFailure.park(what + "：HTTP " + answer.status());
            }
            throw DeliveryFailure.retry(what + "：HTTP " + answer.status() + "，应答不是钉钉的 JSON");
        }
        return answer;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode json = JSON.readTree(body);
            return json == null ? MissingNode.getInstance() : json;
        } catch (IOException e) {
            return MissingNode.getInstance();
        }
    }

    /** Why no answer came, without the URL: connection refused, timed out, unknown host, or the failure's kind. */
    private static String transport(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "连接被拒绝 (connection refused)";
            }
            if (t instanceof HttpConnectTimeoutException) {
                return "连接超时 (connect timed out)";
            }
            if (t instanceof HttpTimeoutException || t instanceof SocketTimeoutException) {
                return "应答超时 (timed out)";
            }
            if (t instanceof UnknownHostException) {
                return "域名无法解析 (unknown host)";
            }
            if (t.getCause() == null) {
                return "连接中断 (" + t.getClass().getSimpleName() + ")";
            }
        }
        return "连接中断";
    }

    /**
     * The failure an errcode other than 0 means by {@code table}: retry or park with DingTalk's own words (its errmsg,
     * else the table's); a code not in the table parks, naming it. {@code secrets} are taken out of the words.
     */
    static DeliveryFailure failure(Map<Integer, Code> table, String what, Answer answer, String... secrets) {
        int errcode = answer.errcode();
        Code code = table.get(errcode);
        String said = scrub(answer.errmsg(), secrets);
        if (code == null) {
            return DeliveryFailure.park(what + "：errcode " + errcode + "（未识别的错误码）" + (said.isBlank() ? "" : " " + said));
        }
        String reason = what + "：errcode " + errcode + " " + code.words()
                + (said.isBlank() || said.equals(code.words()) ? "" : "（" + said + "）");
        return code.retry() ? DeliveryFailure.retry(reason) : DeliveryFailure.park(reason);
    }

    /** {@code text} with every non-empty secret replaced by {@code ***}, and cut to 500 characters. */
    static String scrub(String text, String... secrets) {
        String s = text == null ? "" : text;
        for (String secret : secrets) {
            if (secret != null && !secret.isEmpty()) {
                s = s.replace(secret, "***");
            }
        }
        return s.length() > 500 ? s.substring(0, 500) : s;
    }

    /** A markdown message: the subject as its title and heading, the text's lines kept as lines. */
    static Map<String, Object> markdown(String subject, String body) {
        String title = subject == null || subject.isBlank() ? "通知" : subject;
        String text = "#### " + title + "\n\n" + (body == null ? "" : body.replace("\r\n", "\n").replace("\n", "  \n"));
        return Map.of("msgtype", "markdown", "markdown", Map.of("title", title, "text", text));
    }
}
