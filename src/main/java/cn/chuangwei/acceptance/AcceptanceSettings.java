package cn.chuangwei.acceptance;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The acceptance (验收), the re-review (复审) and the monthly spot checks after it ({@code chuangwei.acceptance}). The
 * working days below are local practice (no published source gives them): an office sets its own.
 *
 * @param spotCheckItems Items of the standard a monthly spot check looks at.
 * @param rectifyDays Working days for the rectification of a problem an on-site review found, when the reviewing
 *     authority sets no deadline of its own (local practice: the rules leave the deadline to each case).
 * @param noticeDays Working days the office had for the old one-step public notice and naming (versions before issue 16).
 * @param stepDays Working days each step of acceptance.bpmn and maintenance.bpmn has, by its task's id.
 * @param nationalCycleFirstYear The first year of a national three-year review cycle (cycles follow every three years).
 * @param windowEndMonth The month by whose end a national application is submitted in the cycle's first year.
 */
@Validated
@ConfigurationProperties("chuangwei.acceptance")
record AcceptanceSettings(@NotNull @Positive Integer spotCheckItems, @NotNull @Positive Integer rectifyDays,
                          @NotNull @Positive Integer noticeDays, @NotNull Map<String, @Positive Integer> stepDays,
                          @NotNull @Min(2000) Integer nationalCycleFirstYear,
                          @NotNull @Min(1) @Max(12) Integer windowEndMonth) {

    /** Working days a step has; a step not configured has the rectification's default. */
    int days(String stepId) {
        return stepDays.getOrDefault(stepId, rectifyDays);
    }
}
