package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A monthly spot check opens: it shows this month's sample of the standard's items, and no findings yet. */
@Component
class SampleSpotCheckItemsListener implements TaskListener {

    private final SpotCheckSample sample;

    SampleSpotCheckItemsListener(SpotCheckSample sample) {
        this.sample = sample;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setVariableLocal("sampleItems", sample.itemsText(TaskVariables.campaignId(task)));
        task.getExecution().setVariableLocal(MaintenanceForms.FINDINGS, null);
    }
}
