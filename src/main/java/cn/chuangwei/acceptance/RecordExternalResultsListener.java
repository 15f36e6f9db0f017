package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The result of an external inspection: PASS, or FAIL with its problem list. The step of the versions of acceptance.bpmn
 * before issue 16, kept for the campaigns that run on them.
 */
@Component
class RecordExternalResultsListener implements TaskListener {

    private final AcceptanceService acceptance;

    RecordExternalResultsListener(AcceptanceService acceptance) {
        this.acceptance = acceptance;
    }

    @Override
    public void notify(DelegateTask task) {
        PreviousAcceptanceForms.EXTERNAL_RESULTS.checkVariables(task::getVariable);
        String outcome = (String) task.getVariable("externalOutcome");
        int attempt = acceptance.recordResult(TaskVariables.campaignId(task), outcome,
                (String) task.getVariable(AcceptanceForms.PROBLEMS), task.getAssignee());
        task.getExecution().setVariable("externalResult", outcome);
        task.getExecution().setVariable("externalAttempt", attempt);
    }
}
