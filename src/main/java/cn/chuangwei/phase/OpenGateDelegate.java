package cn.chuangwei.phase;

import cn.chuangwei.calendar.DeadlineSettings;
import cn.chuangwei.calendar.DueDates;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.PhaseRepository;
import cn.chuangwei.task.TaskVariables;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Convenes the phase gate (召集阶段验收签批): a new gate round, its due date, and the leading group's members who sign
 * ({@code openGateDelegate.signers}, the multi-instance collection of the signing task).
 * (phase.bpmn calls {@link #signers} in an expression, which needs a public class.)
 */
@Component
public class OpenGateDelegate implements JavaDelegate {

    private final PhaseRepository phases;
    private final CampaignRepository campaigns;
    private final DueDates dueDates;
    private final int gateDays;

    OpenGateDelegate(PhaseRepository phases, CampaignRepository campaigns, DueDates dueDates,
                     DeadlineSettings deadlines) {
        this.phases = phases;
        this.campaigns = campaigns;
        this.dueDates = dueDates;
        this.gateDays = deadlines.gateDays();
    }

    @Override
    public void execute(DelegateExecution execution) {
        int round = phases.openGate(TaskVariables.campaignId(execution), TaskVariables.phase(execution));
        execution.setVariable("gateRound", round);
        execution.setVariable("gateDue", dueDates.dueInWorkingDays(gateDays));
        java.time.LocalDate dueDay = dueDates.workingDaysFromToday(gateDays);
        execution.setVariable("gateReminderBefore", dueDates.reminderBefore(dueDay, 2));
        execution.setVariable("gateReminderOnDay", dueDates.reminderBefore(dueDay, 0));
    }

    public List<String> signers(long campaignId) {
        return campaigns.gateSigners(campaignId);
    }
}
