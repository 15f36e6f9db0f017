package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Long-term maintenance (长效管理), at the start of each three-year cycle: the 复审 falls due three years after naming (or
 * the last 复审's due date), and it is the authority that named the town that reviews it ({@link AcceptanceAuthorities});
 * both are computed once here, with the cycle's number and no failure yet.
 */
@Component
class PlanMaintenanceDelegate implements JavaDelegate {

    private final AcceptanceService acceptance;
    private final AcceptanceAuthorities authorities;
    private final DueDates dueDates;

    PlanMaintenanceDelegate(AcceptanceService acceptance, AcceptanceAuthorities authorities, DueDates dueDates) {
        this.acceptance = acceptance;
        this.authorities = authorities;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        execution.setVariable("reReviewAt", dueDates.morningOf(acceptance.nextReviewOn(campaignId)));
        AcceptanceRoute r = authorities.route(campaignId);
        execution.setVariable("reviewLevel", r.reviewLevel());
        execution.setVariable("reviewOffice", r.reviewOffice());
        execution.setVariable("reviewAuthority", r.reviewAuthority());
        Object cycle = execution.getVariable("reReviewCycle");
        execution.setVariable("reReviewCycle", cycle == null ? 1 : ((Number) cycle).intValue() + 1);
        execution.setVariable("reReviewFailures", 0);
    }
}
