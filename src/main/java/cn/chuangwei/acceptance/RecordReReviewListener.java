package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The higher authority's 复审 is done: its method (明查 or 暗访), result, document and date are recorded; a failure's
 * problem list is checked item by item (refused by line, nothing written) and kept for the 通报批评 or the 撤销. The result
 * becomes the variable {@code dmn/re-review-result.dmn} decides on.
 */
@Component
class RecordReReviewListener implements TaskListener {

    private final AcceptanceService acceptance;
    private final ReReviews reReviews;

    RecordReReviewListener(AcceptanceService acceptance, ReReviews reReviews) {
        this.acceptance = acceptance;
        this.reReviews = reReviews;
    }

    @Override
    public void notify(DelegateTask task) {
        MaintenanceForms.RE_REVIEW.checkVariables(task::getVariable);
        long campaignId = TaskVariables.campaignId(task);
        String outcome = (String) task.getVariable(MaintenanceForms.OUTCOME);
        String problems = RecordAcceptanceStepListener.text(task, AcceptanceForms.PROBLEMS);
        if ("FAIL".equals(outcome)) {
            acceptance.problems(campaignId, problems);
        } else {
            problems = null;
        }
        reReviews.record(campaignId, ((Number) task.getVariable("reReviewCycle")).intValue(),
                ((Number) task.getVariable("reReviewFailures")).intValue() + 1,
                (String) task.getVariable(MaintenanceForms.METHOD), outcome,
                RecordAcceptanceStepListener.text(task, AcceptanceForms.DOCUMENT_NO),
                LocalDate.parse(RecordAcceptanceStepListener.text(task, AcceptanceForms.DECIDED_ON)), problems,
                task.getAssignee());
        var process = task.getExecution().getProcessInstance();
        process.setVariable(MaintenanceForms.OUTCOME, outcome);
        process.setVariable(MaintenanceForms.PROBLEMS_SHOWN, problems);
    }
}
