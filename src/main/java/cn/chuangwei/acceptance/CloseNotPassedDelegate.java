package cn.chuangwei.acceptance;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.task.TaskVariables;
import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A second failed inspection ends this cycle: the campaign is closed as not passed; its record stays. */
@Component
class CloseNotPassedDelegate implements JavaDelegate {

    private final CampaignRepository campaigns;
    private final Clock clock;

    CloseNotPassedDelegate(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.close(TaskVariables.campaignId(execution), "NOT_PASSED", clock.instant());
    }
}
