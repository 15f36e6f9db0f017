package cn.chuangwei.inspection;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The indicator readings are done: they are recorded. */
@Component
class RecordReadingsListener implements TaskListener {

    private final InspectionService inspection;

    RecordReadingsListener(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void notify(DelegateTask task) {
        SelfInspectionForms.INDICATOR_READINGS.checkVariables(task::getVariable);
        inspection.recordReadings(TaskVariables.campaignId(task), (String) task.getVariable(SelfInspectionForms.READINGS),
                task.getAssignee());
    }
}
