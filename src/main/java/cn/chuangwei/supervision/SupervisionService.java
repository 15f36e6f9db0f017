package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.TimeLimits;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignStatus;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.escalation.EscalationRepository;
import cn.chuangwei.escalation.LadderLevel;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Visibility;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;

/**
 * The supervisors' audit: every open unit task of the running phases with its colour, and the overdue ones sorted by
 * working days overdue. The office, the supervisors and the leading group see every unit; a unit head sees their own.
 */
@Service
public class SupervisionService {

    /**
     * Filters of the audit; null means any. {@code level} NONE is the tasks the ladder has not reached yet;
     * {@code minDays} keeps the tasks at least that many working days overdue; {@code criticalOnly} the critical tasks.
     */
    public record Filter(Long campaignId, Phase phase, String unitCode, String deputyUserId, LadderLevel level,
                         Integer minDays, boolean criticalOnly) {

        /** The largest number of working days overdue a filter takes. */
        static final int MAX_DAYS = 9999;

        public Filter(Long campaignId, Phase phase, String unitCode, String deputyUserId, LadderLevel level) {
            this(campaignId, phase, unitCode, deputyUserId, level, null, false);
        }

        /** The list's filters from request parameters, each refused by name when it is not understood. */
        public static Filter parse(Long campaignId, String phase, String unit, String deputy, String level) {
            return parse(campaignId, phase, unit, deputy, level, null, null);
        }

        /** As {@link #parse(Long, String, String, String, String)}, with working days overdue and critical only. */
        public static Filter parse(Long campaignId, String phase, String unit, String deputy, String level,
                                   String minDays, String critical) {
            Phase p = phase == null ? null
                    : Phase.parse(phase).orElseThrow(() -> ApiException.badRequest("unknown-phase", "phase", "phase", phase));
            LadderLevel l = null;
            if (level != null) {
                try {
                    l = LadderLevel.valueOf(level.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("invalid-choice", "level", "level", level,
                            "NONE, YELLOW, RED, CIRCULAR, INTERVIEW, ACCOUNTABILITY");
                }
            }
            Integer days = null;
            if (minDays != null) {
                try {
                    days = Integer.valueOf(minDays.trim());
                } catch (NumberFormatException e) {
                    days = -1;
                }
                if (days < 0 || days > MAX_DAYS) {
                    throw ApiException.badRequest("invalid-days", "minDays", minDays, MAX_DAYS);
                }
            }
            boolean criticalOnly = false;
            if (critical != null) {
                switch (critical.trim().toLowerCase(Locale.ROOT)) {
                    case "1", "true", "on", "yes" -> criticalOnly = true;
                    case "0", "false", "off", "no", "" -> criticalOnly = false;
                    default -> throw ApiException.badRequest("invalid-choice", "critical", "critical", critical, "true, false");
                }
            }
            return new Filter(campaignId, p, unit, deputy, l, days, criticalOnly);
        }
    }

    private final CampaignRepository campaigns;
    private final PhaseRepository phases;
    private final TaskRowRepository rows;
    private final EscalationRepository escalations;
    private final DueDates dueDates;
    private final TimeLimits timeLimits;
    private final Visibility visibility;
    private final double yellowShare;

    SupervisionService(CampaignRepository campaigns, PhaseRepository phases, TaskRowRepository rows,
                       EscalationRepository escalations, DueDates dueDates, TimeLimits timeLimits, Visibility visibility,
                       SupervisionSettings settings) {
        this.campaigns = campaigns;
        this.phases = phases;
        this.rows = rows;
        this.escalations = escalations;
        this.dueDates = dueDates;
        this.timeLimits = timeLimits;
        this.visibility = visibility;
        this.yellowShare = settings.yellowShare();
    }

    /** An unknown campaign, unit or deputy in a filter is refused, not answered with an empty list. */
    private void check(Filter f) {
        if (f.campaignId() != null && campaigns.find(f.campaignId()).isEmpty()) {
            throw ApiException.notFound("unknown-campaign", f.campaignId());
        }
        if (f.unitCode() != null && !campaigns.unitExists(f.unitCode(), f.campaignId())) {
            throw ApiException.badRequest("unknown-unit", "unit", "unit", f.unitCode());
        }
        if (f.deputyUserId() != null && !campaigns.isLeaderOrDeputy(f.deputyUserId(), f.campaignId())) {
            throw ApiException.badRequest("deputy-not-in-group", "deputy", "deputy", f.deputyUserId());
        }
    }

    /**
     * A campaign's circulars and the ladder's record are for its town's office, supervisors and leading group, and the
     * county above.
     */
    public void requireAuditor(long campaignId) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        visibility.requireAllUnits(c.tenantId());
    }

    /** Whether the caller reads every unit of the campaign's town. */
    public boolean audits(long campaignId) {
        return campaigns.find(campaignId).map(c -> visibility.seesAllUnits(c.tenantId())).orElse(false);
    }

    public List<OpenTask> overdue(Filter f) {
        return open(f).stream().filter(t -> "RED".equals(t.colour()))
                .sorted(Comparator.comparingInt(OpenTask::workingDaysOverdue).reversed()
                        .thenComparing(OpenTask::deadline).thenComparing(OpenTask::taskRowId))
                .toList();
    }

    /** The open tasks of the running phases of the campaigns under way, as far as the filter and the caller see. */
    public List<OpenTask> open(Filter f) {
        check(f);
        List<Campaign> scope = f.campaignId() == null ? campaigns.active()
                : campaigns.find(f.campaignId()).filter(c -> c.status() == CampaignStatus.ACTIVE).stream().toList();
        List<OpenTask> open = new ArrayList<>();
        for (Campaign c : scope) {
            open.addAll(open(c, f));
        }
        open.sort(Comparator.comparing(OpenTask::deadline).thenComparing(OpenTask::taskRowId));
        return open;
    }

    /** A waiting row's time used and working days overdue, from the day it was assigned (today, if not yet). */
    TimeLimits.Measure measure(TaskRow r) {
        LocalDate assigned = r.assignedAt() == null ? dueDates.today() : r.assignedAt().atZone(dueDates.zone()).toLocalDate();
        return timeLimits.measure(assigned, r.deadline());
    }

    /** The ladder's colour of a time limit: GREEN, YELLOW once the share of its time used is reached, RED overdue. */
    public String colour(LocalDate assigned, LocalDate deadline) {
        return colour(timeLimits.measure(assigned, deadline));
    }

    private String colour(TimeLimits.Measure m) {
        return m.overdue() ? "RED" : m.timeUsedShare() >= yellowShare ? "YELLOW" : "GREEN";
    }

    private List<OpenTask> open(Campaign c, Filter f) {
        Map<String, CampaignUnit> units = new HashMap<>();
        campaigns.units(c.id()).forEach(u -> units.put(u.code(), u));
        Predicate<String> sees = visibility.unitFilter(c.tenantId());
        if (units.keySet().stream().noneMatch(sees)) {
            return List.of(); // another town's campaign, or one the caller has no unit in
        }
        Set<Phase> running = EnumSet.noneOf(Phase.class);
        phases.ofCampaign(c.id()).stream().filter(p -> p.status().isUnderWay() && (f.phase() == null || f.phase() == p.phase()))
                .forEach(p -> running.add(p.phase()));
        List<TaskRow> waiting = rows.waitingRows(c.id(), running).stream()
                .filter(r -> f.unitCode() == null || f.unitCode().equals(r.unitCode()))
                .filter(r -> f.deputyUserId() == null || f.deputyUserId().equals(units.get(r.unitCode()).deputyUserId()))
                .filter(r -> sees.test(r.unitCode()))
                .toList();
        Map<Long, EscalationRepository.Step> levels = escalations.highestOfTasks(waiting.stream().map(TaskRow::id).toList());
        List<OpenTask> open = new ArrayList<>();
        for (TaskRow r : waiting) {
            TimeLimits.Measure m = measure(r);
            double used = m.timeUsedShare();
            String colour = colour(m);
            EscalationRepository.Step step = levels.get(r.id());
            String level = step == null ? null : step.level().name();
            if (f.level() != null && !f.level().name().equals(level == null ? LadderLevel.NONE.name() : level)
                    || f.criticalOnly() && !r.critical()
                    || f.minDays() != null && m.workingDaysOverdue() < f.minDays()) {
                continue;
            }
            CampaignUnit unit = units.get(r.unitCode());
            open.add(new OpenTask(r.id(), c.id(), c.name(), r.phase().name(), r.phase().zh(), r.unitCode(), unit.name(),
                    unit.deputyUserId(), r.personUserId(), r.title(), r.deadline(), r.critical(), colour,
                    Math.round(used * 1000) / 1000.0, m.workingDaysOverdue(), level));
        }
        return open;
    }
}
