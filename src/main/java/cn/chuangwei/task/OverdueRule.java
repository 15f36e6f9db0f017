package cn.chuangwei.task;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.WorkCalendar;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.kernel.Phase;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * When a decomposition row is overdue, for the board, its lists and exports: the row waits for its unit (open or
 * returned), its phase is under way, and its deadline has passed by the deadline policy of {@link DueDates} (18:00 of
 * the deadline day). The supervisors' audit, the ladder and the assessment measure with the same policy.
 */
@Component
public class OverdueRule {

    /** The rule as it stands now for one campaign: rows with a deadline before {@code before} in these phases. */
    public record Cutoff(LocalDate before, Set<Phase> underWay) {

        public boolean overdue(TaskRow row) {
            return row.status().isOpen() && underWay.contains(row.phase()) && row.deadline().isBefore(before);
        }
    }

    /** A unit's overdue record in a month: how many of its tasks were overdue in it, and for how many working days. */
    public record MonthOverdue(int tasks, int workingDays) {
    }

    private final DueDates dueDates;
    private final PhaseRepository phases;
    private final TaskRowRepository rows;

    OverdueRule(DueDates dueDates, PhaseRepository phases, TaskRowRepository rows) {
        this.dueDates = dueDates;
        this.phases = phases;
        this.rows = rows;
    }

    /**
     * Whether a deadline on this day has passed, by the same policy as {@link Cutoff#overdue}: for work that is not a
     * decomposition row (a review, a signature, a case's step) and for lists that group by deadline.
     */
    public boolean isPast(LocalDate deadline) {
        return deadline.isBefore(dueDates.overdueBefore());
    }

    public Cutoff now(long campaignId) {
        return now(phases.ofCampaign(campaignId));
    }

    /** The rule as it stands now for a campaign whose phases the caller has read already. */
    public Cutoff now(List<CampaignPhase> campaignPhases) {
        Set<Phase> underWay = EnumSet.noneOf(Phase.class);
        for (CampaignPhase p : campaignPhases) {
            if (p.status().isUnderWay()) {
                underWay.add(p.phase());
            }
        }
        return new Cutoff(dueDates.overdueBefore(), underWay);
    }

    /**
     * Each unit's overdue tasks in a month, for the monthly assessment: a task of a started phase counts when its
     * deadline passed (18:00 of the day) while it was still with its unit in the month, that is before it was handed in
     * (it stays with the unit while open, returned or left unfinished); its working days overdue are those of the month
     * after its deadline day, up to the day it was handed in or today.
     */
    public Map<String, MonthOverdue> inMonth(long campaignId, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Instant now = dueDates.now().toInstant();
        Instant monthStart = first.atStartOfDay(dueDates.zone()).toInstant();
        Instant monthEnd = last.plusDays(1).atStartOfDay(dueDates.zone()).toInstant();
        Set<Phase> started = EnumSet.noneOf(Phase.class);
        phases.ofCampaign(campaignId).stream().filter(p -> p.status() != PhaseStatus.PENDING).forEach(p -> started.add(p.phase()));
        WorkCalendar calendar = dueDates.calendar();
        Map<String, MonthOverdue> overdue = new HashMap<>();
        for (TaskRow r : rows.ofCampaign(campaignId, null, null, null)) {
            if (!started.contains(r.phase()) || r.deadline().isAfter(last)) {
                continue;
            }
            boolean handedIn = (r.status() == TaskStatus.SUBMITTED || r.status() == TaskStatus.ACCEPTED) && r.submittedAt() != null;
            Instant end = handedIn ? r.submittedAt() : now;
            Instant until = end.isBefore(monthEnd) ? end : monthEnd;
            if (!until.isAfter(monthStart) || !dueDates.isPast(r.deadline(), until)) {
                continue;
            }
            LocalDate endDay = end.atZone(dueDates.zone()).toLocalDate();
            LocalDate from = r.deadline().plusDays(1).isAfter(first) ? r.deadline().plusDays(1) : first;
            LocalDate to = endDay.isBefore(last) ? endDay : last;
            int days = to.isBefore(from) ? 0 : calendar.workingDaysBetween(from.minusDays(1), to);
            overdue.merge(r.unitCode(), new MonthOverdue(1, days),
                    (a, b) -> new MonthOverdue(a.tasks() + b.tasks(), a.workingDays() + b.workingDays()));
        }
        return overdue;
    }
}
