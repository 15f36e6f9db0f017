package cn.chuangwei.calendar;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The deadline policy ({@code chuangwei.deadlines}): the hours of a working day, and the working days the process
 * steps of a phase and of a unit's task are given.
 *
 * @param dueHour Hour of the day (0–23) at which a deadline falls due; the end of office hours.
 * @param morningHour Hour of the day (0–23) at which reminders and daily checks run; the start of office hours.
 * @param reviewDays Working days the office has to review a unit's submitted task (and the least a phase's work is
 *                   given again after a gate held it).
 * @param gateDays Working days the leading group's members have to sign a phase's gate.
 * @param rectifyDays Working days the office has for its rectification step after a gate is held.
 * @param leaderDays Working days the leader has to decide on an escalated gate.
 */
@Validated
@ConfigurationProperties("chuangwei.deadlines")
public record DeadlineSettings(@NotNull @Min(0) @Max(23) Integer dueHour, @NotNull @Min(0) @Max(23) Integer morningHour,
                               @NotNull @Positive Integer reviewDays, @NotNull @Positive Integer gateDays,
                               @NotNull @Positive Integer rectifyDays, @NotNull @Positive Integer leaderDays) {

    /** Office hours run from the morning hour to the due hour (working hours are counted between them). */
    @AssertTrue(message = "morning-hour must be before due-hour")
    boolean isMorningBeforeDueHour() {
        return morningHour == null || dueHour == null || morningHour < dueHour;
    }
}
