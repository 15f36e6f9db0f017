package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Long-term maintenance (长效管理): the re-review falls due three years after naming (or the last re-review), and
 * spot checks run monthly from the next month; both moments are computed once here.
 */
@Component
class PlanMaintenanceDelegate implements JavaDelegate {

    private final AcceptanceService acceptance;
    private final DueDates dueDates;

    PlanMaintenanceDelegate(AcceptanceService acceptance, DueDates dueDates) {
        this.acceptance = acceptance;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        execution.setVariable("reReviewAt", dueDates.morningOf(acceptance.nextReviewOn(campaignId)));
    }
}
