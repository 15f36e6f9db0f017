package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.WorkCalendar;
import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.patrol.CaseStats;
import cn.chuangwei.task.TaskStatus;
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
    private final Clock clock;

    AssessmentService(JdbcClient jdbc, CampaignRepository campaigns, DueDates dueDates, AssessmentRules rules,
                      CaseStats caseStats, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.rules = rules;
        this.caseStats = caseStats;
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
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        WorkCalendar calendar = dueDates.calendar();
        Map<String, int[]> overdue = new HashMap<>();
        java.time.Instant now = dueDates.now().toInstant();
        java.time.Instant monthStart = first.atStartOfDay(dueDates.zone()).toInstant();
        java.time.Instant monthEnd = last.plusDays(1).atStartOfDay(dueDates.zone()).toInstant();
        jdbc.sql("""
                select r.unit_code, r.deadline, r.status, r.submitted_at from task_row r
                join campaign_phase p on p.campaign_id = r.campaign_id and p.phase = r.phase
                where r.campaign_id = :c and p.status <> :pending and r.deadline <= :last""")
                .param("c", campaignId).param("last", last).param("pending", PhaseStatus.PENDING.name())
                .query(rs -> {
                    LocalDate deadline = rs.getDate("deadline").toLocalDate();
                    TaskStatus status = TaskStatus.valueOf(rs.getString("status"));
                    Timestamp submitted = rs.getTimestamp("submitted_at");
                    // open until submitted (then accepted or returned), else still open now
                    boolean handedIn = (status == TaskStatus.SUBMITTED || status == TaskStatus.ACCEPTED) && submitted != null;
                    java.time.Instant end = handedIn ? submitted.toInstant() : now;
                    java.time.Instant until = end.isBefore(monthEnd) ? end : monthEnd;
                    // overdue within the month: its deadline passed (18:00 of the day) while it was open in the month
                    if (!until.isAfter(monthStart) || !dueDates.isPast(deadline, until)) {
                        return;
                    }
                    LocalDate endDay = end.atZone(dueDates.zone()).toLocalDate();
                    LocalDate from = deadline.plusDays(1).isAfter(first) ? deadline.plusDays(1) : first;
                    LocalDate to = endDay.isBefore(last) ? endDay : last;
                    int days = to.isBefore(from) ? 0 : calendar.workingDaysBetween(from.minusDays(1), to);
                    int[] acc = overdue.computeIfAbsent(rs.getString("unit_code"), k -> new int[2]);
                    acc[0]++;
                    acc[1] += days;
                });
        Map<String, Integer> rework = new HashMap<>();
        jdbc.sql("""
                select r.unit_code, count(*) as n from task_event e join task_row r on r.id = e.task_row_id
                where r.campaign_id = :c and e.event = 'RETURNED' and e.at >= :from and e.at < :to
                group by r.unit_code""")
                .param("c", campaignId).param("from", startOf(first)).param("to", startOf(last.plusDays(1)))
                .query(rs -> {
                    rework.put(rs.getString("unit_code"), rs.getInt("n"));
                });
        Map<String, BigDecimal> levels = new HashMap<>();
        jdbc.sql("""
                select unit_code, level from escalation_step
                where campaign_id = :c and reached_at >= :from and reached_at < :to""")
                .param("c", campaignId).param("from", startOf(first)).param("to", startOf(last.plusDays(1)))
                .query(rs -> {
                    levels.merge(rs.getString("unit_code"), rules.levelPoints(rs.getString("level")), BigDecimal::add);
                });

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
        jdbc.sql("""
                select p.unit_code, count(*) as n from case_event e join patrol_case p on p.id = e.case_id
                where p.campaign_id = :c and e.event = 'CHECK_FAILED' and e.at >= :from and e.at < :to group by p.unit_code""")
                .param("c", campaignId).param("from", startOf(first)).param("to", startOf(last.plusDays(1)))
                .query(rs -> {
                    casePoints.merge(rs.getString("unit_code"), rules.perFailedCheck().multiply(BigDecimal.valueOf(rs.getInt("n"))),
                            BigDecimal::add);
                });
        List<Score> unranked = new ArrayList<>();
        for (CampaignUnit u : campaigns.units(campaignId)) {
            int[] o = overdue.getOrDefault(u.code(), new int[2]);
            int rw = rework.getOrDefault(u.code(), 0);
            BigDecimal lv = levels.getOrDefault(u.code(), BigDecimal.ZERO);
            BigDecimal cp = casePoints.getOrDefault(u.code(), BigDecimal.ZERO);
            BigDecimal deductions = rules.perOverdueTask().multiply(BigDecimal.valueOf(o[0]))
                    .add(rules.perOverdueDay().multiply(BigDecimal.valueOf(o[1])))
                    .add(rules.perRework().multiply(BigDecimal.valueOf(rw))).add(lv).add(cp);
            BigDecimal score = rules.baseScore().subtract(deductions).max(BigDecimal.ZERO);
            unranked.add(new Score(0, u.code(), u.name(), score.setScale(2, RoundingMode.HALF_UP), o[0], o[1], rw,
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

    private Timestamp startOf(LocalDate day) {
        return Timestamp.from(day.atStartOfDay(dueDates.zone()).toInstant());
    }
}
