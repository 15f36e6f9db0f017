package cn.chuangwei.dashboard;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.escalation.EscalationRepository;
import cn.chuangwei.inspection.InspectionService;
import cn.chuangwei.inspection.RoundRecords;
import cn.chuangwei.inspection.UnverifiedVerdicts;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Visibility;
import cn.chuangwei.patrol.CaseStats;
import cn.chuangwei.standard.StandardAreas;
import cn.chuangwei.supervision.AssessmentService;
import cn.chuangwei.task.OverdueRule;
import cn.chuangwei.task.RowCounts;
import cn.chuangwei.task.TaskRow;
import cn.chuangwei.task.TaskRowRepository;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * The data behind the campaign command board: the phase timeline with today's position, the units × phases heat map
 * (accepted / open / overdue), the month's ranking, the ladder's open escalations, readiness against the standard and
 * the patrol indicators over twelve months. Each part comes from grouped, indexed queries, not from loading tasks.
 * A unit head sees their own unit's rows of the heat map and escalations.
 */
@Service
class DashboardService {

    public record PhaseBar(String phase, String name, LocalDate startDate, LocalDate endDate, String status,
                           int tasks, int accepted) {
    }

    /** A cell of the heat map; {@code started}: its phase has begun (a phase not started shows grey, not 办理中). */
    public record HeatCell(String unitCode, String unitName, String phase, int accepted, int open, int overdue,
                           boolean started) {
    }

    /**
     * {@code myUnits}: the units the caller heads, belongs to or has in their charge as deputy (分管领导), which the board
     * opens on; the rest of the board is whatever the caller may see.
     */
    public record Board(long campaignId, String name, LocalDate today, List<String> myUnits, List<PhaseBar> phases,
                        List<HeatCell> heatMap,
                        List<AssessmentService.Score> ranking, List<Map<String, Object>> openEscalations,
                        InspectionService.Round readiness, List<Map<String, Object>> areaScores, List<CaseStats.Trend> patrol,
                        UnverifiedVerdicts.Report unverified) {
    }

    private final TaskRowRepository rows;
    private final EscalationRepository escalations;
    private final RoundRecords roundRecords;
    private final RowCounts rowCounts;
    private final OverdueRule overdueRule;
    private final CampaignRepository campaigns;
    private final PhaseRepository phases;
    private final AssessmentService assessment;
    private final InspectionService inspection;
    private final DueDates dueDates;
    private final CaseStats caseStats;
    private final CurrentUser currentUser;
    private final Visibility visibility;
    private final VisibleCampaigns visible;
    private final StandardAreas standardAreas;
    private final UnverifiedVerdicts unverifiedVerdicts;

    DashboardService(TaskRowRepository rows, EscalationRepository escalations, RoundRecords roundRecords, RowCounts rowCounts, OverdueRule overdueRule, CampaignRepository campaigns, PhaseRepository phases, AssessmentService assessment,
                     InspectionService inspection, DueDates dueDates, CaseStats caseStats,
                     CurrentUser currentUser, VisibleCampaigns visible, Visibility visibility,
                     StandardAreas standardAreas, UnverifiedVerdicts unverifiedVerdicts) {
        this.unverifiedVerdicts = unverifiedVerdicts;
        this.visible = visible;
        this.standardAreas = standardAreas;
        this.rows = rows;
        this.escalations = escalations;
        this.roundRecords = roundRecords;
        this.rowCounts = rowCounts;
        this.overdueRule = overdueRule;
        this.campaigns = campaigns;
        this.phases = phases;
        this.assessment = assessment;
        this.inspection = inspection;
        this.dueDates = dueDates;
        this.caseStats = caseStats;
        this.currentUser = currentUser;
        this.visibility = visibility;
    }

    /** The highest rung each task still waiting for its unit reached, highest and longest overdue first. */
    private List<Map<String, Object>> openEscalations(long campaignId, Map<String, String> unitNames, Predicate<String> sees) {
        Map<Long, TaskRow> waiting = new HashMap<>();
        rows.waitingRows(campaignId, EnumSet.allOf(Phase.class)).stream().filter(r -> sees.test(r.unitCode()))
                .forEach(r -> waiting.put(r.id(), r));
        return escalations.highestOfTasks(waiting.keySet()).values().stream()
                .sorted(Comparator.comparing((EscalationRepository.Step e) -> e.level().rank())
                        .thenComparing(EscalationRepository.Step::workingDaysOverdue).reversed())
                .map(e -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("taskRowId", e.taskRowId());
                    v.put("unitCode", e.unitCode());
                    v.put("unitName", unitNames.get(e.unitCode()));
                    v.put("level", e.level().name());
                    v.put("workingDaysOverdue", e.workingDaysOverdue());
                    v.put("title", waiting.get(e.taskRowId()).title());
                    return v;
                }).toList();
    }

    /** Each area's score with the area's name in Chinese and English (areaName, areaNameEn) beside its code. */
    private List<Map<String, Object>> named(List<Map<String, Object>> scores, String standardCode) {
        Map<String, StandardAreas.Area> areas = new HashMap<>();
        standardAreas.areas(standardCode).forEach(a -> areas.put(a.code(), a));
        return scores.stream().map(s -> {
            Map<String, Object> named = new LinkedHashMap<>(s);
            StandardAreas.Area a = areas.get(String.valueOf(s.get("areaCode")));
            named.put("areaName", a == null ? s.get("areaCode") : a.nameZh());
            named.put("areaNameEn", a == null || a.nameEn() == null ? named.get("areaName") : a.nameEn());
            return named;
        }).toList();
    }

    public Board board(long campaignId) {
        Campaign c = visible.require(campaignId);
        Predicate<String> sees = visibility.unitFilter(c.tenantId());
        List<CampaignUnit> units = campaigns.units(campaignId);
        LocalDate today = dueDates.today();
        Map<Phase, RowCounts.PhaseTotal> totals = rowCounts.byPhase(campaignId);
        List<PhaseBar> bars = new ArrayList<>();
        List<CampaignPhase> campaignPhases = phases.ofCampaign(campaignId);
        for (CampaignPhase p : campaignPhases) {
            RowCounts.PhaseTotal n = totals.getOrDefault(p.phase(), new RowCounts.PhaseTotal(0, 0));
            bars.add(new PhaseBar(p.phase().name(), p.phase().zh(), p.startDate(), p.endDate(), p.status().name(),
                    n.total(), n.accepted()));
        }
        Map<String, String> unitNames = units.stream().collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name));
        EnumSet<Phase> started = EnumSet.noneOf(Phase.class);
        campaignPhases.stream().filter(p -> p.status() != PhaseStatus.PENDING).forEach(p -> started.add(p.phase()));
        List<HeatCell> heat = rowCounts.byUnitAndPhase(campaignId, overdueRule.now(campaignPhases)).stream()
                .filter(h -> sees.test(h.unitCode()))
                .map(h -> new HeatCell(h.unitCode(), unitNames.getOrDefault(h.unitCode(), h.unitCode()), h.phase().name(),
                        h.accepted(), h.open(), h.overdue(), started.contains(h.phase())))
                .toList();
        List<Map<String, Object>> escalations = openEscalations(campaignId, unitNames, sees);
        InspectionService.Round latest = inspection.current(campaignId).orElse(null);
        List<Map<String, Object>> areaScores = latest == null ? List.of() : named(roundRecords.areaScores(latest.id()),
                c.standardCode());
        List<CaseStats.Trend> trend = caseStats.trend(campaignId, YearMonth.from(today));
        List<String> myUnits = units.stream()
                .filter(u -> currentUser.id().equals(u.headUserId()) || currentUser.id().equals(u.deputyUserId())
                        || visibility.inUnit(u.code()))
                .map(CampaignUnit::code).toList();
        List<AssessmentService.Score> ranking = assessment.month(campaignId, YearMonth.from(today)).scores();
        UnverifiedVerdicts.Report unverified = latest == null ? null : unverifiedVerdicts.of(campaignId, latest.id());
        return new Board(campaignId, c.name(), today, myUnits, bars, heat, ranking, escalations, latest, areaScores, trend,
                unverified);
    }
}
