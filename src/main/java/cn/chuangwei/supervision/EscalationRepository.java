package cn.chuangwei.supervision;

import cn.chuangwei.escalation.LadderLevel;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The ladder's record: one row per task and level, written once (a unique key guards against a second node). */
@Repository
public class EscalationRepository {

    /** A rung a task reached. */
    public record Step(long id, long campaignId, long taskRowId, String unitCode, LadderLevel level,
                       int workingDaysOverdue, String interviewer, String notified, Instant reachedAt) {
    }

    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the step unless this task already reached this level; returns whether it was new. */
    boolean record(long campaignId, long rowId, String unitCode, LadderLevel level, int daysOverdue, String interviewer,
                   String notified, Instant now) {
        return jdbc.sql("""
                insert into escalation_step (campaign_id, task_row_id, unit_code, level, level_rank, working_days_overdue,
                                             interviewer, notified, reached_at)
                select :c, :r, :u, :l, :rank, :d, :i, :n, :t from (values (1)) as one(x)
                where not exists (select 1 from escalation_step where task_row_id = :r and level = :l)""")
                .param("c", campaignId).param("r", rowId).param("u", unitCode).param("l", level.name())
                .param("rank", level.rank()).param("d", daysOverdue).param("i", interviewer).param("n", notified)
                .param("t", Timestamp.from(now)).update() > 0;
    }

    /** The highest level a task has reached. */
    Optional<LadderLevel> highest(long rowId) {
        return jdbc.sql("select level from escalation_step where task_row_id = :r order by level_rank desc fetch first 1 rows only")
                .param("r", rowId).query(String.class).optional().map(LadderLevel::valueOf);
    }

    /** How many other tasks of the unit in the campaign went red or further. */
    int unitEscalations(long campaignId, String unitCode, long exceptRowId) {
        return jdbc.sql("""
                select count(distinct task_row_id) from escalation_step
                where campaign_id = :c and unit_code = :u and level_rank >= :red and task_row_id <> :r""")
                .param("c", campaignId).param("u", unitCode).param("red", LadderLevel.RED.rank()).param("r", exceptRowId)
                .query(Integer.class).single();
    }

    public List<Step> ofRow(long rowId) {
        return jdbc.sql("select * from escalation_step where task_row_id = :r order by level_rank").param("r", rowId)
                .query(EscalationRepository::step).list();
    }

    public List<Step> ofCampaign(long campaignId) {
        return jdbc.sql("select * from escalation_step where campaign_id = :c order by reached_at, id").param("c", campaignId)
                .query(EscalationRepository::step).list();
    }

    private static Step step(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Step(rs.getLong("id"), rs.getLong("campaign_id"), rs.getLong("task_row_id"), rs.getString("unit_code"),
                LadderLevel.valueOf(rs.getString("level")), rs.getInt("working_days_overdue"), rs.getString("interviewer"),
                rs.getString("notified"), rs.getTimestamp("reached_at").toInstant());
    }
}
