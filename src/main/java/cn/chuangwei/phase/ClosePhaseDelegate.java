package cn.chuangwei.phase;

import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The gate passed: the phase is done, and any row never accepted is recorded as unfinished. */
@Component
class ClosePhaseDelegate implements JavaDelegate {

    private final PhaseRepository phases;
    private final TaskRowRepository rows;
    private final Clock clock;

    ClosePhaseDelegate(PhaseRepository phases, TaskRowRepository rows, Clock clock) {
        this.phases = phases;
        this.rows = rows;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        Phase phase = TaskVariables.phase(execution);
        rows.markUnfinished(campaignId, phase);
        phases.close(campaignId, phase, (String) execution.getVariable("gateOutcome"), clock.instant());
    }
}
