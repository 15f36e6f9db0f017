package cn.chuangwei.phase;

import cn.chuangwei.kernel.Phase;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The signatures on a phase gate: the leading group's (SIGN) and the leader's decision on an escalated gate (DECIDE). */
@Repository
class GateSignatures {

    private final JdbcClient jdbc;

    GateSignatures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(long campaignId, Phase phase, int round, String userId, String kind, String decision,
                         String comment, Instant now) {
        jdbc.sql("""
                insert into gate_signature (campaign_id, phase, round, user_id, kind, decision, comment, signed_at)
                values (:c, :p, :r, :u, :k, :d, :m, :t)""")
                .param("c", campaignId).param("p", phase.name()).param("r", round).param("u", userId).param("k", kind)
                .param("d", decision)
                .param("m", comment).param("t", Timestamp.from(now)).update();
    }

    public List<GateSignature> signatures(long campaignId, Phase phase) {
        return jdbc.sql("select * from gate_signature where campaign_id = :c and phase = :p order by round, signed_at, user_id")
                .param("c", campaignId).param("p", phase.name())
                .query((rs, n) -> new GateSignature(rs.getInt("round"), rs.getString("user_id"), rs.getString("kind"),
                        rs.getString("decision"),
                        rs.getString("comment"), rs.getTimestamp("signed_at").toInstant()))
                .list();
    }

    /** A leading-group member's signature (SIGN) on a phase gate, or the leader's decision (DECIDE) on an escalated one. */
    public record GateSignature(int round, String userId, String kind, String decision, String comment, Instant signedAt) {
    }

}
