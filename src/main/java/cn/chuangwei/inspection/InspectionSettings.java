package cn.chuangwei.inspection;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The time limits of a round of self-inspection (自查, {@code chuangwei.inspection}).
 *
 * @param days Working days the units have to complete a round of self-inspection.
 * @param rectifyDays Working days a unit has for a rectification task (整改任务) of an item or indicator the round
 *                    failed.
 */
@Validated
@ConfigurationProperties("chuangwei.inspection")
record InspectionSettings(@NotNull @Positive Integer days, @NotNull @Positive Integer rectifyDays) {
}
