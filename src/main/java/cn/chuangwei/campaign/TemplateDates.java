package cn.chuangwei.campaign;

import cn.chuangwei.calendar.DateRange;
import cn.chuangwei.calendar.WorkCalendar;
import cn.chuangwei.calendar.WorkCalendar.YearStatus;
import cn.chuangwei.campaign.CampaignTemplate.TemplatePhase;
import cn.chuangwei.kernel.Phase;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * A template's schedule on the working-day calendar ({@link WorkCalendar}), in one place. A phase lasts its
 * {@code days} working days: the first starts on the campaign's start date, or the first working day after it when that
 * is a holiday or a weekend; each ends on its {@code days}-th working day, and the next starts on the working day after.
 * A task is due on its phase's {@code dueDay}-th working day (dueDay 1: the phase's first working day). Make-up working
 * days (调休上班, a Saturday or Sunday) count; statutory holidays do not. A year whose holidays have not been entered
 * counts Monday to Friday, as the calendar does for every day it does not list: the set-up preview says so
 * ({@link #notes}).
 */
@Component
public class TemplateDates {

    /** Something about the calendar the office should know before it sets the campaign up. */
    public record Note(Kind kind, int year, Phase phase, LocalDate day) {

        public enum Kind {
            /** The year's arrangement is provisional (e.g. the statutory days only, before the State Council's notice). */
            YEAR_PROVISIONAL,
            /** Nothing entered for the year: its days count Monday to Friday, without holidays or make-up days. */
            YEAR_MISSING,
            /** A phase whose dates were given starts on a day off. */
            PHASE_STARTS_ON_DAY_OFF,
            /** A phase whose dates were given ends on a day off. */
            PHASE_ENDS_ON_DAY_OFF
        }
    }

    private final WorkCalendar calendar;

    TemplateDates(WorkCalendar calendar) {
        this.calendar = calendar;
    }

    /** The template's phases laid on working days from the start date. */
    public Map<Phase, DateRange> phases(CampaignTemplate template, LocalDate start) {
        Map<Phase, DateRange> dates = new EnumMap<>(Phase.class);
        LocalDate first = calendar.addWorkingDays(start, 0);
        for (TemplatePhase p : template.phases()) {
            LocalDate last = calendar.addWorkingDays(first, p.days() - 1);
            dates.put(p.phase(), new DateRange(first, last));
            first = calendar.addWorkingDays(last, 1);
        }
        return dates;
    }

    /**
     * A template task's deadline in its phase: the phase's {@code dueDay}-th working day, but not after the phase's last
     * working day (the office may have given the phase fewer working days than the template has); the phase's end when
     * the phase has no working day at all.
     */
    public LocalDate deadline(DateRange phase, int dueDay) {
        LocalDate lastWorking = calendar.workingDayOnOrBefore(phase.end());
        if (lastWorking.isBefore(phase.start())) {
            return phase.end();
        }
        LocalDate due = calendar.addWorkingDays(calendar.addWorkingDays(phase.start(), 0), Math.max(dueDay, 1) - 1);
        return due.isAfter(lastWorking) ? lastWorking : due;
    }

    /**
     * What the office should know of the calendar the phases lie on: each year they touch whose holidays are
     * provisional or missing, and each phase given to start or end on a day off.
     */
    public List<Note> notes(Map<Phase, DateRange> phases) {
        List<Note> notes = new ArrayList<>();
        int from = Integer.MAX_VALUE;
        int to = Integer.MIN_VALUE;
        for (Map.Entry<Phase, DateRange> e : phases.entrySet()) {
            DateRange r = e.getValue();
            from = Math.min(from, r.start().getYear());
            to = Math.max(to, r.end().getYear());
            if (!calendar.isWorkingDay(r.start())) {
                notes.add(new Note(Note.Kind.PHASE_STARTS_ON_DAY_OFF, r.start().getYear(), e.getKey(), r.start()));
            }
            if (!calendar.isWorkingDay(r.end())) {
                notes.add(new Note(Note.Kind.PHASE_ENDS_ON_DAY_OFF, r.end().getYear(), e.getKey(), r.end()));
            }
        }
        List<Note> years = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            YearStatus status = calendar.yearStatus(y);
            if (status == YearStatus.PROVISIONAL) {
                years.add(new Note(Note.Kind.YEAR_PROVISIONAL, y, null, null));
            } else if (status == YearStatus.MISSING) {
                years.add(new Note(Note.Kind.YEAR_MISSING, y, null, null));
            }
        }
        years.addAll(notes);
        return years;
    }
}
