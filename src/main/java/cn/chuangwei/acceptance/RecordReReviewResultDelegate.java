package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The 复审's consequence as {@code dmn/re-review-result.dmn} decided it ({@code reReviewResult}) is put on record: PASSED
 * sets the next 复审 three years after this one fell due; CRITICISED and WITHDRAWN count a failure in this cycle.
 */
@Component
class RecordReReviewResultDelegate implements JavaDelegate {

    private final AcceptanceService acceptance;
    private final ReReviews reReviews;

    RecordReReviewResultDelegate(AcceptanceService acceptance, ReReviews reReviews) {
        this.acceptance = acceptance;
        this.reReviews = reReviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        String result = (String) execution.getVariable("reReviewResult");
        int failures = ((Number) execution.getVariable("reReviewFailures")).intValue();
        reReviews.consequence(campaignId, ((Number) execution.getVariable("reReviewCycle")).intValue(), failures + 1, result);
        if ("PASSED".equals(result)) {
            acceptance.nextReview(campaignId, acceptance.nextReviewOn(campaignId));
        } else {
            execution.setVariable("reReviewFailures", failures + 1);
        }
    }
}
