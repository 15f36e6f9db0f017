package cn.chuangwei.calendar;

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
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar: a year's statutory holidays and make-up working days. Everyone reads it; the campaign
 * office replaces a year at once, when the State Council publishes its arrangement.
 */
@RestController
@RequestMapping("/api/calendar")
class CalendarController {

    /** One entry of a year: a holiday, or a make-up working day, over a range of days. */
    record Entry(String name, String kind, LocalDate from, LocalDate to, Boolean provisional) {
    }

    record Year(int year, List<SpecialDay> days) {
    }

    private final WorkCalendar calendar;
    private final CurrentUser currentUser;

    CalendarController(WorkCalendar calendar, CurrentUser currentUser) {
        this.calendar = calendar;
        this.currentUser = currentUser;
    }

    @GetMapping("/{year}")
    Year get(@PathVariable int year) {
        checkYear(year);
        return new Year(year, calendar.specialDays(year));
    }

    @PutMapping("/{year}")
    @Transactional
    public Year replace(@PathVariable int year, @RequestBody List<Entry> entries) {
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
            if (e.name().length() > 50) {
                throw ApiException.badRequest("too-long", f + ".name", f + ".name", 50);
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
                boolean weekend = d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (kind == Kind.WORKDAY && !weekend) {
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
        return new Year(year, days);
    }

    private static void checkYear(int year) {
        if (year < 2000 || year > 2100) {
            throw ApiException.badRequest("invalid-value", "year", "year");
        }
    }
}
