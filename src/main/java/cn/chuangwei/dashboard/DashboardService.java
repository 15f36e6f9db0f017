package cn.chuangwei.dashboard;

import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.inspection.InspectionService;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.patrol.CaseStats;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.campaign.CampaignPhase;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.supervision.AssessmentService;
import cn.chuangwei.kernel.ApiException;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The data behind the campaign command board: the phase timeline with today's position, the units × phases heat map
 * (accepted / open / overdue), the month's ranking, the ladder's open escalations, readiness against the standard and
 * the patrol indicators over twelve months. Each part comes from grouped, indexed queries, not from loading tasks.
 * A unit head sees their own unit's rows of the heat map and escalations.
 */
@Service
public class DashboardService {

    public record PhaseBar(String phase, String name, LocalDate startDate, LocalDate endDate, String status,
                           int tasks, int accepted) {
    }

    public record HeatCell(String unitCode, String unitName, String phase, int accepted, int open, int overdue) {
    }

    /**
     * {@code myUnits}: the units the caller heads, belongs to or has in their charge as deputy (分管领导), which the board
     * opens on; the rest of the board is whatever the caller may see.
     */
    public record Board(long campaignId, String name, LocalDate today, List<String> myUnits, List<PhaseBar> phases,
                        List<HeatCell> heatMap,
                        List<AssessmentService.Score> ranking, List<Map<String, Object>> openEscalations,
                        InspectionService.Round readiness, List<Map<String, Object>> areaScores, List<CaseStats.Trend> patrol) {
    }

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final PhaseRepository phases;
    private final AssessmentService assessment;
    private final InspectionService inspection;
    private final DueDates dueDates;
    private final CaseStats caseStats;
    private final CurrentUser currentUser;
    private final VisibleCampaigns visible;

    DashboardService(JdbcClient jdbc, CampaignRepository campaigns, PhaseRepository phases, AssessmentService assessment,
                     InspectionService inspection, DueDates dueDates, CaseStats caseStats,
                     CurrentUser currentUser, VisibleCampaigns visible) {
        this.visible = visible;
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.phases = phases;
        this.assessment = assessment;
        this.inspection = inspection;
        this.dueDates = dueDates;
        this.caseStats = caseStats;
        this.currentUser = currentUser;
    }

    public Board board(long campaignId) {
        Campaign c = visible.require(campaignId);
        boolean all = currentUser.seesAllUnits();
        List<String> groups = currentUser.groups();
        List<CampaignUnit> units = campaigns.units(campaignId);
        LocalDate today = dueDates.today();
        Map<String, int[]> counts = new HashMap<>();
        jdbc.sql("""
                select phase, count(*) as total, sum(case when status = 'ACCEPTED' then 1 else 0 end) as accepted
                from task_row where campaign_id = :c group by phase""").param("c", campaignId)
                .query(rs -> {
                    counts.put(rs.getString("phase"), new int[] {rs.getInt("total"), rs.getInt("accepted")});
                });
        List<PhaseBar> bars = new ArrayList<>();
        for (CampaignPhase p : phases.ofCampaign(campaignId)) {
            int[] n = counts.getOrDefault(p.phase().name(), new int[2]);
            bars.add(new PhaseBar(p.phase().name(), p.phase().zh(), p.startDate(), p.endDate(), p.status().name(), n[0], n[1]));
        }
        List<HeatCell> heat = jdbc.sql("""
                select r.unit_code, u.name as unit_name, r.phase,
                       sum(case when r.status = 'ACCEPTED' then 1 else 0 end) as accepted,
                       sum(case when r.status = 'SUBMITTED' or (r.status in ('OPEN', 'RETURNED') and r.deadline >= :today)
                           then 1 else 0 end) as open_rows,
                       sum(case when r.status in ('OPEN', 'RETURNED') and r.deadline < :today then 1 else 0 end) as overdue
                from task_row r join campaign_unit u on u.campaign_id = r.campaign_id and u.code = r.unit_code
                where r.campaign_id = :c group by r.unit_code, u.name, r.phase order by r.unit_code, r.phase""")
                .param("c", campaignId).param("today", Date.valueOf(today))
                .query((rs, n) -> new HeatCell(rs.getString("unit_code"), rs.getString("unit_name"), rs.getString("phase"),
                        rs.getInt("accepted"), rs.getInt("open_rows"), rs.getInt("overdue")))
                .list().stream().filter(h -> all || groups.contains(Groups.unit(h.unitCode()))).toList();
        List<Map<String, Object>> escalations = jdbc.sql("""
                select e.task_row_id as "taskRowId", e.unit_code as "unitCode", u.name as "unitName", e.level as "level",
                       e.working_days_overdue as "workingDaysOverdue", r.title as "title"
                from escalation_step e join task_row r on r.id = e.task_row_id
                join campaign_unit u on u.campaign_id = e.campaign_id and u.code = e.unit_code
                where e.campaign_id = :c and r.status in ('OPEN', 'RETURNED')
                  and e.level_rank = (select max(level_rank) from escalation_step x where x.task_row_id = e.task_row_id)
                order by e.level_rank desc, e.working_days_overdue desc""").param("c", campaignId).query().listOfRows()
                .stream().filter(e -> all || groups.contains(Groups.unit((String) e.get("unitCode")))).toList();
        InspectionService.Round latest = inspection.current(campaignId).orElse(null);
        List<Map<String, Object>> areaScores = latest == null ? List.of() : jdbc.sql("""
                select area_code as "areaCode", sum(score) as "score", sum(max_points) as "maxPoints"
                from inspection_score where round_id = :r group by area_code order by area_code""")
                .param("r", latest.id()).query().listOfRows();
        List<CaseStats.Trend> trend = caseStats.trend(campaignId, YearMonth.from(today));
        List<String> myUnits = units.stream()
                .filter(u -> currentUser.id().equals(u.headUserId()) || currentUser.id().equals(u.deputyUserId())
                        || groups.contains(Groups.unit(u.code())))
                .map(CampaignUnit::code).toList();
        List<AssessmentService.Score> ranking = assessment.month(campaignId, YearMonth.from(today)).scores();
        return new Board(campaignId, c.name(), today, myUnits, bars, heat, ranking, escalations, latest, areaScores, trend);
    }
}
