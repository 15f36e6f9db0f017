package cn.chuangwei.phase;

import cn.chuangwei.calendar.DeadlineSettings;
import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.campaign.PhaseStatus;
import cn.chuangwei.kernel.Phase;
import cn.chuangwei.task.TaskVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Records the gate's outcome ({@code gateOutcome}, from the decision table or the leader) on the phase, and computes
 * the due dates of what follows: the office's rectification step and the leader's decision.
 */
@Component
class RecordGateOutcomeDelegate implements JavaDelegate {

    private final PhaseRepository phases;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final int rectifyDays;
    private final int leaderDays;

    RecordGateOutcomeDelegate(PhaseRepository phases, CampaignRepository campaigns, DueDates dueDates,
                              DeadlineSettings deadlines) {
        this.phases = phases;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.rectifyDays = deadlines.rectifyDays();
        this.leaderDays = deadlines.leaderDays();
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = TaskVariables.campaignId(execution);
        Phase phase = TaskVariables.phase(execution);
        String outcome = (String) execution.getVariable("gateOutcome");
        switch (outcome) {
            case "PASS" -> phases.setStatus(campaignId, phase, PhaseStatus.SIGNING, outcome);
            case "HOLD" -> phases.setStatus(campaignId, phase, PhaseStatus.RECTIFYING, outcome);
            case "ESCALATE" -> {
                phases.setStatus(campaignId, phase, PhaseStatus.ESCALATED, outcome);
                execution.setVariable("leaderId", campaigns.leader(campaignId)
                        .orElseThrow(() -> new IllegalStateException("campaign " + campaignId + " has no leader")));
            }
            default -> throw new IllegalStateException("unknown gate outcome " + outcome);
        }
        execution.setVariable("rectifyDue", dueDates.dueInWorkingDays(rectifyDays));
        execution.setVariable("leaderDue", dueDates.dueInWorkingDays(leaderDays));
    }
}
