package cn.chuangwei.task;

import cn.chuangwei.campaign.PhaseProgress;
import cn.chuangwei.kernel.Phase;
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
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** The task decomposition table and each row's history of events. */
@Repository
public class TaskRowRepository implements PhaseProgress {

    private final JdbcClient jdbc;

    TaskRowRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Writes a row at the end of its phase and returns its id. */
    public long insert(long campaignId, NewTaskRow row, TaskOrigin origin, int gateRound) {
        KeyHolder keys = new GeneratedKeyHolder();
        Integer seq = jdbc.sql("select coalesce(max(seq), 0) + 1 from task_row where campaign_id = :c and phase = :p")
                .param("c", campaignId).param("p", row.phase().name()).query(Integer.class).single();
        jdbc.sql("""
                insert into task_row (campaign_id, phase, seq, title, target, unit_code, person_user_id, deadline, critical,
                                      area_code, origin, gate_round, status)
                values (:c, :p, :seq, :title, :target, :unit, :person, :deadline, :critical, :area, :origin, :round, :open)""")
                .param("open", TaskStatus.OPEN.name()).param("c", campaignId).param("p", row.phase().name()).param("seq", seq).param("title", row.title())
                .param("target", row.target()).param("unit", row.unitCode()).param("person", row.personUserId())
                .param("deadline", row.deadline()).param("critical", row.critical()).param("area", row.areaCode())
                .param("origin", origin.name()).param("round", gateRound)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The unit of each of the rows, by row id. */
    Map<Long, String> unitCodes(Collection<Long> ids) {
        Map<Long, String> units = new HashMap<>();
        if (!ids.isEmpty()) {
            jdbc.sql("select id, unit_code from task_row where id in (:ids)").param("ids", ids)
                    .query(rs -> {
                        units.put(rs.getLong("id"), rs.getString("unit_code"));
                    });
        }
        return units;
    }

    /** The rows with these ids, in one query. */
    public List<TaskRow> findAll(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from task_row where id in (:ids)").param("ids", ids).query(TaskRowRepository::row).list();
    }

    public Optional<TaskRow> find(long id) {
        return jdbc.sql("select * from task_row where id = :id").param("id", id).query(TaskRowRepository::row).optional();
    }

    public List<TaskRow> ofCampaign(long campaignId, Phase phase, String unitCode, TaskStatus status) {
        return jdbc.sql("""
                select * from task_row where campaign_id = :c
                and (cast(:p as varchar(20)) is null or phase = :p)
                and (cast(:u as varchar(40)) is null or unit_code = :u)
                and (cast(:s as varchar(20)) is null or status = :s)
                order by id""")
                .param("c", campaignId).param("p", phase == null ? null : phase.name()).param("u", unitCode)
                .param("s", status == null ? null : status.name())
                .query(TaskRowRepository::row).list();
    }

    /** Rows of a phase still to be worked on: neither accepted nor closed unfinished. */
    public List<TaskRow> openRows(long campaignId, Phase phase) {
        return jdbc.sql("""
                select * from task_row where campaign_id = :c and phase = :p and status in (:active)
                order by id""").param("active", TaskStatus.activeNames()).param("c", campaignId).param("p", phase.name()).query(TaskRowRepository::row).list();
    }

    /** Rows waiting for their unit (open or returned) in the given phases, by deadline. */
    public List<TaskRow> waitingRows(long campaignId, Collection<Phase> phases) {
        if (phases.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from task_row where campaign_id = :c and phase in (:p) and status in (:open) order by deadline, id""")
                .param("c", campaignId).param("p", phases.stream().map(Enum::name).toList())
                .param("open", TaskStatus.openNames()).query(TaskRowRepository::row).list();
    }

    /** A critical row not accepted (重点任务未验收), as the phase gate weighs it. */
    private static final String CRITICAL_OPEN = "critical and status <> :accepted";

    @Override
    public PhaseCounts counts(long campaignId, Phase phase) {
        return jdbc.sql("""
                select count(*) as total,
                       sum(case when status = :accepted then 1 else 0 end) as accepted,
                       sum(case when %s then 1 else 0 end) as critical_open
                from task_row where campaign_id = :c and phase = :p""".formatted(CRITICAL_OPEN))
                .param("accepted", TaskStatus.ACCEPTED.name()).param("c", campaignId).param("p", phase.name())
                .query((rs, n) -> new PhaseCounts(rs.getInt("total"), rs.getInt("accepted"), rs.getInt("critical_open")))
                .single();
    }

    /** The phase's critical rows not accepted: those {@link #counts} counts as {@code criticalOpen}. */
    public List<TaskRow> criticalOpen(long campaignId, Phase phase) {
        return jdbc.sql("select * from task_row where campaign_id = :c and phase = :p and " + CRITICAL_OPEN + " order by seq")
                .param("accepted", TaskStatus.ACCEPTED.name()).param("c", campaignId).param("p", phase.name())
                .query(TaskRowRepository::row).list();
    }

    /** The office moved the row's deadline. */
    void setDeadline(long id, java.time.LocalDate deadline) {
        jdbc.sql("update task_row set deadline = :d where id = :id").param("d", deadline).param("id", id).update();
    }

    /** The office gave the row to another unit, whose head answers for it. */
    void setUnit(long id, String unitCode, String personUserId) {
        jdbc.sql("update task_row set unit_code = :u, person_user_id = :p where id = :id")
                .param("u", unitCode).param("p", personUserId).param("id", id).update();
    }

    /** The first time a row is handed to its unit starts its time limit. */
    public void markAssigned(long id, Instant now) {
        jdbc.sql("update task_row set assigned_at = :t where id = :id and assigned_at is null")
                .param("t", Timestamp.from(now)).param("id", id).update();
    }

    void markSubmitted(long id, String summary, String user, Instant now) {
        jdbc.sql("""
                update task_row set status = :status, result_summary = :s, submitted_by = :u, submitted_at = :t
                where id = :id""").param("status", TaskStatus.SUBMITTED.name()).param("s", summary).param("u", user).param("t", Timestamp.from(now)).param("id", id).update();
    }

    void markAccepted(long id, String user, Instant now) {
        jdbc.sql("update task_row set status = :status, accepted_by = :u, accepted_at = :t, return_reason = null where id = :id")
                .param("status", TaskStatus.ACCEPTED.name()).param("u", user).param("t", Timestamp.from(now)).param("id", id).update();
    }

    void markReturned(long id, String reason) {
        jdbc.sql("update task_row set status = :status, return_reason = :r, rework_count = rework_count + 1 where id = :id")
                .param("status", TaskStatus.RETURNED.name()).param("r", reason).param("id", id).update();
    }

    /** When a phase closes, its rows that were never accepted are recorded as unfinished. */
    public int markUnfinished(long campaignId, Phase phase) {
        return jdbc.sql("""
                update task_row set status = :unfinished
                where campaign_id = :c and phase = :p and status in (:active)""")
                .param("unfinished", TaskStatus.UNFINISHED.name()).param("active", TaskStatus.activeNames())
                .param("c", campaignId).param("p", phase.name()).update();
    }

    public void event(long rowId, String event, String actor, String note, Instant now) {
        jdbc.sql("insert into task_event (task_row_id, event, actor, note, at) values (:r, :e, :a, :n, :t)")
                .param("r", rowId).param("e", event).param("a", actor).param("n", note).param("t", Timestamp.from(now))
                .update();
    }

    /** How often each unit had a row returned for rework from {@code from} up to (not including) {@code to}. */
    public Map<String, Integer> returnsByUnit(long campaignId, Instant from, Instant to) {
        Map<String, Integer> returns = new HashMap<>();
        jdbc.sql("""
                select r.unit_code, count(*) as n from task_event e join task_row r on r.id = e.task_row_id
                where r.campaign_id = :c and e.event = :returned and e.at >= :from and e.at < :to
                group by r.unit_code""")
                .param("c", campaignId).param("returned", TaskStatus.RETURNED.name())
                .param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .query(rs -> {
                    returns.put(rs.getString("unit_code"), rs.getInt("n"));
                });
        return returns;
    }

    public List<TaskEvent> events(long rowId) {
        return jdbc.sql("select * from task_event where task_row_id = :r order by id").param("r", rowId)
                .query((rs, n) -> new TaskEvent(rs.getString("event"), rs.getString("actor"), rs.getString("note"),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    /** Something that happened to a row: submitted, returned, accepted, closed unfinished. */
    public record TaskEvent(String event, String actor, String note, Instant at) {
    }

    private static TaskRow row(ResultSet rs, int n) throws SQLException {
        return new TaskRow(rs.getLong("id"), rs.getLong("campaign_id"), Phase.valueOf(rs.getString("phase")),
                rs.getInt("seq"), rs.getString("title"), rs.getString("target"), rs.getString("unit_code"),
                rs.getString("person_user_id"), rs.getDate("deadline").toLocalDate(), rs.getBoolean("critical"),
                rs.getString("area_code"), TaskOrigin.valueOf(rs.getString("origin")), rs.getInt("gate_round"),
                TaskStatus.valueOf(rs.getString("status")), rs.getString("result_summary"), rs.getString("return_reason"),
                rs.getInt("rework_count"), instant(rs.getTimestamp("submitted_at")), rs.getString("submitted_by"),
                instant(rs.getTimestamp("accepted_at")), rs.getString("accepted_by"), instant(rs.getTimestamp("assigned_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
