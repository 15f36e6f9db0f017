package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Computes the due dates of the office's acceptance steps once. */
@Component
class PlanAcceptanceDelegate implements JavaDelegate {

    private final DueDates dueDates;
    private final int noticeDays;

    PlanAcceptanceDelegate(DueDates dueDates, AcceptanceSettings settings) {
        this.dueDates = dueDates;
        this.noticeDays = settings.noticeDays();
    }

    @Override
    public void execute(DelegateExecution execution) {
        execution.setVariable("submitDue", dueDates.dueInWorkingDays(5));
        execution.setVariable("resultsDue", dueDates.dueInWorkingDays(30));
        execution.setVariable("noticeDue", dueDates.dueInWorkingDays(noticeDays));
    }
}
