package cn.chuangwei.inspection;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The indicator readings open: they list the indicators still to read, and no readings yet. */
@Component
class ListIndicatorsListener implements TaskListener {

    private final InspectionService inspection;

    ListIndicatorsListener(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal("indicatorsText", inspection.indicatorsText(TaskVariables.campaignId(task)));
        task.getExecution().setVariableLocal(SelfInspectionForms.READINGS, null);
    }
}
