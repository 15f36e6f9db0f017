package cn.chuangwei.notify;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * SMS ({@code chuangwei.sms}): which provider sends it, the provider's keys, and for each kind of notice the provider's
 * template that carries it.
 *
 * @param provider       The SMS provider: none (SMS is not set up; SMS messages wait and are not offered) or aliyun.
 * @param connectTimeout How long a connection to the provider may take before the message is tried again later.
 * @param readTimeout    How long the provider may take to answer before the message is tried again later.
 * @param aliyun         Aliyun SMS (阿里云短信服务, Dysmsapi).
 * @param templates      For each kind of notice (TASK_ASSIGNED, REMINDER, ESCALATION, CASE_ESCALATION, CIRCULAR_ISSUED,
 *                       STEP_OVERDUE, DIGEST): the provider's template code and its parameters; a kind without one is not
 *                       sent by SMS (parked, and falls back to mail).
 */
@Validated
@ConfigurationProperties("chuangwei.sms")
record SmsSettings(@NotBlank String provider, @NotNull Duration connectTimeout, @NotNull Duration readTimeout,
                   @Valid @NotNull Aliyun aliyun, @Valid @NotNull Map<String, Template> templates) {

    /**
     * Aliyun SMS (阿里云短信服务, Dysmsapi API version 2017-05-25).
     *
     * @param endpoint        The service's address; tests point it at a local server.
     * @param accessKeyId     The AccessKey ID of a RAM user allowed to send SMS (AliyunDysmsFullAccess).
     * @param accessKeySecret The AccessKey secret of that RAM user; never logged.
     * @param signName        The approved SMS signature (短信签名) the messages go out under, as the console shows it.
     * @param regionId        The region the request names (cn-hangzhou for the mainland service).
     * @param paramLimit      Characters one template variable may hold (Aliyun's default is 35); longer values are cut.
     */
    record Aliyun(@NotBlank String endpoint, @NotNull String accessKeyId, @NotNull String accessKeySecret,
                  @NotNull String signName, @NotBlank String regionId, @NotNull @Positive Integer paramLimit) {

        @Override
        public String toString() {
            // the secret never reaches a log, even when the settings are printed
            return "Aliyun[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + ", signName=" + signName
                    + ", regionId=" + regionId + ", paramLimit=" + paramLimit + "]";
        }
    }

    /**
     * A provider's template for one kind of notice.
     *
     * @param code   The provider's code of the approved template (Aliyun: SMS_ followed by digits).
     * @param params For each variable of the provider's template (its ${name}), the value of ours it shows.
     */
    record Template(@NotBlank String code, @NotNull Map<String, String> params) {
    }
}
