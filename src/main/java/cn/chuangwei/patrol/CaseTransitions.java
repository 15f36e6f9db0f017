package cn.chuangwei.patrol;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.ApiException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Date;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A case's state machine, in one place: each step sets the case's status and what comes with it, and records the step
 * in the case's history ({@code case_event}) with who took it. The process's listeners call these steps; nothing else
 * writes a case's status.
 */
@Component
class CaseTransitions {

    private final JdbcClient jdbc;
    private final CaseRepository cases;
    private final CampaignRepository campaigns;

    CaseTransitions(JdbcClient jdbc, CaseRepository cases, CampaignRepository campaigns) {
        this.jdbc = jdbc;
        this.cases = cases;
        this.campaigns = campaigns;
    }

    /** 立案: the office registers the case. */
    void register(long id, String actor, Instant now) {
        update(id, "status = :s, registered_at = :t", CaseStatus.REGISTERED, now, null, null);
        cases.event(id, "REGISTERED", actor, null, now);
    }

    /** The office voids the report (not a case, a duplicate…), with its reason. */
    void voidCase(long id, String reason, String actor, Instant now) {
        update(id, "status = :s, void_reason = :r", CaseStatus.VOID, null, reason, null);
        cases.event(id, "VOIDED", actor, reason, now);
    }

    /**
     * 派遣: sent to a unit of the case's campaign (else 400 naming {@code unitCode}), due at {@code due}; the first
     * dispatch starts the case's time for the indicators.
     */
    void dispatch(long id, String unitCode, Date due, String actor, Instant now) {
        PatrolCase c = cases.find(id).orElseThrow();
        if (campaigns.unit(c.campaignId(), unitCode).isEmpty()) {
            throw ApiException.badRequest("unknown-unit", "unitCode", "unitCode", unitCode);
        }
        update(id, "status = :s, unit_code = :r, dispatched_at = coalesce(dispatched_at, :t), handle_due = :d",
                CaseStatus.DISPATCHED, now, unitCode, due);
        cases.event(id, "DISPATCHED", actor, unitCode, now);
    }

    /** The unit sends the case back as not theirs (once). */
    void sendBack(long id, String reason, String actor, Instant now) {
        update(id, "status = :s, sent_back = true", CaseStatus.SENT_BACK, null, null, null);
        cases.event(id, "SENT_BACK", actor, reason, now);
    }

    /** The unit asks for a delay until a day; the status stays until the office approves it. */
    void askDelay(long id, String reason, String note, String actor, Instant now) {
        jdbc.sql("update patrol_case set pending_reason = :r where id = :id").param("r", reason).param("id", id).update();
        cases.event(id, "PENDING_ASKED", actor, note, now);
    }

    /** The office approves the delay: the case is due at {@code due}. */
    void approveDelay(long id, Date due, String actor, Instant now) {
        update(id, "status = :s, handle_due = :d", CaseStatus.PENDING, null, null, due);
        cases.event(id, "PENDING_APPROVED", actor, null, now);
    }

    /** The office refuses the delay; the case stays as it was. */
    void refuseDelay(long id, String actor, Instant now) {
        cases.event(id, "PENDING_REFUSED", actor, null, now);
    }

    /** 处置: the unit reports the case handled (with a note, if it wrote one); its feedback is due at {@code feedbackDue}. */
    void handled(long id, String note, Date feedbackDue, String actor, Instant now) {
        update(id, "status = :s, handled_at = :t, handle_result = :r, feedback_due = :d", CaseStatus.HANDLED, now, note,
                feedbackDue);
        cases.event(id, "HANDLED", actor, note, now);
    }

    /** 处理反馈: the unit reports back what was done and the result (its after-photos taken); the site check follows. */
    void fedBack(long id, String result, String actor, Instant now) {
        jdbc.sql("update patrol_case set status = :s, feedback_result = :r, fed_back_at = :t, fed_back_by = :a where id = :id")
                .param("s", CaseStatus.FED_BACK.name()).param("r", result).param("t", Timestamp.from(now))
                .param("a", actor).param("id", id).update();
        cases.event(id, "FED_BACK", actor, result, now);
    }

    /** 核查 failed: back to the unit for rework. */
    void failCheck(long id, String reason, String actor, Instant now) {
        update(id, "status = :s, rework_count = rework_count + 1", CaseStatus.REWORK, null, null, null);
        cases.event(id, "CHECK_FAILED", actor, reason, now);
    }

    /** 结案: the check passed; on time when the unit handled it and fed back within the two stages' limits. */
    void close(long id, boolean onTime, String actor, Instant now) {
        jdbc.sql("update patrol_case set status = :s, closed_at = :t, closed_on_time = :o where id = :id")
                .param("s", CaseStatus.CLOSED.name()).param("t", Timestamp.from(now)).param("o", onTime).param("id", id)
                .update();
        cases.event(id, "CLOSED", actor, null, now);
    }

    /** An unsatisfied caller reopens the case (once): due again at {@code due}. */
    void reopen(long id, Date due, String note, Instant now) {
        update(id, "status = :s, reopened = true, closed_at = null, closed_on_time = null, handle_due = :d",
                CaseStatus.REOPENED, null, null, due);
        cases.event(id, "REOPENED", null, note, now);
    }

    /** Sets the status and the step's columns; {@code :t} a moment, {@code :r} a text, {@code :d} a due time. */
    private void update(long id, String assignments, CaseStatus status, Instant at, String text, Date due) {
        jdbc.sql("update patrol_case set " + assignments + " where id = :id")
                .param("id", id).param("s", status.name()).param("t", at == null ? null : Timestamp.from(at))
                .param("r", text).param("d", due == null ? null : new Timestamp(due.getTime()))
                .update();
    }
}
