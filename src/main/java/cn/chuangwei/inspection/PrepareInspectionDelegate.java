package cn.chuangwei.inspection;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Opens a round of self-inspection and computes its due date once. */
@Component
class PrepareInspectionDelegate implements JavaDelegate {

    private final InspectionService inspection;
    private final DueDates dueDates;
    private final int days;

    PrepareInspectionDelegate(InspectionService inspection, DueDates dueDates, InspectionSettings settings) {
        this.inspection = inspection;
        this.dueDates = dueDates;
        this.days = settings.days();
    }

    @Override
    public void execute(DelegateExecution execution) {
        InspectionService.Round round = inspection.startRound(TaskVariables.campaignId(execution));
        execution.setVariable("inspectionRound", round.roundNo());
        execution.setVariable("inspectionDue", dueDates.dueInWorkingDays(days));
    }
}
