package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The office sent the 复审 application: recorded as a step of the town's, with its reference. */
@Component
class SubmitReReviewListener implements TaskListener {

    private final AcceptanceSteps steps;

    SubmitReReviewListener(AcceptanceSteps steps) {
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        MaintenanceForms.APPLICATION.checkVariables(task::getVariable);
        steps.record(TaskVariables.campaignId(task), new AcceptanceSteps.Step("RE_REVIEW_APPLICATION",
                ((Number) task.getVariable("reReviewCycle")).intValue(), "TOWN", "SUBMITTED",
                RecordAcceptanceStepListener.text(task, AcceptanceForms.REFERENCE), null, null, task.getAssignee()));
    }
}
