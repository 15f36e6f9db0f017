package cn.chuangwei.campaign;

import cn.chuangwei.kernel.Phase;

/**
 * How far a phase of a campaign has come in its tasks. The task module, which owns the decomposition rows, answers it;
 * the campaign's view asks it without depending on that module.
 */
public interface PhaseProgress {

    PhaseCounts counts(long campaignId, Phase phase);

    /** Counts of a phase's rows: all, accepted, and critical rows not accepted. */
    record PhaseCounts(int total, int accepted, int criticalOpen) {
        public double acceptedShare() {
            return total == 0 ? 1.0 : (double) accepted / total;
        }
    }
}
