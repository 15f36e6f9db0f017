package cn.chuangwei.acceptance;

import cn.chuangwei.calendar.DueDates;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** A month's spot check falls due a few working days after it opens. */
@Component
class PlanSpotCheckListener implements ExecutionListener {

    private final DueDates dueDates;

    PlanSpotCheckListener(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    @Override
    public void notify(DelegateExecution execution) {
        execution.setVariableLocal("spotCheckDue", dueDates.dueInWorkingDays(5));
    }
}
