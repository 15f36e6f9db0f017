package cn.chuangwei.acceptance;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The acceptance (验收) and the monthly spot checks after it ({@code chuangwei.acceptance}).
 *
 * @param spotCheckItems Items of the standard a monthly spot check looks at.
 * @param rectifyDays Working days a unit has for a rectification task of a problem the external inspection found.
 * @param noticeDays Working days the office has for the public notice and naming (公示与命名).
 */
@Validated
@ConfigurationProperties("chuangwei.acceptance")
record AcceptanceSettings(@NotNull @Positive Integer spotCheckItems, @NotNull @Positive Integer rectifyDays,
                          @NotNull @Positive Integer noticeDays) {
}
