package cn.chuangwei.task;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The office has reviewed a unit's result: accepted (验收通过) or returned with a reason, which sends the task back to
 * the unit and counts as rework (返工).
 */
@Component
class RecordReviewListener implements TaskListener {

    private final TaskRowRepository rows;
    private final Clock clock;

    RecordReviewListener(TaskRowRepository rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        UnitTaskForms.REVIEW.checkVariables(task::getVariable);
        String decision = (String) task.getVariable(UnitTaskForms.REVIEW_DECISION);
        long rowId = TaskVariables.taskRowId(task);
        if ("ACCEPT".equals(decision)) {
            rows.markAccepted(rowId, task.getAssignee(), clock.instant());
            rows.event(rowId, "ACCEPTED", task.getAssignee(), null, clock.instant());
        } else {
            String reason = ((String) task.getVariable(UnitTaskForms.RETURN_REASON)).trim();
            rows.markReturned(rowId, reason);
            rows.event(rowId, "RETURNED", task.getAssignee(), reason, clock.instant());
            task.getExecution().setVariable("lastReturnReason", reason);
        }
        task.getExecution().setVariable(TaskVariables.REVIEW_OUTCOME, decision);
    }
}
