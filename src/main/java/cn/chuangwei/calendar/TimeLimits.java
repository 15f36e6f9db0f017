package cn.chuangwei.calendar;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.WorkCalendar;
import java.time.LocalDate;
import org.springframework.stereotype.Component;

/**
 * How far a task has come through its time limit, in working days: whether its deadline has passed, how many working
 * days overdue it is, and the share of the limit used (above 1 once overdue). The ladder and the audit both use it.
 */
@Component
public class TimeLimits {

    /** A task's position in its time limit today. */
    public record Measure(boolean overdue, int workingDaysOverdue, double timeUsedShare) {
    }

    private final DueDates dueDates;

    TimeLimits(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    public Measure measure(LocalDate assigned, LocalDate deadline) {
        WorkCalendar calendar = dueDates.calendar();
        LocalDate today = dueDates.today();
        boolean overdue = dueDates.isPast(deadline);
        int days = overdue ? Math.max(0, calendar.workingDaysBetween(deadline, today)) : 0;
        int limit = Math.max(1, calendar.workingDaysBetween(assigned, deadline));
        double used = overdue ? 1.0 + (double) days / limit
                : Math.max(0, calendar.workingDaysBetween(assigned, today)) / (double) limit;
        return new Measure(overdue, days, used);
    }
}
