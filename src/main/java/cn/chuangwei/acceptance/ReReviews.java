package cn.chuangwei.acceptance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each 复审 of a named town (table {@code re_review}): its cycle (1 = the first, three years after naming) and attempt
 * within it, the method (明查 or 暗访), the result, the problems, and what followed (通报批评 with a deadline, or 撤销).
 */
@Repository
class ReReviews {

    /** One 复审 and what followed it. */
    record ReReview(int cycleNo, int attemptNo, String method, String outcome, String documentNo, LocalDate decidedOn,
                    String problems, String consequence, String consequenceDocument, LocalDate consequenceOn,
                    LocalDate rectifyBy) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    ReReviews(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void record(long campaignId, int cycle, int attempt, String method, String outcome, String documentNo,
                LocalDate decidedOn, String problems, String user) {
        jdbc.sql("""
                insert into re_review (campaign_id, cycle_no, attempt_no, method, outcome, document_no, decided_on, problems,
                                       entered_by, entered_at)
                values (:c, :cy, :a, :m, :o, :d, :on, :p, :u, :t)""")
                .param("c", campaignId).param("cy", cycle).param("a", attempt).param("m", method).param("o", outcome)
                .param("d", documentNo).param("on", decidedOn).param("p", problems).param("u", user)
                .param("t", Timestamp.from(clock.instant())).update();
    }

    /** What the 复审's result brings: PASSED, CRITICISED or WITHDRAWN. */
    void consequence(long campaignId, int cycle, int attempt, String consequence) {
        jdbc.sql("update re_review set consequence = :q where campaign_id = :c and cycle_no = :cy and attempt_no = :a")
                .param("q", consequence).param("c", campaignId).param("cy", cycle).param("a", attempt).update();
    }

    /** The authority's document for the consequence (通报批评 or 撤销), and the deadline to rectify by. */
    void consequenceDocument(long campaignId, int cycle, int attempt, String documentNo, LocalDate on, LocalDate rectifyBy) {
        jdbc.sql("""
                update re_review set consequence_document = :d, consequence_on = :on, rectify_by = :r
                where campaign_id = :c and cycle_no = :cy and attempt_no = :a""")
                .param("d", documentNo).param("on", on).param("r", rectifyBy).param("c", campaignId).param("cy", cycle)
                .param("a", attempt).update();
    }

    List<ReReview> of(long campaignId) {
        return jdbc.sql("select * from re_review where campaign_id = :c order by cycle_no, attempt_no").param("c", campaignId)
                .query((rs, n) -> new ReReview(rs.getInt("cycle_no"), rs.getInt("attempt_no"), rs.getString("method"),
                        rs.getString("outcome"), rs.getString("document_no"), rs.getDate("decided_on").toLocalDate(),
                        rs.getString("problems"), rs.getString("consequence"), rs.getString("consequence_document"),
                        rs.getDate("consequence_on") == null ? null : rs.getDate("consequence_on").toLocalDate(),
                        rs.getDate("rectify_by") == null ? null : rs.getDate("rectify_by").toLocalDate()))
                .list();
    }
}
