package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.WorkCalendar;
import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import java.time.YearMonth;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Plans the acceptance once, as it starts: the path and the authorities the campaign's level selects
 * ({@link AcceptanceAuthorities}), who acts for each, and for a national application the submission window of the
 * three-year cycle: the moment it opens ({@code submitOpensAt}, now when it is open) and its last working day, which caps
 * the application's due date ({@code submitApplicationCap}).
 */
@Component
class PlanAcceptanceDelegate implements JavaDelegate {

    private final AcceptanceAuthorities authorities;
    private final DueDates dueDates;
    private final AcceptanceSettings settings;

    PlanAcceptanceDelegate(AcceptanceAuthorities authorities, DueDates dueDates, AcceptanceSettings settings) {
        this.authorities = authorities;
        this.dueDates = dueDates;
        this.settings = settings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        AcceptanceRoute r = authorities.route(TaskVariables.campaignId(execution));
        execution.setVariable("acceptancePath", r.path());
        execution.setVariable("preliminaryLevel", r.preliminaryLevel());
        execution.setVariable("reviewLevel", r.reviewLevel());
        execution.setVariable("noticeDays", r.noticeDays());
        execution.setVariable("submissionWindow", r.submissionWindow());
        execution.setVariable("preliminaryOffice", r.preliminaryOffice());
        execution.setVariable("reviewOffice", r.reviewOffice());
        execution.setVariable("preliminaryAuthority", r.preliminaryAuthority());
        execution.setVariable("reviewAuthority", r.reviewAuthority());
        execution.setVariable("failedAttempts", 0);
        LocalDate today = dueDates.today();
        int first = settings.nationalCycleFirstYear();
        int cycleStart = today.getYear() < first ? first : first + (today.getYear() - first) / 3 * 3;
        LocalDate windowEnd = lastWorkingDay(YearMonth.of(cycleStart, settings.windowEndMonth()).atEndOfMonth());
        if (today.getYear() < first || !dueDates.isPast(windowEnd)) {
            execution.setVariable("submitOpensAt", dueDates.morningOf(firstWorkingDay(LocalDate.of(cycleStart, 1, 1))));
        } else {
            cycleStart += 3;
            windowEnd = lastWorkingDay(YearMonth.of(cycleStart, settings.windowEndMonth()).atEndOfMonth());
            execution.setVariable("submitOpensAt", dueDates.morningOf(firstWorkingDay(LocalDate.of(cycleStart, 1, 1))));
        }
        if (r.submissionWindow()) {
            execution.setVariable("submitApplicationCap", dueDates.dueOn(windowEnd));
        }
    }

    private LocalDate firstWorkingDay(LocalDate day) {
        WorkCalendar calendar = dueDates.calendar();
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = d.plusDays(1);
        }
        return d;
    }

    private LocalDate lastWorkingDay(LocalDate day) {
        WorkCalendar calendar = dueDates.calendar();
        LocalDate d = day;
        while (!calendar.isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }
}
