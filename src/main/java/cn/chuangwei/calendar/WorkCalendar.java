package cn.chuangwei.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Working days: Monday to Friday, except the statutory holidays (法定节假日), plus the make-up working days (调休上班)
 * of their arrangement. The special days are data the campaign office maintains; they are read once per year and
 * cached until the office changes that year. A year with nothing entered counts Monday to Friday, for every use alike
 * (deadlines, timers, the ladder); {@link #yearStatus} tells such a year, or a provisional one, so that a page can say
 * so rather than refuse: a campaign crossing into next year is set up before next year's notice is published.
 */
@Service
public class WorkCalendar {

    public enum Kind { HOLIDAY, WORKDAY }

    /**
     * How far a year's arrangement can be trusted: {@code PUBLISHED} (the State Council's notice entered),
     * {@code PROVISIONAL} (some days marked provisional, e.g. the statutory days only, before the notice) or
     * {@code MISSING} (nothing entered: the year counts Monday to Friday only, as every year does for the days it does
     * not list).
     */
    public enum YearStatus { PUBLISHED, PROVISIONAL, MISSING }

    /** A day that differs from the usual week. */
    public record SpecialDay(LocalDate day, Kind kind, String name, boolean provisional) {
    }

    /** How long a year's days are cached before they are read again (another node may have changed them). */
    private static final long CACHE_MILLIS = 5 * 60 * 1000L;

    private record Cached(Map<LocalDate, SpecialDay> days, long loadedAt) {
    }

    private final JdbcClient jdbc;
    private final Map<Integer, Cached> years = new ConcurrentHashMap<>();

    WorkCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public boolean isWorkingDay(LocalDate day) {
        SpecialDay special = year(day.getYear()).get(day);
        if (special != null) {
            return special.kind() == Kind.WORKDAY;
        }
        DayOfWeek d = day.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /**
     * The working day {@code n} working days after {@code from} ({@code n = 0}: {@code from} itself if it is a working
     * day, else the next one). Negative {@code n} counts backwards.
     */
    public LocalDate addWorkingDays(LocalDate from, int n) {
        LocalDate d = from;
        if (n == 0) {
            while (!isWorkingDay(d)) {
                d = d.plusDays(1);
            }
            return d;
        }
        int step = n > 0 ? 1 : -1;
        int left = Math.abs(n);
        while (left > 0) {
            d = d.plusDays(step);
            if (isWorkingDay(d)) {
                left--;
            }
        }
        return d;
    }

    /** {@code day} itself if it is a working day, else the last working day before it. */
    public LocalDate workingDayOnOrBefore(LocalDate day) {
        LocalDate d = day;
        while (!isWorkingDay(d)) {
            d = d.minusDays(1);
        }
        return d;
    }

    /** Whether the year's holidays have been entered, and whether as published or provisional. */
    public YearStatus yearStatus(int year) {
        Map<LocalDate, SpecialDay> days = year(year);
        if (days.isEmpty()) {
            return YearStatus.MISSING;
        }
        return days.values().stream().anyMatch(SpecialDay::provisional) ? YearStatus.PROVISIONAL : YearStatus.PUBLISHED;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when {@code to} is before {@code from}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int n = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                n++;
            }
        }
        return n;
    }

    public List<SpecialDay> specialDays(int year) {
        return year(year).values().stream().sorted((a, b) -> a.day().compareTo(b.day())).toList();
    }

    /** Replaces a year's special days, already checked by the caller; the caller forgets the cached year on commit. */
    void replaceYear(int year, List<SpecialDay> days) {
        jdbc.sql("delete from work_calendar_day where cal_day between :a and :b")
                .param("a", LocalDate.of(year, 1, 1)).param("b", LocalDate.of(year, 12, 31)).update();
        for (SpecialDay d : days) {
            jdbc.sql("insert into work_calendar_day (cal_day, kind, name, provisional) values (:d, :k, :n, :p)")
                    .param("d", d.day()).param("k", d.kind().name()).param("n", d.name()).param("p", d.provisional())
                    .update();
        }
    }

    void forget(int year) {
        years.remove(year);
    }

    private Map<LocalDate, SpecialDay> year(int year) {
        long now = System.currentTimeMillis();
        Cached cached = years.get(year);
        if (cached == null || now - cached.loadedAt() > CACHE_MILLIS) {
            cached = new Cached(load(year), now);
            years.put(year, cached);
        }
        return cached.days();
    }

    private Map<LocalDate, SpecialDay> load(int y) {
        return jdbc.sql("select * from work_calendar_day where cal_day between :a and :b")
                .param("a", LocalDate.of(y, 1, 1)).param("b", LocalDate.of(y, 12, 31))
                .query((rs, n) -> new SpecialDay(rs.getDate("cal_day").toLocalDate(), Kind.valueOf(rs.getString("kind")),
                        rs.getString("name"), rs.getBoolean("provisional")))
                .list().stream().collect(Collectors.toUnmodifiableMap(SpecialDay::day, d -> d));
    }
}
