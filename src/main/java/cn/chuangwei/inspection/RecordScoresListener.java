package cn.chuangwei.inspection;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** An area's score sheet is done: its scores are recorded. */
@Component
class RecordScoresListener implements TaskListener {

    private final InspectionService inspection;

    RecordScoresListener(InspectionService inspection) {
        this.inspection = inspection;
    }

    @Override
    public void notify(DelegateTask task) {
        SelfInspectionForms.SCORE_SHEET.checkVariables(task::getVariable);
        inspection.recordScores(TaskVariables.campaignId(task), (String) task.getVariable("area"),
                (String) task.getVariable(SelfInspectionForms.SCORES), task.getAssignee());
    }
}
