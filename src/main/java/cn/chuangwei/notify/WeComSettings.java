package cn.chuangwei.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * WeCom (企业微信) application messages to a person ({@code chuangwei.wecom}): the self-built application (自建应用) that
 * sends them. The group robots need none of this; their webhooks are set per group in the browser.
 *
 * @param baseUrl WeCom's API address; another one only for a private deployment (私有化部署) or a test server.
 * @param corpId The organisation's CorpID (企业ID), from the admin console's 我的企业 → 企业信息.
 * @param corpSecret The self-built application's Secret, from 应用管理 → the application; from the environment, never
 *                   in a file.
 * @param agentId The self-built application's AgentId, from 应用管理 → the application.
 * @param connectTimeout How long a connection to WeCom may take before the message is tried again later.
 * @param readTimeout How long WeCom may take to answer before the message is tried again later.
 */
@Validated
@ConfigurationProperties("chuangwei.wecom")
record WeComSettings(@NotBlank @Pattern(regexp = "https?://[^?#]+") String baseUrl, String corpId, String corpSecret,
                     @Pattern(regexp = "\\d{0,18}") String agentId, @NotNull Duration connectTimeout,
                     @NotNull Duration readTimeout) {

    /** Whether the application is set up: without its CorpID, Secret and AgentId WeCom messages wait. */
    boolean ready() {
        return present(corpId) && present(corpSecret) && present(agentId);
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }

    /** The settings without the Secret (a record prints every component, and settings end up in logs). */
    @Override
    public String toString() {
        return "WeComSettings[baseUrl=" + baseUrl + ", corpId=" + corpId + ", corpSecret="
                + (present(corpSecret) ? "(set)" : "(empty)") + ", agentId=" + agentId + ", connectTimeout="
                + connectTimeout + ", readTimeout=" + readTimeout + "]";
    }
}
