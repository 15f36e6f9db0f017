package cn.chuangwei.phase;

import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** The leader (组长) has decided an escalated gate: PASS to the next phase, or HOLD for rectification. */
@Component
class RecordLeaderDecisionListener implements TaskListener {

    private final GateSignatures signatures;
    private final Clock clock;

    RecordLeaderDecisionListener(GateSignatures signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PhaseForms.LEADER.checkVariables(task::getVariable);
        String decision = (String) task.getVariable(PhaseForms.LEADER_DECISION_FIELD);
        String comment = (String) task.getVariable(PhaseForms.LEADER_COMMENT);
        signatures.insert(TaskVariables.campaignId(task), TaskVariables.phase(task),
                ((Number) task.getVariable("gateRound")).intValue(), task.getAssignee(), "DECIDE", decision,
                comment == null ? null : comment.trim(), clock.instant());
        task.getExecution().setVariable("gateOutcome", decision);
    }
}
