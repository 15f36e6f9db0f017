package cn.chuangwei.patrol;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Cases, their photos and their history. */
@Repository
class CaseRepository {

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(CaseService.Report r, String source, String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into patrol_case (campaign_id, grid_code, source, source_ref, category, urgency, description, address,
                                         latitude, longitude, reported_by, caller_name, caller_phone, caller_email, status,
                                         reported_at)
                values (:c, :g, :s, :sr, :cat, :u, :d, :a, :lat, :lon, :by, :cn, :cp, :ce, :reported, :t)""")
                .param("sr", r.sourceRef())
                .param("reported", CaseStatus.REPORTED.name()).param("c", r.campaignId()).param("g", r.gridCode()).param("s", source).param("cat", r.category())
                .param("u", r.urgency()).param("d", r.description()).param("a", r.address()).param("lat", r.latitude())
                .param("lon", r.longitude()).param("by", user).param("cn", r.callerName()).param("cp", r.callerPhone())
                .param("ce", r.callerEmail()).param("t", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<PatrolCase> find(long id) {
        return jdbc.sql("select * from patrol_case where id = :id").param("id", id).query(CaseRepository::row).optional();
    }

    List<PatrolCase> list(Long campaignId, String status, String unit) {
        return jdbc.sql("""
                select * from patrol_case where (cast(:c as bigint) is null or campaign_id = :c)
                and (cast(:s as varchar(20)) is null or status = :s) and (cast(:u as varchar(40)) is null or unit_code = :u)
                order by id""").param("c", campaignId).param("s", status).param("u", unit)
                .query(CaseRepository::row).list();
    }

    /**
     * A campaign's cases for the board's lists: by status and unit, reported within [from, to), due to close or closed
     * within [dueFrom, dueTo) / [closedFrom, closedTo); voided cases only when asked for by status. At most 1000.
     */
    List<PatrolCase> search(Long campaignId, String status, String unit, String reportedBy, Timestamp from, Timestamp to,
                            Timestamp dueFrom, Timestamp dueTo, Timestamp closedFrom, Timestamp closedTo) {
        return jdbc.sql("""
                select * from patrol_case where (cast(:c as bigint) is null or campaign_id = :c)
                and (cast(:s as varchar(20)) is null or status = :s) and (cast(:s as varchar(20)) is not null or status <> :void)
                and (cast(:u as varchar(40)) is null or unit_code = :u)
                and (cast(:by as varchar(64)) is null or reported_by = :by)
                and (cast(:f as timestamp) is null or reported_at >= :f) and (cast(:t as timestamp) is null or reported_at < :t)
                and (cast(:df as timestamp) is null or handle_due >= :df) and (cast(:dt as timestamp) is null or handle_due < :dt)
                and (cast(:cf as timestamp) is null or closed_at >= :cf) and (cast(:ct as timestamp) is null or closed_at < :ct)
                order by id desc fetch first 1000 rows only""").param("c", campaignId).param("s", status).param("u", unit).param("by", reportedBy)
                .param("f", from).param("t", to).param("df", dueFrom).param("dt", dueTo).param("cf", closedFrom)
                .param("ct", closedTo).param("void", CaseStatus.VOID.name()).query(CaseRepository::row).list();
    }

    /** The case's process, started just after the case was written. */
    void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update patrol_case set process_instance_id = :pi where id = :id").param("pi", processInstanceId)
                .param("id", id).update();
    }

    void event(long caseId, String event, String actor, String note, Instant now) {
        jdbc.sql("insert into case_event (case_id, event, actor, note, at) values (:c, :e, :a, :n, :t)")
                .param("c", caseId).param("e", event).param("a", actor).param("n", note).param("t", Timestamp.from(now))
                .update();
    }

    List<java.util.Map<String, Object>> events(long caseId) {
        return jdbc.sql("""
                select event as "event", actor as "actor", note as "note", at as "at"
                from case_event where case_id = :c order by id""").param("c", caseId)
                .query().listOfRows();
    }

    long photo(long caseId, String stage, String fileName, String contentType, byte[] content, String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into case_photo (case_id, stage, file_name, content_type, size_bytes, content, uploaded_by, uploaded_at)
                values (:c, :s, :f, :ct, :n, :b, :u, :t)""")
                .param("c", caseId).param("s", stage).param("f", fileName).param("ct", contentType)
                .param("n", (long) content.length).param("b", content).param("u", user).param("t", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** The case's photos of a stage taken at or after {@code since}. */
    int photosSince(long caseId, String stage, Instant since) {
        return jdbc.sql("select count(*) from case_photo where case_id = :c and stage = :s and uploaded_at >= :t")
                .param("c", caseId).param("s", stage).param("t", Timestamp.from(since)).query(Integer.class).single();
    }

    /** When the latest of the given steps of the case's history was taken, if any was. */
    Optional<Instant> lastEvent(long caseId, java.util.Collection<String> events) {
        return jdbc.sql("select at from case_event where case_id = :c and event in (:e) order by at desc fetch first 1 rows only")
                .param("c", caseId).param("e", events).query((rs, n) -> rs.getTimestamp("at").toInstant()).optional();
    }

    int photos(long caseId, String stage) {
        return jdbc.sql("select count(*) from case_photo where case_id = :c and stage = :s").param("c", caseId)
                .param("s", stage).query(Integer.class).single();
    }

    static PatrolCase row(ResultSet rs, int n) throws SQLException {
        return new PatrolCase(rs.getLong("id"), rs.getLong("campaign_id"), rs.getString("grid_code"), rs.getString("source"),
                rs.getString("source_ref"), rs.getString("category"), rs.getString("urgency"), rs.getString("description"), rs.getString("address"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), rs.getString("reported_by"),
                rs.getString("caller_name"), rs.getString("caller_phone"), rs.getString("caller_email"),
                rs.getString("status"), rs.getString("unit_code"), rs.getBoolean("sent_back"), rs.getInt("rework_count"),
                rs.getBoolean("reopened"), instant(rs.getTimestamp("handle_due")), rs.getString("void_reason"),
                rs.getString("pending_reason"), rs.getString("handle_result"), instant(rs.getTimestamp("reported_at")),
                instant(rs.getTimestamp("registered_at")), instant(rs.getTimestamp("dispatched_at")),
                instant(rs.getTimestamp("handled_at")), instant(rs.getTimestamp("closed_at")),
                (Boolean) rs.getObject("closed_on_time"), rs.getString("process_instance_id"),
                rs.getString("feedback_result"), instant(rs.getTimestamp("fed_back_at")), rs.getString("fed_back_by"),
                instant(rs.getTimestamp("feedback_due")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** A photo of a case, without its bytes. */
    record PhotoInfo(long id, String stage, String fileName, String uploadedBy, Instant uploadedAt) {
    }

    List<PhotoInfo> photos(long caseId) {
        return jdbc.sql("select id, stage, file_name, uploaded_by, uploaded_at from case_photo where case_id = :c order by id")
                .param("c", caseId).query((rs, n) -> new PhotoInfo(rs.getLong("id"), rs.getString("stage"),
                        rs.getString("file_name"), rs.getString("uploaded_by"), instant(rs.getTimestamp("uploaded_at"))))
                .list();
    }

    /** A photo's bytes, if it is one of the case's. */
    Optional<byte[]> photoContent(long caseId, long photoId) {
        return jdbc.sql("select content from case_photo where id = :p and case_id = :c").param("p", photoId)
                .param("c", caseId).query((rs, n) -> rs.getBytes("content")).optional();
    }
}
