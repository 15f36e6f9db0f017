package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The result of an external inspection: PASS, or FAIL with its problem list. */
@Component
class RecordExternalResultsListener implements TaskListener {

    private final AcceptanceService acceptance;

    RecordExternalResultsListener(AcceptanceService acceptance) {
        this.acceptance = acceptance;
    }

    @Override
    public void notify(DelegateTask task) {
        AcceptanceForms.EXTERNAL_RESULTS.checkVariables(task::getVariable);
        String outcome = (String) task.getVariable(AcceptanceForms.EXTERNAL_OUTCOME);
        int attempt = acceptance.recordResult(TaskVariables.campaignId(task), outcome,
                (String) task.getVariable(AcceptanceForms.PROBLEMS), task.getAssignee());
        task.getExecution().setVariable("externalResult", outcome);
        task.getExecution().setVariable("externalAttempt", attempt);
    }
}
