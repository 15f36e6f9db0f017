package cn.chuangwei.phase;

import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers what {@code dmn/phase-gate.dmn} decides from ({@link GateFigures}): the share of the phase's tasks accepted,
 * critical tasks not accepted, the share of this round's signatures that reject, and whether the phase's end date has
 * passed.
 */
@Component
class CollectGateInputsDelegate implements JavaDelegate {

    private final GateFigures gateFigures;

    CollectGateInputsDelegate(GateFigures gateFigures) {
        this.gateFigures = gateFigures;
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = ((Number) execution.getVariable("gateRound")).intValue();
        execution.setVariables(gateFigures.of(TaskVariables.campaignId(execution), TaskVariables.phase(execution), round)
                .variables());
    }
}
