package cn.chuangwei.acceptance;

import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * A higher authority's step is done (初审 or 推荐, 资料审核, 暗访, 技术评估, 公示异议, 异议核查): its answers are checked, the
 * step is recorded with the authority's level, document number and date (an on-site step's problem list with it), and
 * its outcome becomes the process variable the next gateway routes on. The step's form fields are the task's own
 * (input parameters), so a step done again starts empty.
 */
@Component
class RecordAcceptanceStepListener implements TaskListener {

    private final AcceptanceService acceptance;
    private final AcceptanceSteps steps;

    RecordAcceptanceStepListener(AcceptanceService acceptance, AcceptanceSteps steps) {
        this.acceptance = acceptance;
        this.steps = steps;
    }

    @Override
    public void notify(DelegateTask task) {
        AcceptanceForms.Step s = AcceptanceForms.STEPS.get(task.getTaskDefinitionKey());
        s.form().checkVariables(task::getVariable);
        long campaignId = TaskVariables.campaignId(task);
        String outcome = (String) task.getVariable(s.outcomeField());
        String problems = text(task, AcceptanceForms.PROBLEMS);
        boolean onSite = s.form().answers().contains(AcceptanceForms.PROBLEMS);
        int attempt = onSite ? acceptance.recordFindings(campaignId, s.step(), outcome, problems)
                : acceptance.currentAttempt(campaignId);
        String remarks = onSite ? problems
                : text(task, task.getTaskDefinitionKey().equals("recordObjections") ? AcceptanceForms.OBJECTION_SUMMARY
                : AcceptanceForms.REMARKS);
        String decided = text(task, AcceptanceForms.DECIDED_ON);
        steps.record(campaignId, new AcceptanceSteps.Step(s.step(), attempt, (String) task.getVariable(s.authorityLevel()),
                outcome, text(task, AcceptanceForms.DOCUMENT_NO), decided == null ? null : LocalDate.parse(decided),
                remarks, task.getAssignee()));
        var process = task.getExecution().getProcessInstance();
        process.setVariable(s.outcomeField(), outcome);
        if (s.form().answers().contains(AcceptanceForms.RECTIFY_BY)) {
            process.setVariable(AcceptanceForms.RECTIFY_BY, text(task, AcceptanceForms.RECTIFY_BY));
        }
        if (s.form().answers().contains(AcceptanceForms.OBJECTION_SUMMARY)) {
            process.setVariable(AcceptanceForms.OBJECTION_SUMMARY, text(task, AcceptanceForms.OBJECTION_SUMMARY));
        }
    }

    static String text(DelegateTask task, String key) {
        Object v = task.getVariable(key);
        return v instanceof String s && !s.isBlank() ? s.strip() : null;
    }
}
