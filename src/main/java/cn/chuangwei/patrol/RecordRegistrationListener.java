package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import cn.chuangwei.calendar.DueDates;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 立案: the office registers the case, or voids it (a duplicate, not in scope) with a reason. */
@Component
class RecordRegistrationListener implements TaskListener {

    private final CaseTransitions transitions;
    private final DueDates dueDates;
    private final Clock clock;

    RecordRegistrationListener(CaseTransitions transitions, DueDates dueDates, Clock clock) {
        this.transitions = transitions;
        this.dueDates = dueDates;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PatrolCaseForms.REGISTER_CASE.checkVariables(task::getVariable);
        long id = caseId(task);
        Instant now = clock.instant();
        String decision = (String) task.getVariable("registerDecision");
        if ("VOID".equals(decision)) {
            String reason = ((String) task.getVariable("voidReason")).trim();
            transitions.voidCase(id, reason, task.getAssignee(), now);
        } else {
            transitions.register(id, task.getAssignee(), now);
            task.getExecution().setVariable("dispatchDue", dueDates.addWorkingHours(now,
                    ((Number) task.getVariable("dispatchHours")).intValue()));
        }
        task.getExecution().setVariable("registerOutcome", decision);
    }
}
