package cn.chuangwei.supervision;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.calendar.TimeLimits;
import cn.chuangwei.campaign.CampaignStatus;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.escalation.LadderLevel;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.org.Visibility;
import cn.chuangwei.task.TaskStatus;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The supervisors' audit: every open unit task of the running phases with its colour, and the overdue ones sorted by
 * working days overdue. The office, the supervisors and the leading group see every unit; a unit head sees their own.
 */
@Service
public class SupervisionService {

    /** Filters of the audit; null means any. */
    public record Filter(Long campaignId, Phase phase, String unitCode, String deputyUserId, LadderLevel level) {

        /** The list's filters from request parameters, each refused by name when it is not understood. */
        public static Filter parse(Long campaignId, String phase, String unit, String deputy, String level) {
            Phase p = phase == null ? null
                    : Phase.parse(phase).orElseThrow(() -> ApiException.badRequest("unknown-phase", "phase", "phase", phase));
            LadderLevel l = null;
            if (level != null) {
                try {
                    l = LadderLevel.valueOf(level.toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    throw ApiException.badRequest("invalid-choice", "level", "level", level,
                            "YELLOW, RED, CIRCULAR, INTERVIEW, ACCOUNTABILITY");
                }
            }
            return new Filter(campaignId, p, unit, deputy, l);
        }
    }

    private final JdbcClient jdbc;
    private final DueDates dueDates;
    private final TimeLimits timeLimits;
    private final CurrentUser currentUser;
    private final Visibility visibility;
    private final double yellowShare;

    SupervisionService(JdbcClient jdbc, DueDates dueDates, TimeLimits timeLimits, CurrentUser currentUser,
                       @Value("${chuangwei.supervision.yellow-share:0.8}") double yellowShare, Visibility visibility) {
        this.jdbc = jdbc;
        this.dueDates = dueDates;
        this.timeLimits = timeLimits;
        this.currentUser = currentUser;
        this.visibility = visibility;
        this.yellowShare = yellowShare;
    }

    /** An unknown campaign, unit or deputy in a filter is refused, not answered with an empty list. */
    private void check(Filter f) {
        if (f.campaignId() != null && jdbc.sql("select count(*) from campaign where id = :c").param("c", f.campaignId())
                .query(Integer.class).single() == 0) {
            throw ApiException.notFound("unknown-campaign", f.campaignId());
        }
        if (f.unitCode() != null && jdbc.sql("""
                select count(*) from campaign_unit where code = :u and (cast(:c as bigint) is null or campaign_id = :c)""")
                .param("u", f.unitCode()).param("c", f.campaignId()).query(Integer.class).single() == 0) {
            throw ApiException.badRequest("unknown-unit", "unit", "unit", f.unitCode());
        }
        if (f.deputyUserId() != null && jdbc.sql("""
                select count(*) from campaign_member where user_id = :d and role in ('LEADER', 'DEPUTY')
                and (cast(:c as bigint) is null or campaign_id = :c)""")
                .param("d", f.deputyUserId()).param("c", f.campaignId()).query(Integer.class).single() == 0) {
            throw ApiException.badRequest("deputy-not-in-group", "deputy", "deputy", f.deputyUserId());
        }
    }

    /** Circulars and the ladder's record are for the office, the supervisors and the leading group. */
    public void requireAuditor() {
        visibility.requireAllUnits();
    }

    public List<OpenTask> overdue(Filter f) {
        return open(f).stream().filter(t -> "RED".equals(t.colour()))
                .sorted(Comparator.comparingInt(OpenTask::workingDaysOverdue).reversed()
                        .thenComparing(OpenTask::deadline).thenComparing(OpenTask::taskRowId))
                .toList();
    }

    public List<OpenTask> open(Filter f) {
        check(f);
        Predicate<String> sees = visibility.unitFilter();
        LocalDate today = dueDates.today();
        return jdbc.sql("""
                select r.id, r.campaign_id, c.name as campaign_name, r.phase, r.title, r.unit_code, u.name as unit_name,
                       u.deputy_user_id, r.person_user_id, r.deadline, r.critical, r.assigned_at,
                       (select max(e.level_rank) from escalation_step e where e.task_row_id = r.id) as max_rank
                from task_row r
                join campaign c on c.id = r.campaign_id
                join campaign_phase p on p.campaign_id = r.campaign_id and p.phase = r.phase
                join campaign_unit u on u.campaign_id = r.campaign_id and u.code = r.unit_code
                where r.status in (:open) and p.status not in (:idle) and c.status = :running
                  and (cast(:c as bigint) is null or r.campaign_id = :c)
                  and (cast(:p as varchar(20)) is null or r.phase = :p)
                  and (cast(:u as varchar(40)) is null or r.unit_code = :u)
                  and (cast(:d as varchar(64)) is null or u.deputy_user_id = :d)
                order by r.deadline, r.id""")
                .param("c", f.campaignId()).param("p", f.phase() == null ? null : f.phase().name())
                .param("u", f.unitCode()).param("d", f.deputyUserId())
                .param("open", TaskStatus.openNames()).param("idle", PhaseStatus.idleNames())
                .param("running", CampaignStatus.ACTIVE.name())
                .query((rs, n) -> {
                    LocalDate deadline = rs.getDate("deadline").toLocalDate();
                    Timestamp assignedAt = rs.getTimestamp("assigned_at");
                    LocalDate assigned = assignedAt == null ? today
                            : assignedAt.toInstant().atZone(dueDates.zone()).toLocalDate();
                    TimeLimits.Measure m = timeLimits.measure(assigned, deadline);
                    double used = m.timeUsedShare();
                    int days = m.workingDaysOverdue();
                    String colour = m.overdue() ? "RED" : used >= yellowShare ? "YELLOW" : "GREEN";
                    int rank = rs.getInt("max_rank");
                    String level = rs.wasNull() ? null : LadderLevel.values()[rank].name();
                    Phase phase = Phase.valueOf(rs.getString("phase"));
                    return new OpenTask(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("campaign_name"),
                            phase.name(), phase.zh(), rs.getString("unit_code"), rs.getString("unit_name"),
                            rs.getString("deputy_user_id"), rs.getString("person_user_id"), rs.getString("title"), deadline,
                            rs.getBoolean("critical"), colour, Math.round(used * 1000) / 1000.0, days, level);
                })
                .list().stream()
                .filter(t -> sees.test(t.unitCode()))
                .filter(t -> f.level() == null || f.level().name().equals(t.level()))
                .toList();
    }
}
