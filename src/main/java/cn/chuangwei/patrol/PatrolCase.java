package cn.chuangwei.patrol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A patrol or complaint case (案卷): found on patrol (巡查), on video (视频, {@code sourceRef} the camera or point),
 * assigned by a higher authority (上级交办, {@code sourceRef} the document's number) or a citizen's complaint (热线).
 * The caller's contact is private: the API shows it to the office and the hotline
 * only ({@link #withoutCaller()} for everyone else).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PatrolCase(long id, long campaignId, String gridCode, String source, String sourceRef, String category,
                         String urgency,
                         String description, String address, BigDecimal latitude, BigDecimal longitude, String reportedBy,
                         String callerName, String callerPhone, String callerEmail, String status, String unitCode,
                         boolean sentBack, int reworkCount, boolean reopened, Instant handleDue, String voidReason,
                         String pendingReason, String handleResult, Instant reportedAt, Instant registeredAt,
                         Instant dispatchedAt, Instant handledAt, Instant closedAt, Boolean closedOnTime,
                         String processInstanceId, String feedbackResult, Instant fedBackAt, String fedBackBy,
                         Instant feedbackDue) {

    public PatrolCase withoutCaller() {
        return new PatrolCase(id, campaignId, gridCode, source, sourceRef, category, urgency, description, address,
                latitude, longitude,
                reportedBy, null, null, null, status, unitCode, sentBack, reworkCount, reopened, handleDue, voidReason,
                pendingReason, handleResult, reportedAt, registeredAt, dispatchedAt, handledAt, closedAt, closedOnTime,
                processInstanceId, feedbackResult, fedBackAt, fedBackBy, feedbackDue);
    }

    /**
     * The deadline of the stage the unit is in: 处理反馈's once handled (until it has fed back), else the handling one.
     * The colours of the lists, the case page and the board's ladder read it.
     */
    public Instant stageDue() {
        return CaseStatus.HANDLED.name().equals(status) && feedbackDue != null ? feedbackDue : handleDue;
    }

    /**
     * 按期: the unit handled the case by its handling deadline and fed back by the feedback deadline (a case handled
     * before 处理反馈 was a step of its own has no feedback deadline: its handling alone counts).
     */
    public boolean handledInTime() {
        return handledAt != null && handleDue != null && !handledAt.isAfter(handleDue)
                && (feedbackDue == null || fedBackAt != null && !fedBackAt.isAfter(feedbackDue));
    }

    /** When the stage of {@link #stageDue()} began: the handling (for 处理反馈), else the first dispatch. */
    public Instant stageStart() {
        return CaseStatus.HANDLED.name().equals(status) && feedbackDue != null ? handledAt : dispatchedAt;
    }
}
