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

    private final CaseRepository cases;
    private final DueDates dueDates;
    private final Clock clock;

    RecordRegistrationListener(CaseRepository cases, DueDates dueDates, Clock clock) {
        this.cases = cases;
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
            cases.set(id, "status = 'VOID', void_reason = :r", "r", reason);
            cases.event(id, "VOIDED", task.getAssignee(), reason, now);
        } else {
            cases.set(id, "status = 'REGISTERED', registered_at = :t", "t", now);
            cases.event(id, "REGISTERED", task.getAssignee(), null, now);
            task.getExecution().setVariable("dispatchDue", dueDates.addWorkingHours(now,
                    ((Number) task.getVariable("dispatchHours")).intValue()));
        }
        task.getExecution().setVariable("registerOutcome", decision);
    }
}
