package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * After a re-review of the versions of maintenance.bpmn before issue 16 (an internal self-inspection): READY sets the next
 * one three years on; anything else ends the maintenance on record. Kept for the campaigns that run on those versions.
 */
@Component
class RecordReReviewDelegate implements JavaDelegate {

    private final AcceptanceService acceptance;
    private final DueDates dueDates;

    RecordReReviewDelegate(AcceptanceService acceptance, DueDates dueDates) {
        this.acceptance = acceptance;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        if ("READY".equals(execution.getVariable("inspectionOutcome"))) {
            acceptance.nextReview(TaskVariables.campaignId(execution), dueDates.today());
        }
    }
}
