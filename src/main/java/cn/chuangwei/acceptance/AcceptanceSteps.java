package cn.chuangwei.acceptance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The record of each step a higher authority took on a campaign's application (table {@code acceptance_step}). */
@Repository
class AcceptanceSteps {

    /** One step: what, on which attempt, by which authority, with what outcome, document and date. */
    record Step(String step, int attemptNo, String authority, String outcome, String documentNo, LocalDate decidedOn,
                String remarks, String enteredBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    AcceptanceSteps(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long campaignId, Step s) {
        jdbc.sql("""
                insert into acceptance_step (campaign_id, step, attempt_no, authority, outcome, document_no, decided_on,
                                             remarks, entered_by, entered_at)
                values (:c, :s, :a, :au, :o, :d, :on, :r, :u, :t)""")
                .param("c", campaignId).param("s", s.step()).param("a", s.attemptNo()).param("au", s.authority())
                .param("o", s.outcome()).param("d", s.documentNo()).param("on", s.decidedOn()).param("r", s.remarks())
                .param("u", s.enteredBy()).param("t", Timestamp.from(clock.instant())).update();
    }

    /** The campaign's steps in the order they were taken. */
    List<Step> of(long campaignId) {
        return jdbc.sql("select * from acceptance_step where campaign_id = :c order by id").param("c", campaignId)
                .query((rs, n) -> new Step(rs.getString("step"), rs.getInt("attempt_no"), rs.getString("authority"),
                        rs.getString("outcome"), rs.getString("document_no"),
                        rs.getDate("decided_on") == null ? null : rs.getDate("decided_on").toLocalDate(),
                        rs.getString("remarks"), rs.getString("entered_by")))
                .list();
    }
}
