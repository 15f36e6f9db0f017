package cn.chuangwei.phase;

import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A leading-group member has signed the gate: approve, or reject with a comment. */
@Component
class RecordSignatureListener implements TaskListener {

    private final GateSignatures signatures;
    private final Clock clock;

    RecordSignatureListener(GateSignatures signatures, Clock clock) {
        this.signatures = signatures;
        this.clock = clock;
    }

    @Override
    public void notify(DelegateTask task) {
        PhaseForms.SIGN.checkVariables(task::getVariable);
        String comment = (String) task.getVariable(PhaseForms.SIGN_COMMENT);
        signatures.insert(TaskVariables.campaignId(task), TaskVariables.phase(task),
                ((Number) task.getVariable("gateRound")).intValue(), task.getAssignee(), "SIGN",
                (String) task.getVariable(PhaseForms.SIGN_DECISION), comment == null ? null : comment.trim(),
                clock.instant());
    }
}
