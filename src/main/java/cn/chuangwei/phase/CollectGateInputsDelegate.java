package cn.chuangwei.phase;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.PhaseProgress.PhaseCounts;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.task.TaskRowRepository;
import cn.chuangwei.task.TaskVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Gathers what {@code dmn/phase-gate.dmn} decides from: the share of the phase's tasks accepted, critical tasks not
 * accepted, the share of this round's signatures that reject, and whether the phase's end date has passed.
 */
@Component
class CollectGateInputsDelegate implements JavaDelegate {

    private final PhaseRepository phases;
    private final GateSignatures gateSignatures;
    private final TaskRowRepository rows;
    private final DueDates dueDates;

    CollectGateInputsDelegate(PhaseRepository phases, GateSignatures gateSignatures, TaskRowRepository rows, DueDates dueDates) {
        this.phases = phases;
        this.gateSignatures = gateSignatures;
        this.rows = rows;
        this.dueDates = dueDates;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        Phase phase = TaskVariables.phase(execution);
        int round = ((Number) execution.getVariable("gateRound")).intValue();
        PhaseCounts counts = rows.counts(campaignId, phase);
        List<GateSignatures.GateSignature> signatures = gateSignatures.signatures(campaignId, phase).stream()
                .filter(s -> s.round() == round && "SIGN".equals(s.kind())).toList();
        long approvals = signatures.stream().filter(s -> "APPROVE".equals(s.decision())).count();
        long rejections = signatures.size() - approvals;
        execution.setVariable("acceptedShare", counts.acceptedShare());
        execution.setVariable("criticalOpen", counts.criticalOpen());
        execution.setVariable("approvals", (int) approvals);
        execution.setVariable("rejections", (int) rejections);
        execution.setVariable("rejectionShare", signatures.isEmpty() ? 0.0 : (double) rejections / signatures.size());
        execution.setVariable("pastEnd", dueDates.isPast(phases.get(campaignId, phase).endDate()));
    }
}
