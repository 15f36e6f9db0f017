package cn.chuangwei.inspection;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** An area's score sheet opens: it lists the area's items still to score, and no scores yet. */
@Component
class ListScoreItemsListener implements TaskListener {

    private final InspectionService inspection;

    ListScoreItemsListener(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void notify(DelegateTask task) {
        String area = (String) task.getVariable("area");
        long campaignId = TaskVariables.campaignId(task);
        task.setVariableLocal("areaName", inspection.areaName(campaignId, area));
        task.setVariableLocal("itemsText", inspection.itemsText(campaignId, area));
        task.getExecution().setVariableLocal(SelfInspectionForms.SCORES, null);
    }
}
