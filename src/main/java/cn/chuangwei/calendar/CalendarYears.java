package cn.chuangwei.calendar;

import cn.chuangwei.calendar.CalendarController.Entry;
import cn.chuangwei.calendar.WorkCalendar.Kind;
import cn.chuangwei.calendar.WorkCalendar.SpecialDay;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The office's changes to the working-day calendar, checked in one place: a year's holidays and make-up working days
 * replaced at once (the API), or one day turned from a working day into a holiday or back (the calendar page), which
 * replaces the year with that day changed and so meets the same checks. Only the campaign office changes it.
 */
@Service
class CalendarYears {

    static final int NAME_MAX = 50;

    private final WorkCalendar calendar;
    private final CurrentUser currentUser;

    CalendarYears(WorkCalendar calendar, CurrentUser currentUser) {
        this.calendar = calendar;
        this.currentUser = currentUser;
    }

    static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiException.badRequest("invalid-value", "year", "year");
        }
    }

    /** Replaces the year's special days; refusals name the entry ({@code [i].name}) and change nothing. */
    @Transactional
    public List<SpecialDay> replace(int year, List<Entry> entries) {
        currentUser.requireOffice();
        checkYear(year);
        if (entries == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        Map<LocalDate, Integer> taken = new HashMap<>();
        List<SpecialDay> days = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            String f = "[" + i + "]";
            if (e == null) {
                throw ApiException.badRequest("required", f, f);
            }
            if (e.name() == null || e.name().isBlank()) {
                throw ApiException.badRequest("required", f + ".name", f + ".name");
            }
            if (e.name().length() > NAME_MAX) {
                throw ApiException.badRequest("too-long", f + ".name", f + ".name", NAME_MAX);
            }
            Kind kind;
            try {
                kind = Kind.valueOf(String.valueOf(e.kind()).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw ApiException.badRequest("invalid-choice", f + ".kind", f + ".kind", e.kind(), "HOLIDAY, WORKDAY");
            }
            if (e.from() == null) {
                throw ApiException.badRequest("required", f + ".from", f + ".from");
            }
            LocalDate to = e.to() == null ? e.from() : e.to();
            if (to.isBefore(e.from())) {
                throw ApiException.badRequest("end-before-start", f + ".to", f);
            }
            if (e.from().getYear() != year || to.getYear() != year) {
                throw ApiException.badRequest("calendar-outside-year", f, f, year);
            }
            for (LocalDate d = e.from(); !d.isAfter(to); d = d.plusDays(1)) {
                Integer other = taken.putIfAbsent(d, i);
                if (other != null) {
                    throw ApiException.badRequest("calendar-overlap", f, f, "[" + other + "]", d);
                }
                if (kind == Kind.WORKDAY && !weekend(d)) {
                    throw ApiException.badRequest("workday-not-weekend", f, f, d);
                }
                days.add(new SpecialDay(d, kind, e.name().trim(), Boolean.TRUE.equals(e.provisional())));
            }
        }
        calendar.replaceYear(year, days);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                calendar.forget(year);
            }
        });
        return days;
    }

    /**
     * Makes {@code day} a working day or not: a weekday becomes a holiday (named by {@code note}) or its holiday is
     * taken back; a Saturday or Sunday becomes a make-up working day (named by {@code note}) or a day off again.
     * Refusals name the field ({@code day}, {@code note}).
     */
    @Transactional
    public List<SpecialDay> setDay(LocalDate day, boolean working, String note) {
        currentUser.requireOffice();
        if (day == null) {
            throw ApiException.badRequest("required", "day", "day");
        }
        checkYear(day.getYear());
        if (calendar.isWorkingDay(day) == working) {
            throw ApiException.badRequest("calendar-day-unchanged", "day", day);
        }
        List<Entry> entries = new ArrayList<>();
        for (SpecialDay d : calendar.specialDays(day.getYear())) {
            if (!d.day().equals(day)) {
                entries.add(new Entry(d.name(), d.kind().name(), d.day(), d.day(), d.provisional()));
            }
        }
        // a weekday's usual state is working, a weekend's is off: anything else is a special day with its note
        if (working == weekend(day)) {
            String name = note == null ? "" : note.trim();
            if (name.isEmpty()) {
                throw ApiException.badRequest("required", "note", "note");
            }
            if (name.length() > NAME_MAX) {
                throw ApiException.badRequest("too-long", "note", "note", NAME_MAX);
            }
            entries.add(new Entry(name, working ? Kind.WORKDAY.name() : Kind.HOLIDAY.name(), day, day, false));
        }
        return replace(day.getYear(), entries);
    }

    static boolean weekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }
}
