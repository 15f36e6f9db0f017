package cn.chuangwei.phase;

import cn.chuangwei.campaign.Phase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The five phases of each campaign, with their dates and state. */
@Repository
public class PhaseRepository {

    private final JdbcClient jdbc;

    PhaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(long campaignId, Phase phase, LocalDate start, LocalDate end) {
        jdbc.sql("""
                insert into campaign_phase (campaign_id, phase, seq, start_date, end_date, status)
                values (:c, :p, :seq, :s, :e, 'PENDING')""")
                .param("c", campaignId).param("p", phase.name()).param("seq", phase.seq()).param("s", start).param("e", end)
                .update();
    }

    public List<CampaignPhase> ofCampaign(long campaignId) {
        return jdbc.sql("select * from campaign_phase where campaign_id = :c order by seq").param("c", campaignId)
                .query(PhaseRepository::phase).list();
    }

    public Optional<CampaignPhase> find(long campaignId, Phase phase) {
        return jdbc.sql("select * from campaign_phase where campaign_id = :c and phase = :p")
                .param("c", campaignId).param("p", phase.name()).query(PhaseRepository::phase).optional();
    }

    CampaignPhase get(long campaignId, Phase phase) {
        return find(campaignId, phase).orElseThrow(
                () -> new IllegalStateException("campaign " + campaignId + " has no phase " + phase));
    }

    void start(long campaignId, Phase phase, Instant now) {
        jdbc.sql("""
                update campaign_phase set status = 'ACTIVE', started_at = coalesce(started_at, :t)
                where campaign_id = :c and phase = :p""")
                .param("t", Timestamp.from(now)).param("c", campaignId).param("p", phase.name()).update();
    }

    /** Opens the next gate round and returns its number. */
    int openGate(long campaignId, Phase phase) {
        jdbc.sql("""
                update campaign_phase set status = 'SIGNING', gate_round = gate_round + 1, gate_outcome = null
                where campaign_id = :c and phase = :p""").param("c", campaignId).param("p", phase.name()).update();
        return get(campaignId, phase).gateRound();
    }

    void setStatus(long campaignId, Phase phase, PhaseStatus status, String outcome) {
        jdbc.sql("update campaign_phase set status = :s, gate_outcome = :o where campaign_id = :c and phase = :p")
                .param("s", status.name()).param("o", outcome).param("c", campaignId).param("p", phase.name()).update();
    }

    void close(long campaignId, Phase phase, String outcome, Instant now) {
        jdbc.sql("""
                update campaign_phase set status = 'DONE', gate_outcome = :o, completed_at = :t
                where campaign_id = :c and phase = :p""")
                .param("o", outcome).param("t", Timestamp.from(now)).param("c", campaignId).param("p", phase.name())
                .update();
    }

    void insertSignature(long campaignId, Phase phase, int round, String userId, String kind, String decision,
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

    private static CampaignPhase phase(ResultSet rs, int n) throws SQLException {
        Timestamp started = rs.getTimestamp("started_at");
        Timestamp completed = rs.getTimestamp("completed_at");
        return new CampaignPhase(rs.getLong("campaign_id"), Phase.valueOf(rs.getString("phase")),
                rs.getDate("start_date").toLocalDate(), rs.getDate("end_date").toLocalDate(),
                PhaseStatus.valueOf(rs.getString("status")), rs.getInt("gate_round"), rs.getString("gate_outcome"),
                started == null ? null : started.toInstant(), completed == null ? null : completed.toInstant());
    }
}
