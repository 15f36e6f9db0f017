package cn.chuangwei.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * DingTalk (钉钉, {@code chuangwei.dingtalk}): the internal application (企业内部应用) that sends work notifications
 * (工作通知) to a person, and the timeouts of every call to DingTalk, the custom robots' (自定义机器人) included. The
 * robots themselves are rows of {@code group_robot}, set by the office; they need nothing here.
 *
 * @param baseUrl DingTalk's server API (旧版服务端API); tests point it at a local server.
 * @param appKey The internal application's AppKey (开发者后台 → 应用开发 → 企业内部应用 → 凭证与基础信息); empty: work
 *               notifications are not set up.
 * @param appSecret The internal application's AppSecret; a secret, from the environment, never logged.
 * @param agentId The internal application's AgentId (digits).
 * @param connectTimeout How long a connection to DingTalk may take before the message is tried again later.
 * @param readTimeout How long DingTalk may take to answer before the message is tried again later.
 */
@Validated
@ConfigurationProperties("chuangwei.dingtalk")
record DingTalkSettings(@NotBlank String baseUrl, String appKey, String appSecret,
                        @Pattern(regexp = "\\d*", message = "must be DingTalk's AgentId, digits only") String agentId,
                        @NotNull Duration connectTimeout, @NotNull Duration readTimeout) {

    /** Whether work notifications can be sent: the application's AppKey, AppSecret and AgentId are all set. */
    boolean ready() {
        return set(appKey) && set(appSecret) && set(agentId);
    }

    private static boolean set(String s) {
        return s != null && !s.isBlank();
    }

    /** Never the secret (a record prints every component). */
    @Override
    public String toString() {
        return "DingTalkSettings[baseUrl=" + baseUrl + ", appKey=" + appKey + ", appSecret="
                + (set(appSecret) ? "(set)" : "(empty)") + ", agentId=" + agentId + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
