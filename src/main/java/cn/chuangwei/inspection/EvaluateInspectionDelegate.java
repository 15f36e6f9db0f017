package cn.chuangwei.inspection;

import cn.chuangwei.task.TaskVariables;
import java.util.Map;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

/**
 * Judges each reading with {@code dmn/indicator-compliance.dmn} against the threshold in force, and sums the round up
 * for {@code dmn/acceptance-readiness.dmn}.
 */
@Component
class EvaluateInspectionDelegate implements JavaDelegate {

    private final InspectionService inspection;
    private final DecisionService decisions;

    EvaluateInspectionDelegate(InspectionService inspection, DecisionService decisions) {
        this.inspection = inspection;
        this.decisions = decisions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        for (Map<String, Object> reading : inspection.readingsToJudge(campaignId)) {
            String result = (String) decisions.evaluateDecisionTableByKey("indicator-compliance")
                    .variables(Variables.fromMap(reading)).evaluate().getSingleResult().getEntry("result");
            inspection.recordResult(campaignId, (String) reading.get("code"), result);
        }
        InspectionService.Summary s = inspection.summarize(campaignId);
        execution.setVariable("vetoFailed", s.vetoFailed());
        execution.setVariable("failedIndicators", s.failedIndicators());
        execution.setVariable("areasBelowMin", s.areasBelowMin());
        execution.setVariable("scoreOverPass", s.scoreOverPass());
    }
}
