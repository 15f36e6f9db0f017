package cn.chuangwei.patrol;

import static cn.chuangwei.patrol.CaseVariables.caseId;

import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** 核查: on site, pass (the case closes) or fail (back to the same unit, counted as rework). */
@Component
class RecordCheckListener implements TaskListener {

    private final CaseRepository cases;
    private final CaseTransitions transitions;
    private final Clock clock;

    RecordCheckListener(CaseRepository cases, Clock clock, CaseTransitions transitions) {
        this.cases = cases;
        this.transitions = transitions;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PatrolCaseForms.CHECK.checkVariables(task::getVariable);
        long id = caseId(task);
        Instant now = clock.instant();
        String outcome = (String) task.getVariable("checkOutcome");
        if ("FAIL".equals(outcome)) {
            String reason = ((String) task.getVariable("failReason")).trim();
            transitions.failCheck(id, reason, task.getAssignee(), now);
        } else {
            PatrolCase c = cases.find(id).orElseThrow();
            transitions.close(id, c.handledInTime(), task.getAssignee(), now);
        }
        task.getExecution().setVariable("checkResult", outcome);
        task.getExecution().setVariable("complaint", "HOTLINE".equals(cases.find(id).orElseThrow().source()));
    }
}
