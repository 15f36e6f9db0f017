package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.kernel.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * 处理反馈: the unit confirms the case done, saying what was done and the result, with at least one photo taken after
 * handling (since the case last came back to it for rework or reopening); the site check (核查) is due from now.
 */
@Component
class RecordFeedbackListener implements TaskListener {

    /** The steps after which the unit must show new after-photos: a failed check, a caller's reopening. */
    private static final List<String> BACK_TO_UNIT = List.of("CHECK_FAILED", "REOPENED");

    private final CaseRepository cases;
    private final CaseTransitions transitions;
    private final DueDates dueDates;
    private final Clock clock;

    RecordFeedbackListener(CaseRepository cases, CaseTransitions transitions, DueDates dueDates, Clock clock) {
        this.cases = cases;
        this.transitions = transitions;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PatrolCaseForms.FEEDBACK.checkVariables(task::getVariable);
        long id = caseId(task);
        Instant since = cases.lastEvent(id, BACK_TO_UNIT).orElse(Instant.EPOCH);
        if (cases.photosSince(id, "HANDLE", since) == 0) {
            throw ApiException.badRequest("after-photo-required", "photo");
        }
        Instant now = clock.instant();
        transitions.fedBack(id, ((String) task.getVariable("feedbackResult")).trim(), task.getAssignee(), now);
        task.getExecution().setVariable("checkDue", dueDates.addWorkingHours(now,
                ((Number) task.getVariable("checkHours")).intValue()));
    }
}
