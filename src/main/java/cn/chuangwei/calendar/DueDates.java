package cn.chuangwei.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Computes every due date of the application once, as a value that both a user task's due date and its timers use.
 * Periods count working days of the {@link WorkCalendar}; a day's deadline falls at the configured hour (default 18:00)
 * in the campaign's time zone.
 */
@Service
public class DueDates {

    private final Clock clock;
    private final WorkCalendar calendar;
    private final ZoneId zone;
    private final int dueHour;

    DueDates(Clock clock, WorkCalendar calendar, @Value("${chuangwei.zone}") String zone,
             @Value("${chuangwei.deadlines.due-hour}") int dueHour) {
        this.clock = clock;
        this.calendar = calendar;
        this.zone = ZoneId.of(zone);
        this.dueHour = dueHour;
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZonedDateTime now() {
        return ZonedDateTime.now(clock.withZone(zone));
    }

    /** The moment a deadline on this day falls due. */
    public Date dueOn(LocalDate day) {
        return Date.from(day.atTime(dueHour, 0).atZone(zone).toInstant());
    }

    /** The moment a deadline the given number of working days from today falls due. */
    public Date dueInWorkingDays(int days) {
        return dueOn(calendar.addWorkingDays(today(), days));
    }

    /** The day the given number of working days from today. */
    public LocalDate workingDaysFromToday(int days) {
        return calendar.addWorkingDays(today(), days);
    }

    /** Whether the deadline on this day has passed. */
    public boolean isPast(LocalDate day) {
        return !now().toInstant().isBefore(dueOn(day).toInstant());
    }
}
