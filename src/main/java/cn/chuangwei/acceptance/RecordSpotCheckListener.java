package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A monthly spot check is done: its findings are recorded. */
@Component
class RecordSpotCheckListener implements TaskListener {

    private final AcceptanceService acceptance;
    private final SpotCheckSample sample;

    RecordSpotCheckListener(AcceptanceService acceptance, SpotCheckSample sample) {
        this.acceptance = acceptance;
        this.sample = sample;
    }

    @Override
    public void notify(DelegateTask task) {
        MaintenanceForms.SPOT_CHECK.checkVariables(task::getVariable);
        acceptance.recordSpotCheck(TaskVariables.campaignId(task),
                ((String) task.getVariable(MaintenanceForms.FINDINGS)).trim(), sample.size(), task.getAssignee());
    }
}
