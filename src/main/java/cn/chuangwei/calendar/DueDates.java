package cn.chuangwei.calendar;

import cn.chuangwei.kernel.SiteSettings;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import org.springframework.stereotype.Service;

/**
 * The deadline policy, in one place: a deadline falls at the configured hour (default 18:00) of its day in the
 * campaign's time zone (Beijing time), and periods count working days of the {@link WorkCalendar}. Every due date is
 * computed here once, as a value that both a user task's due date and its timers use; whether a deadline has passed
 * ({@link #isPast}, {@link #overdueBefore}) is answered here for the board, every list, the ladder, the assessment,
 * the exports and the Tasklist filter alike.
 */
@Service
public class DueDates {

    private final Clock clock;
    private final WorkCalendar calendar;
    private final ZoneId zone;
    private final int dueHour;
    private final int morningHour;

    DueDates(Clock clock, WorkCalendar calendar, SiteSettings site, DeadlineSettings deadlines) {
        this.clock = clock;
        this.calendar = calendar;
        this.zone = site.zone();
        this.dueHour = deadlines.dueHour();
        this.morningHour = deadlines.morningHour();
    }

    public WorkCalendar calendar() {
        return calendar;
    }

    /** The moment reminders and daily checks run on a day (default 09:00). */
    public Date morningOf(LocalDate day) {
        return Date.from(day.atTime(morningHour, 0).atZone(zone).toInstant());
    }

    /** Morning of the working day {@code n} working days before {@code day} (n = 0: the day, or the working day before it). */
    public Date reminderBefore(LocalDate day, int n) {
        LocalDate d = calendar.workingDayOnOrBefore(day);
        return morningOf(n == 0 ? d : calendar.addWorkingDays(d, -n));
    }

    /**
     * The moment a number of working hours after {@code from}, counting only working days' office hours (from the
     * morning hour to the due hour, 09:00–18:00 by default).
     */
    public Date addWorkingHours(java.time.Instant from, int hours) {
        java.time.ZonedDateTime t = from.atZone(zone);
        long minutes = hours * 60L;
        while (true) {
            LocalDate day = t.toLocalDate();
            java.time.ZonedDateTime open = day.atTime(morningHour, 0).atZone(zone);
            java.time.ZonedDateTime close = day.atTime(dueHour, 0).atZone(zone);
            if (!calendar.isWorkingDay(day) || !t.isBefore(close)) {
                t = day.plusDays(1).atTime(morningHour, 0).atZone(zone);
                continue;
            }
            if (t.isBefore(open)) {
                t = open;
            }
            long left = java.time.Duration.between(t, close).toMinutes();
            if (minutes <= left) {
                return Date.from(t.plusMinutes(minutes).toInstant());
            }
            minutes -= left;
            t = day.plusDays(1).atTime(morningHour, 0).atZone(zone);
        }
    }

    /** A daily cycle from a moment, as an ISO 8601 repeating interval for a BPMN timer. */
    public String dailyFrom(Date start) {
        return "R/" + start.toInstant().atZone(zone).format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
    }

    /** A daily cycle starting the morning after today, as an ISO 8601 repeating interval for a BPMN timer. */
    public String dailyFromTomorrow() {
        return "R/" + today().plusDays(1).atTime(morningHour, 0).atZone(zone)
                .format(java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME) + "/P1D";
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
        return isPast(day, now().toInstant());
    }

    /** Whether the deadline on this day had passed at the given moment. */
    public boolean isPast(LocalDate day, java.time.Instant at) {
        return !at.isBefore(dueOn(day).toInstant());
    }

    /**
     * Deadlines on days before this one have passed: tomorrow once today's deadline hour has struck, else today. A query
     * selects the overdue rows with {@code deadline < overdueBefore()}, which agrees with {@link #isPast}.
     */
    public LocalDate overdueBefore() {
        LocalDate today = today();
        return isPast(today) ? today.plusDays(1) : today;
    }
}
