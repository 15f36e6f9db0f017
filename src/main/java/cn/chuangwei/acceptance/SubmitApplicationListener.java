package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The office submits the application; refused while a veto item fails. */
@Component
class SubmitApplicationListener implements TaskListener {

    private final AcceptanceService acceptance;

    SubmitApplicationListener(AcceptanceService acceptance) {
        this.acceptance = acceptance;
    }

    @Override
    public void notify(DelegateTask task) {
        AcceptanceForms.SUBMIT_APPLICATION.checkVariables(task::getVariable);
        acceptance.submit(TaskVariables.campaignId(task), ((String) task.getVariable(AcceptanceForms.REFERENCE)).trim(),
                task.getAssignee());
    }
}
