package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The public notice (公示) began: it is recorded, and the moment it ends (its start and the route's days, two weeks) is
 * computed once for the timer that waits for it.
 */
@Component
class RecordNoticeListener implements TaskListener {

    private final AcceptanceService acceptance;
    private final AcceptanceSteps steps;
    private final DueDates dueDates;

    RecordNoticeListener(AcceptanceService acceptance, AcceptanceSteps steps, DueDates dueDates) {
        this.acceptance = acceptance;
        this.steps = steps;
        this.dueDates = dueDates;
    }

    @Override
    public void notify(DelegateTask task) {
        AcceptanceForms.PUBLIC_NOTICE.checkVariables(task::getVariable);
        long campaignId = TaskVariables.campaignId(task);
        LocalDate start = LocalDate.parse(RecordAcceptanceStepListener.text(task, AcceptanceForms.NOTICE_STARTS_ON));
        steps.record(campaignId, new AcceptanceSteps.Step("PUBLIC_NOTICE", acceptance.currentAttempt(campaignId),
                (String) task.getVariable("reviewLevel"), "PUBLISHED",
                RecordAcceptanceStepListener.text(task, AcceptanceForms.NOTICE_DOCUMENT), start, null, task.getAssignee()));
        int days = ((Number) task.getVariable("noticeDays")).intValue();
        task.getExecution().getProcessInstance().setVariable("noticeEndsAt", dueDates.morningOf(start.plusDays(days)));
    }
}
