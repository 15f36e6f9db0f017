package cn.chuangwei.escalation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The ladder's record: one row per subject (a task row or a case) and level, written once (a unique key guards against
 * a second node). Other modules read it through the query methods here.
 */
@Repository
public class EscalationRepository {

    /** A rung a subject reached: {@code taskRowId} for a task's, {@code caseId} for a case's. */
    public record Step(long id, long campaignId, Long taskRowId, Long caseId, String unitCode, LadderLevel level,
                       int workingDaysOverdue, String interviewer, String notified, Instant reachedAt) {
    }

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the step unless this subject already reached this level; returns whether it was new. */
    boolean record(Subject s, LadderLevel level, int daysOverdue, String interviewer, String notified, Instant now) {
        String column = s.kind().column;
        return jdbc.sql("""
                insert into escalation_step (campaign_id, %1$s, unit_code, level, level_rank, working_days_overdue,
                                             interviewer, notified, reached_at)
                select :c, :s, :u, :l, :rank, :d, :i, :n, :t from (values (1)) as one(x)
                where not exists (select 1 from escalation_step where %1$s = :s and level = :l)""".formatted(column))
                .param("c", s.campaignId()).param("s", s.id()).param("u", s.unitCode()).param("l", level.name())
                .param("rank", level.rank()).param("d", daysOverdue).param("i", interviewer).param("n", notified)
                .param("t", Timestamp.from(now)).update() > 0;
    }

    /**
     * Where a subject stands, read in one query: how many other subjects of the same kind of its unit in the campaign
     * went red or further, and the highest level it has reached itself.
     */
    record Standing(int unitEscalations, Optional<LadderLevel> highest) {
    }

    Standing standing(Subject s) {
        return jdbc.sql("""
                select (select count(distinct %1$s) from escalation_step
                        where campaign_id = :c and unit_code = :u and level_rank >= :red and %1$s <> :s) as reds,
                       (select max(level_rank) from escalation_step where %1$s = :s) as highest
                from (values (1)) as one(x)""".formatted(s.kind().column))
                .param("c", s.campaignId()).param("u", s.unitCode()).param("red", LadderLevel.RED.rank()).param("s", s.id())
                .query((rs, n) -> {
                    int highest = rs.getInt("highest");
                    return new Standing(rs.getInt("reds"),
                            rs.wasNull() ? Optional.empty() : Optional.of(LadderLevel.values()[highest]));
                }).single();
    }

    /** The steps a task row reached, lowest first. */
    public List<Step> ofTask(long rowId) {
        return jdbc.sql("select * from escalation_step where task_row_id = :r order by level_rank").param("r", rowId)
                .query(EscalationRepository::step).list();
    }

    /** Every step of a campaign's tasks and cases, in the order they were reached. */
    public List<Step> ofCampaign(long campaignId) {
        return jdbc.sql("select * from escalation_step where campaign_id = :c order by reached_at, id").param("c", campaignId)
                .query(EscalationRepository::step).list();
    }

    /** The steps of a kind of subject reached from {@code from} up to (not including) {@code to}. */
    public List<Step> reached(long campaignId, Subject.Kind kind, Instant from, Instant to) {
        return jdbc.sql("""
                select * from escalation_step where campaign_id = :c and %s is not null and reached_at >= :f and reached_at < :t
                order by reached_at, id""".formatted(kind.column))
                .param("c", campaignId).param("f", Timestamp.from(from)).param("t", Timestamp.from(to))
                .query(EscalationRepository::step).list();
    }

    /** The highest step each of the task rows reached (rows that reached none are absent). */
    public Map<Long, Step> highestOfTasks(Collection<Long> rowIds) {
        Map<Long, Step> highest = new HashMap<>();
        if (rowIds.isEmpty()) {
            return highest;
        }
        jdbc.sql("select * from escalation_step where task_row_id in (:r)").param("r", rowIds)
                .query(EscalationRepository::step).list()
                .forEach(s -> highest.merge(s.taskRowId(), s, (a, b) -> a.level().rank() >= b.level().rank() ? a : b));
        return highest;
    }

    private static Step step(ResultSet rs, int n) throws SQLException {
        return new Step(rs.getLong("id"), rs.getLong("campaign_id"), (Long) rs.getObject("task_row_id", Long.class),
                (Long) rs.getObject("case_id", Long.class), rs.getString("unit_code"),
                LadderLevel.valueOf(rs.getString("level")), rs.getInt("working_days_overdue"), rs.getString("interviewer"),
                rs.getString("notified"), rs.getTimestamp("reached_at").toInstant());
    }
}
