package cn.chuangwei.phase;

import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.PhaseProgress.PhaseCounts;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.task.TaskRowRepository;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What {@code dmn/phase-gate.dmn} decides a gate round from, computed in one place: for the process when every member
 * has signed ({@link CollectGateInputsDelegate}) and for the page a member reads before signing ({@link GatePanel}).
 * The share of the phase's tasks accepted, its critical tasks not accepted, the share of the round's signatures that
 * reject, and whether the phase's end date has passed.
 */
@Component
class GateFigures {

    private final PhaseRepository phases;
    private final GateSignatures gateSignatures;
    private final TaskRowRepository rows;
    private final DueDates dueDates;

    GateFigures(PhaseRepository phases, GateSignatures gateSignatures, TaskRowRepository rows, DueDates dueDates) {
        this.phases = phases;
        this.gateSignatures = gateSignatures;
        this.rows = rows;
        this.dueDates = dueDates;
    }

    /** The inputs of a gate round from the signatures given in it so far (all of them once the round is complete). */
    Inputs of(long campaignId, Phase phase, int round) {
        PhaseCounts counts = rows.counts(campaignId, phase);
        List<GateSignatures.GateSignature> signatures = signatures(campaignId, phase, round);
        long approvals = signatures.stream().filter(s -> "APPROVE".equals(s.decision())).count();
        long rejections = signatures.size() - approvals;
        return new Inputs(counts, (int) approvals, (int) rejections,
                signatures.isEmpty() ? 0.0 : (double) rejections / signatures.size(),
                dueDates.isPast(phases.get(campaignId, phase).endDate()), signatures);
    }

    /** The leading group's signatures (not the leader's decisions) in one round of a phase's gate. */
    List<GateSignatures.GateSignature> signatures(long campaignId, Phase phase, int round) {
        return gateSignatures.signatures(campaignId, phase).stream()
                .filter(s -> s.round() == round && "SIGN".equals(s.kind())).toList();
    }

    /**
     * A gate round's inputs.
     *
     * @param signatures the round's signatures they were computed from
     */
    record Inputs(PhaseCounts counts, int approvals, int rejections, double rejectionShare, boolean pastEnd,
                  List<GateSignatures.GateSignature> signatures) {

        double acceptedShare() {
            return counts.acceptedShare();
        }

        int criticalOpen() {
            return counts.criticalOpen();
        }

        /** As the process variables the decision table reads them (and the delegate sets them). */
        Map<String, Object> variables() {
            return Map.of("acceptedShare", acceptedShare(), "criticalOpen", criticalOpen(), "approvals", approvals,
                    "rejections", rejections, "rejectionShare", rejectionShare, "pastEnd", pastEnd);
        }
    }
}
