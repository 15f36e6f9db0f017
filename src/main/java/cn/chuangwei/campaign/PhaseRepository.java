package cn.chuangwei.campaign;

import cn.chuangwei.kernel.Phase;
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
                values (:c, :p, :seq, :s, :e, :status)""")
                .param("status", PhaseStatus.PENDING.name()).param("c", campaignId).param("p", phase.name()).param("seq", phase.seq()).param("s", start).param("e", end)
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

    public CampaignPhase get(long campaignId, Phase phase) {
        return find(campaignId, phase).orElseThrow(
                () -> new IllegalStateException("campaign " + campaignId + " has no phase " + phase));
    }

    public void start(long campaignId, Phase phase, Instant now) {
        jdbc.sql("""
                update campaign_phase set status = :status, started_at = coalesce(started_at, :t)
                where campaign_id = :c and phase = :p""")
                .param("status", PhaseStatus.ACTIVE.name()).param("t", Timestamp.from(now)).param("c", campaignId).param("p", phase.name()).update();
    }

    /** Opens the next gate round and returns its number. */
    public int openGate(long campaignId, Phase phase) {
        jdbc.sql("""
                update campaign_phase set status = :status, gate_round = gate_round + 1, gate_outcome = null
                where campaign_id = :c and phase = :p""").param("status", PhaseStatus.SIGNING.name())
                .param("c", campaignId).param("p", phase.name()).update();
        return get(campaignId, phase).gateRound();
    }

    public void setStatus(long campaignId, Phase phase, PhaseStatus status, String outcome) {
        jdbc.sql("update campaign_phase set status = :s, gate_outcome = :o where campaign_id = :c and phase = :p")
                .param("s", status.name()).param("o", outcome).param("c", campaignId).param("p", phase.name()).update();
    }

    public void close(long campaignId, Phase phase, String outcome, Instant now) {
        jdbc.sql("""
                update campaign_phase set status = :status, gate_outcome = :o, completed_at = :t
                where campaign_id = :c and phase = :p""")
                .param("status", PhaseStatus.DONE.name()).param("o", outcome).param("t", Timestamp.from(now)).param("c", campaignId).param("p", phase.name())
                .update();
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
