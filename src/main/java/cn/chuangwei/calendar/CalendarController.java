package cn.chuangwei.calendar;

import cn.chuangwei.calendar.WorkCalendar.SpecialDay;
import java.time.LocalDate;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar: a year's statutory holidays and make-up working days. Everyone reads it; the campaign
 * office replaces a year at once, when the State Council publishes its arrangement ({@link CalendarYears}).
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
    private final CalendarYears years;

    CalendarController(WorkCalendar calendar, CalendarYears years) {
        this.calendar = calendar;
        this.years = years;
    }

    @GetMapping("/{year}")
    Year get(@PathVariable int year) {
        checkYear(year);
        return new Year(year, calendar.specialDays(year));
    }

    @PutMapping("/{year}")
    public Year replace(@PathVariable int year, @RequestBody List<Entry> entries) {
        return new Year(year, years.replace(year, entries));
    }

    private static void checkYear(int year) {
        CalendarYears.checkYear(year);
    }
}
