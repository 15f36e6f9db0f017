package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.escalation.EscalationRepository;
import cn.chuangwei.escalation.Subject;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.patrol.CaseStats;
import cn.chuangwei.task.OverdueRule;
import cn.chuangwei.task.TaskRowRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly assessment (月度考核): each unit's score for a month and the ranking of all units. An open month is
 * computed from the record as it stands; once the office closes a month its scores are frozen.
 */
@Service
public class AssessmentService {

    /** A unit's result for the month. */
    public record Score(int rank, String unitCode, String unitName, BigDecimal score, int overdueTasks, int overdueDays,
                        int rework, BigDecimal escalationPoints, BigDecimal casePoints, BigDecimal deductions) {
    }

    /** The month's results, best first. */
    public record Month(long campaignId, String campaignName, String month, boolean closed, Instant closedAt,
                        AssessmentRules rules, List<Score> scores) {
    }

    private final JdbcClient jdbc;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final AssessmentRules rules;
    private final CaseStats caseStats;
    private final OverdueRule overdueRule;
    private final TaskRowRepository rows;
    private final EscalationRepository escalations;
    private final Clock clock;

    AssessmentService(JdbcClient jdbc, CampaignRepository campaigns, DueDates dueDates, AssessmentRules rules,
                      CaseStats caseStats, OverdueRule overdueRule, TaskRowRepository rows, EscalationRepository escalations,
                      Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.rules = rules;
        this.caseStats = caseStats;
        this.overdueRule = overdueRule;
        this.rows = rows;
        this.escalations = escalations;
        this.clock = clock;
    }

    /** A month as yyyy-MM, in the years a campaign can run (2000–2099). */
    public Month month(long campaignId, YearMonth month) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        Instant closedAt = jdbc.sql("select closed_at from assessment_month where campaign_id = :c and year_month = :m")
                .param("c", campaignId).param("m", month.toString()).query(Timestamp.class).optional()
                .map(Timestamp::toInstant).orElse(null);
        List<Score> scores = closedAt != null ? frozen(campaignId, month) : compute(campaignId, month);
        return new Month(campaignId, c.name(), month.toString(), closedAt != null, closedAt, rules, scores);
    }

    /** Freezes a month that has ended; a closed month cannot be closed again. */
    @Transactional
    public Month close(long campaignId, YearMonth month, String user) {
        campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        if (!month.atEndOfMonth().isBefore(dueDates.today())) {
            throw ApiException.badRequest("month-not-over", "month", month.toString());
        }
        if (jdbc.sql("select count(*) from assessment_month where campaign_id = :c and year_month = :m")
                .param("c", campaignId).param("m", month.toString()).query(Integer.class).single() > 0) {
            throw ApiException.conflict("month-closed", "month", month.toString());
        }
        List<Score> scores = compute(campaignId, month);
        jdbc.sql("insert into assessment_month (campaign_id, year_month, closed_by, closed_at) values (:c, :m, :u, :t)")
                .param("c", campaignId).param("m", month.toString()).param("u", user)
                .param("t", Timestamp.from(clock.instant())).update();
        for (Score s : scores) {
            jdbc.sql("""
                    insert into assessment_score (campaign_id, year_month, unit_code, unit_name, rank_no, score, overdue_tasks,
                                                  overdue_days, rework, escalation_points, case_points, deductions)
                    values (:c, :m, :u, :n, :r, :s, :ot, :od, :rw, :ep, :cp, :d)""")
                    .param("c", campaignId).param("m", month.toString()).param("u", s.unitCode()).param("n", s.unitName())
                    .param("r", s.rank()).param("s", s.score()).param("ot", s.overdueTasks()).param("od", s.overdueDays())
                    .param("rw", s.rework()).param("ep", s.escalationPoints()).param("cp", s.casePoints())
                    .param("d", s.deductions()).update();
        }
        return month(campaignId, month);
    }

    private List<Score> frozen(long campaignId, YearMonth month) {
        return jdbc.sql("select * from assessment_score where campaign_id = :c and year_month = :m order by rank_no, unit_code")
                .param("c", campaignId).param("m", month.toString())
                .query((rs, n) -> new Score(rs.getInt("rank_no"), rs.getString("unit_code"), rs.getString("unit_name"),
                        rs.getBigDecimal("score").setScale(2, RoundingMode.HALF_UP), rs.getInt("overdue_tasks"),
                        rs.getInt("overdue_days"), rs.getInt("rework"),
                        rs.getBigDecimal("escalation_points").setScale(2, RoundingMode.HALF_UP),
                        rs.getBigDecimal("case_points").setScale(2, RoundingMode.HALF_UP),
                        rs.getBigDecimal("deductions").setScale(2, RoundingMode.HALF_UP)))
                .list();
    }

    List<Score> compute(long campaignId, YearMonth month) {
        Instant from = startOf(month.atDay(1));
        Instant to = startOf(month.atEndOfMonth().plusDays(1));
        Map<String, OverdueRule.MonthOverdue> overdue = overdueRule.inMonth(campaignId, month);
        Map<String, Integer> rework = rows.returnsByUnit(campaignId, from, to);
        Map<String, BigDecimal> levels = new HashMap<>();
        for (EscalationRepository.Step step : escalations.reached(campaignId, Subject.Kind.TASK, from, to)) {
            levels.merge(step.unitCode(), rules.levelPoints(step.level().name()), BigDecimal::add);
        }
        Map<String, BigDecimal> casePoints = new HashMap<>();
        for (CaseStats.Row row : caseStats.month(campaignId, month).units()) {
            if (row.dueToClose() > 0) {
                BigDecimal rate = BigDecimal.valueOf(row.onTimeRate());
                if (rate.compareTo(rules.caseOnTimeTarget()) < 0) {
                    casePoints.merge(row.key(), rules.caseOnTimeTarget().subtract(rate).multiply(BigDecimal.valueOf(100))
                            .multiply(rules.perCasePointBelow()), BigDecimal::add);
                }
            }
        }
        caseStats.failedChecks(campaignId, from, to).forEach((unit, n) ->
                casePoints.merge(unit, rules.perFailedCheck().multiply(BigDecimal.valueOf(n)), BigDecimal::add));
        List<Score> unranked = new ArrayList<>();
        for (CampaignUnit u : campaigns.units(campaignId)) {
            OverdueRule.MonthOverdue o = overdue.getOrDefault(u.code(), new OverdueRule.MonthOverdue(0, 0));
            int rw = rework.getOrDefault(u.code(), 0);
            BigDecimal lv = levels.getOrDefault(u.code(), BigDecimal.ZERO);
            BigDecimal cp = casePoints.getOrDefault(u.code(), BigDecimal.ZERO);
            BigDecimal deductions = rules.perOverdueTask().multiply(BigDecimal.valueOf(o.tasks()))
                    .add(rules.perOverdueDay().multiply(BigDecimal.valueOf(o.workingDays())))
                    .add(rules.perRework().multiply(BigDecimal.valueOf(rw))).add(lv).add(cp);
            BigDecimal score = rules.baseScore().subtract(deductions).max(BigDecimal.ZERO);
            unranked.add(new Score(0, u.code(), u.name(), score.setScale(2, RoundingMode.HALF_UP), o.tasks(), o.workingDays(), rw,
                    lv.setScale(2, RoundingMode.HALF_UP), cp.setScale(2, RoundingMode.HALF_UP),
                    deductions.setScale(2, RoundingMode.HALF_UP)));
        }
        unranked.sort(Comparator.comparing(Score::score).reversed().thenComparing(Score::unitCode));
        List<Score> ranked = new ArrayList<>();
        for (int i = 0; i < unranked.size(); i++) {
            Score s = unranked.get(i);
            int rank = i > 0 && unranked.get(i - 1).score().compareTo(s.score()) == 0 ? ranked.get(i - 1).rank() : i + 1;
            ranked.add(new Score(rank, s.unitCode(), s.unitName(), s.score(), s.overdueTasks(), s.overdueDays(), s.rework(),
                    s.escalationPoints(), s.casePoints(), s.deductions()));
        }
        return ranked;
    }

    private Instant startOf(LocalDate day) {
        return day.atStartOfDay(dueDates.zone()).toInstant();
    }
}
