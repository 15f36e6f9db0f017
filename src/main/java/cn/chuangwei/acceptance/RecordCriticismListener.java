package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A first failed 复审 brings 通报批评: its document, date and the deadline to rectify by are recorded, the problem list
 * becomes rectification tasks due by that deadline, and the authority reviews again once it has passed
 * ({@code reReviewAgainAt}, the morning after).
 */
@Component
class RecordCriticismListener implements TaskListener {

    private final AcceptanceService acceptance;
    private final ReReviews reReviews;
    private final DueDates dueDates;

    RecordCriticismListener(AcceptanceService acceptance, ReReviews reReviews, DueDates dueDates) {
        this.acceptance = acceptance;
        this.reReviews = reReviews;
        this.dueDates = dueDates;
    }

    @Override
    public void notify(DelegateTask task) {
        MaintenanceForms.CRITICISM.checkVariables(task::getVariable);
        long campaignId = TaskVariables.campaignId(task);
        LocalDate rectifyBy = LocalDate.parse(RecordAcceptanceStepListener.text(task, AcceptanceForms.RECTIFY_BY));
        if (rectifyBy.isBefore(dueDates.today())) {
            throw ApiException.badRequest("invalid-date", AcceptanceForms.RECTIFY_BY, AcceptanceForms.RECTIFY_BY, rectifyBy);
        }
        int cycle = ((Number) task.getVariable("reReviewCycle")).intValue();
        int attempt = ((Number) task.getVariable("reReviewFailures")).intValue();
        reReviews.consequenceDocument(campaignId, cycle, attempt,
                RecordAcceptanceStepListener.text(task, AcceptanceForms.DOCUMENT_NO),
                LocalDate.parse(RecordAcceptanceStepListener.text(task, AcceptanceForms.DECIDED_ON)), rectifyBy);
        acceptance.openRectification(campaignId,
                acceptance.problems(campaignId, (String) task.getVariable(MaintenanceForms.PROBLEMS_SHOWN)), rectifyBy);
        task.getExecution().getProcessInstance().setVariable("reReviewAgainAt", dueDates.morningOf(rectifyBy.plusDays(1)));
    }
}
