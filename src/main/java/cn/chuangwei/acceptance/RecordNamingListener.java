package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The town is named (命名): the step and the naming are recorded; the re-review falls due three years on. */
@Component
class RecordNamingListener implements TaskListener {

    private final AcceptanceService acceptance;
    private final AcceptanceSteps steps;

    RecordNamingListener(AcceptanceService acceptance, AcceptanceSteps steps) {
        this.acceptance = acceptance;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        if ("publicNotice".equals(task.getTaskDefinitionKey())) {
            // a version of acceptance.bpmn before issue 16: one step for the notice and the naming
            PreviousAcceptanceForms.PUBLIC_NOTICE.checkVariables(task::getVariable);
        } else {
            AcceptanceForms.NAMING.checkVariables(task::getVariable);
        }
        long campaignId = TaskVariables.campaignId(task);
        LocalDate named = LocalDate.parse(RecordAcceptanceStepListener.text(task, AcceptanceForms.NAMING_DATE));
        String document = RecordAcceptanceStepListener.text(task, AcceptanceForms.NAMING_DOCUMENT);
        Object level = task.getVariable("reviewLevel");
        steps.record(campaignId, new AcceptanceSteps.Step("NAMING", acceptance.currentAttempt(campaignId),
                level == null ? "PROVINCE" : (String) level, "NAMED", document, named, null, task.getAssignee()));
        acceptance.recordNaming(campaignId, named, document);
    }
}
