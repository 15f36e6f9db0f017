package cn.chuangwei.supervision;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The supervision's traffic lights ({@code chuangwei.supervision}).
 *
 * @param yellowShare Share of a task's time limit (above 0, at most 1) from which its colour turns yellow; red once
 *                    overdue.
 */
@Validated
@ConfigurationProperties("chuangwei.supervision")
record SupervisionSettings(@NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1") Double yellowShare) {
}
