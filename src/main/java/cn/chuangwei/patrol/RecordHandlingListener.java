package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignMember;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.MemberRole;
import cn.chuangwei.kernel.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 处置: the unit reports the case handled (处理反馈 follows: what was done, the result and the after-photos), sends a
 * mis-routed case back (once), or asks to log it pending (挂账).
 */
@Component
class RecordHandlingListener implements TaskListener {

    private final CaseRepository cases;
    private final CaseTransitions transitions;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final Clock clock;

    RecordHandlingListener(CaseRepository cases, CaseTransitions transitions, CampaignRepository campaigns,
                           DueDates dueDates, Clock clock) {
        this.cases = cases;
        this.transitions = transitions;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PatrolCaseForms.HANDLE_CASE.checkVariables(task::getVariable);
        long id = caseId(task);
        PatrolCase c = cases.find(id).orElseThrow();
        Instant now = clock.instant();
        String outcome = (String) task.getVariable("handleOutcome");
        switch (outcome) {
            case "SEND_BACK" -> {
                if (c.sentBack()) {
                    throw ApiException.conflict("already-sent-back", "handleOutcome", id);
                }
                String reason = ((String) task.getVariable("sendBackReason")).trim();
                transitions.sendBack(id, reason, task.getAssignee(), now);
                task.getExecution().setVariable("dispatchDue", dueDates.addWorkingHours(now,
                        ((Number) task.getVariable("dispatchHours")).intValue()));
            }
            case "PENDING" -> {
                LocalDate until = LocalDate.parse(((String) task.getVariable("pendingUntil")).trim());
                if (!until.isAfter(dueDates.today())) {
                    throw ApiException.badRequest("pending-date-not-future", "pendingUntil", until);
                }
                String reason = ((String) task.getVariable("pendingReason")).trim();
                transitions.askDelay(id, reason, reason + "（至" + until + "）", task.getAssignee(), now);
                task.getExecution().setVariable("pendingDue", dueDates.dueOn(until));
                task.getExecution().setVariable("approveDue", dueDates.addWorkingHours(now, 9));
            }
            default -> {
                Object note = task.getVariable("handleResult");
                String text = note == null || ((String) note).isBlank() ? null : ((String) note).trim();
                Object feedbackHours = task.getVariable("feedbackHours");
                Date feedbackDue = feedbackHours == null ? null
                        : dueDates.addWorkingHours(now, ((Number) feedbackHours).intValue());
                transitions.handled(id, text, feedbackDue, task.getAssignee(), now);
                task.getExecution().setVariable("checker", checker(c));
                if (feedbackDue != null) {
                    // 处理反馈's deadline, for its task and its overdue timer
                    task.getExecution().setVariable("feedbackDue", feedbackDue);
                    task.getExecution().setVariable("feedbackCheckCycle", dueDates.dailyFrom(feedbackDue));
                } else {
                    // a case routed before 处理反馈 was a step (no "feedbackHours") runs its old model: 核查 follows
                    task.getExecution().setVariable("checkDue", dueDates.addWorkingHours(now,
                            ((Number) task.getVariable("checkHours")).intValue()));
                }
            }
        }
        task.getExecution().setVariable("handleResultOutcome", outcome);
    }

    /** The inspector who reported the case checks it on site; a complaint is checked by a supervisor. */
    private String checker(PatrolCase c) {
        if ("PATROL".equals(c.source())) {
            return c.reportedBy();
        }
        return campaigns.members(c.campaignId()).stream().filter(m -> m.role() == MemberRole.SUPERVISOR)
                .map(CampaignMember::userId).sorted().findFirst().orElse(c.reportedBy());
    }
}
