package cn.chuangwei.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Evidence files, kept in the database with the row they prove, so that they commit and back up with it. */
@Repository
public class EvidenceRepository {

    private static final String COLUMNS = "id, task_row_id, file_name, content_type, size_bytes, sha256, evidence_type, "
            + "area_code, item_code, description, uploaded_by, uploaded_at";

    private final JdbcClient jdbc;

    EvidenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long rowId, String fileName, String contentType, byte[] content, String sha256, String type, String area,
                String item, String description, String user, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into evidence (task_row_id, file_name, content_type, size_bytes, sha256, evidence_type, area_code,
                                      item_code, description, content, uploaded_by, uploaded_at)
                values (:r, :f, :ct, :size, :sha, :type, :area, :item, :d, :content, :u, :t)""")
                .param("r", rowId).param("f", fileName).param("ct", contentType).param("size", (long) content.length)
                .param("sha", sha256).param("type", type).param("area", area).param("item", item).param("d", description)
                .param("content", content).param("u", user).param("t", Timestamp.from(now))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    /** Every evidence file of a campaign, without its content. */
    public List<Evidence> ofCampaign(long campaignId) {
        return jdbc.sql("select " + COLUMNS
                        + " from evidence where task_row_id in (select id from task_row where campaign_id = :c) order by id")
                .param("c", campaignId).query(EvidenceRepository::evidence).list();
    }

    List<Evidence> ofRow(long rowId) {
        return jdbc.sql("select " + COLUMNS + " from evidence where task_row_id = :r order by id").param("r", rowId)
                .query(EvidenceRepository::evidence).list();
    }

    Optional<Evidence> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from evidence where id = :id").param("id", id)
                .query(EvidenceRepository::evidence).optional();
    }

    void delete(long id) {
        jdbc.sql("delete from evidence where id = :id").param("id", id).update();
    }

    public byte[] content(long id) {
        return jdbc.sql("select content from evidence where id = :id").param("id", id).query(byte[].class).single();
    }

    private static Evidence evidence(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Evidence(rs.getLong("id"), rs.getLong("task_row_id"), rs.getString("file_name"),
                rs.getString("content_type"), rs.getLong("size_bytes"), rs.getString("sha256"), rs.getString("evidence_type"),
                rs.getString("area_code"), rs.getString("item_code"), rs.getString("description"), rs.getString("uploaded_by"),
                rs.getTimestamp("uploaded_at").toInstant());
    }
}
