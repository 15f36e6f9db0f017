package cn.chuangwei.notify;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How people are notified ({@code chuangwei.notify}), beside the channels' own settings.
 *
 * @param reminders   DIGEST: reminders and escalations below 通报 wait for the person's daily digest; IMMEDIATE: each
 *                    goes at once. A person may choose otherwise for themselves.
 * @param digestAt    The time of day (Beijing time, HH:mm) at which the daily digests go out.
 * @param quietStart  When the installation's quiet hours begin (HH:mm, Beijing time): no SMS below 约谈 until they end.
 * @param quietEnd    When the quiet hours end (HH:mm, Beijing time); a held SMS goes out then.
 * @param digestPollMillis Milliseconds between two looks at whether digests are due.
 */
@Validated
@ConfigurationProperties("chuangwei.notify")
record NotifySettings(@NotNull Reminders reminders, @NotBlank @Pattern(regexp = HH_MM) String digestAt,
                      @NotBlank @Pattern(regexp = HH_MM) String quietStart, @NotBlank @Pattern(regexp = HH_MM) String quietEnd,
                      @NotNull @Positive Long digestPollMillis) {

    static final String HH_MM = "([01]\\d|2[0-3]):[0-5]\\d";

    /** Whether reminders wait for the daily digest or go at once. */
    enum Reminders {
        DIGEST, IMMEDIATE
    }

    LocalTime digestTime() {
        return LocalTime.parse(digestAt);
    }
}
