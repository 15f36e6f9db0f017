package cn.chuangwei.calendar;

import cn.chuangwei.calendar.WorkCalendar.Kind;
import cn.chuangwei.calendar.WorkCalendar.SpecialDay;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The working-day calendar in the browser ({@code /board/calendar/{year}}): a month at a time, holidays and make-up
 * working days marked, the year's special days listed; the campaign office picks a day and turns it into a holiday or a
 * working day (or back), with a note ({@link CalendarYears#setDay}: the API's own checks).
 */
@Page
class CalendarPage {

    /** A day of a month's grid: null before the 1st; its tone (holiday, workday, weekend) and its note. */
    record Day(LocalDate date, int number, String tone, String note, boolean chosen) {
    }

    record Listed(String date, String kind, String name) {
    }

    private final WorkCalendar calendar;
    private final CalendarYears years;
    private final CurrentUser currentUser;
    private final DueDates dueDates;
    private final Texts texts;

    CalendarPage(WorkCalendar calendar, CalendarYears years, CurrentUser currentUser, DueDates dueDates, Texts texts) {
        this.calendar = calendar;
        this.years = years;
        this.currentUser = currentUser;
        this.dueDates = dueDates;
        this.texts = texts;
    }

    @GetMapping("/board/calendar/{year}")
    String page(@PathVariable int year, @RequestParam(required = false) Integer month,
                @RequestParam(required = false) String day, @RequestParam(required = false) String saved,
                Model model, Locale locale) {
        CalendarYears.checkYear(year);
        LocalDate chosen = day == null || day.isBlank() ? null : Pages.date(day, "day");
        if (chosen != null && chosen.getYear() != year) {
            throw ApiException.badRequest("calendar-outside-year", "day", "day", year);
        }
        model.addAttribute("saved", saved != null);
        return page(year, month, chosen, Map.of(), model, locale);
    }

    @PostMapping("/board/calendar/{year}")
    String change(@PathVariable int year, @RequestParam Map<String, String> fields, Model model, Locale locale,
                  HttpServletResponse response) {
        currentUser.requireOffice();
        CalendarYears.checkYear(year);
        LocalDate day = null;
        try {
            day = Pages.date(fields.get("day"), "day");
            if (day == null) {
                throw ApiException.badRequest("required", "day", "day");
            }
            if (day.getYear() != year) {
                throw ApiException.badRequest("calendar-outside-year", "day", "day", year);
            }
            years.setDay(day, "workday".equals(fields.get("kind")), fields.get("note"));
            return "redirect:/board/calendar/" + year + "?month=" + day.getMonthValue() + "&day=" + day + "&saved=1";
        } catch (ApiException e) {
            if (e.status().value() == 403 || e.status().value() == 404) {
                throw e;
            }
            response.setStatus(e.status().value());
            model.addAttribute("error", message(e, locale));
            model.addAttribute("errorField", e.field());
            return page(year, day == null ? null : day.getMonthValue(), day, fields, model, locale);
        }
    }

    private String page(int year, Integer month, LocalDate chosen, Map<String, String> entered, Model model,
                        Locale locale) {
        LocalDate today = dueDates.today();
        int m = chosen != null ? chosen.getMonthValue() : month != null && month >= 1 && month <= 12 ? month
                : today.getYear() == year ? today.getMonthValue() : 1;
        Map<LocalDate, SpecialDay> special = calendar.specialDays(year).stream()
                .collect(Collectors.toMap(SpecialDay::day, d -> d));
        LocalDate first = LocalDate.of(year, m, 1);
        List<List<Day>> weeks = new ArrayList<>();
        List<Day> week = new ArrayList<>();
        for (int i = 1; i < first.getDayOfWeek().getValue(); i++) {
            week.add(null);
        }
        for (LocalDate d = first; d.getMonthValue() == m; d = d.plusDays(1)) {
            SpecialDay s = special.get(d);
            String tone = s != null ? (s.kind() == Kind.HOLIDAY ? "holiday" : "workday")
                    : CalendarYears.weekend(d) ? "weekend" : "";
            week.add(new Day(d, d.getDayOfMonth(), tone, s == null ? null : s.name(), d.equals(chosen)));
            if (week.size() == 7) {
                weeks.add(week);
                week = new ArrayList<>();
            }
        }
        if (!week.isEmpty()) {
            while (week.size() < 7) {
                week.add(null);
            }
            weeks.add(week);
        }
        model.addAttribute("year", year);
        model.addAttribute("month", m);
        model.addAttribute("monthName", texts.get("page.calendar.month", locale, year, m));
        model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
        model.addAttribute("weeks", weeks);
        model.addAttribute("office", currentUser.isOffice());
        WorkCalendar.YearStatus status = calendar.yearStatus(year);
        model.addAttribute("yearStatus", status == WorkCalendar.YearStatus.PUBLISHED ? null
                : texts.get("page.calendar.year-status." + status.name(), locale, year));
        model.addAttribute("listed", calendar.specialDays(year).stream().map(s -> new Listed(
                ChineseDates.format(s.day(), locale), texts.get("page.calendar.kind." + s.kind().name(), locale),
                s.name())).toList());
        if (chosen != null) {
            SpecialDay s = special.get(chosen);
            boolean working = calendar.isWorkingDay(chosen);
            model.addAttribute("chosen", chosen.toString());
            model.addAttribute("chosenText", ChineseDates.format(chosen, locale) + " "
                    + texts.get("page.calendar.weekday." + chosen.getDayOfWeek().getValue(), locale));
            model.addAttribute("chosenState", texts.get(working ? "page.calendar.working" : "page.calendar.off", locale)
                    + (s == null ? "" : "（" + s.name() + "）"));
            model.addAttribute("target", working ? "holiday" : "workday");
            // what the change does: a weekday's holiday or a weekend's make-up day takes a note; going back does not
            model.addAttribute("needsNote", working != CalendarYears.weekend(chosen));
            model.addAttribute("note", entered.getOrDefault("note", ""));
        }
        return "calendar";
    }

    private String message(ApiException e, Locale locale) {
        return Pages.refusal(texts, e, locale, f -> texts.get("page.calendar.field." + f, locale));
    }
}
