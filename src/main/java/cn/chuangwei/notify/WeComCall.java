package cn.chuangwei.notify;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpClient;
import java.util.function.Supplier;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * One HTTPS call to WeCom (the application API or a group robot's webhook) and what its failures mean for a message:
 * WeCom unreachable, too slow, or answering 5xx or 429 is tried again later; any other HTTP error parks. The reason
 * never quotes an exception's message that may carry the request's address (its query holds the Secret, the token or
 * the robot's key), only the cause's type and its own words.
 */
final class WeComCall {

    private WeComCall() {
    }

    /** A client with the settings' timeouts (HTTP/1.1: WeCom's API and the tests' server speak it). */
    static RestClient client(RestClient.Builder builder, WeComSettings settings) {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(settings.connectTimeout()).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(http);
        factory.setReadTimeout(settings.readTimeout());
        return builder.clone().requestFactory(factory).build();
    }

    /**
     * Makes the call and returns WeCom's answer, which has an {@code errcode} (0 or not: the caller reads it).
     *
     * @param what what is asked, for the reason ({@code message to zhangsan})
     */
    static JsonNode run(String what, Supplier<JsonNode> call) throws DeliveryFailure {
        JsonNode answer;
        try {
            answer = call.get();
        } catch (RestClientResponseException e) {
            int status = e.getStatusCode().value();
            String reason = "WeCom HTTP " + status + " (" + what + ")";
            throw status >= 500 || status == 429 ? DeliveryFailure.retry(reason) : DeliveryFailure.park(reason);
        } catch (ResourceAccessException e) {
            throw DeliveryFailure.retry("WeCom not reachable (" + what + "): " + cause(e));
        } catch (RestClientException e) {
            throw DeliveryFailure.retry("WeCom's answer unreadable (" + what + "): " + cause(e));
        }
        if (answer == null || !answer.path("errcode").isIntegralNumber()) {
            throw DeliveryFailure.retry("WeCom's answer has no errcode (" + what + ")");
        }
        return answer;
    }

    /** The innermost cause's type and message (a connection refused, a timeout), never the outer message's URL. */
    private static String cause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == e) {
            return e.getClass().getSimpleName();
        }
        String message = root.getMessage();
        return root.getClass().getSimpleName() + (message == null || message.contains("?") ? "" : ": " + message);
    }
}
