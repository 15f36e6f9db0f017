package cn.chuangwei.campaign;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Last step of {@code campaign.bpmn}: all five phases passed; the campaign is completed. */
@Component
class CompleteCampaignDelegate implements JavaDelegate {

    private final CampaignRepository campaigns;
    private final Clock clock;

    CompleteCampaignDelegate(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.complete(CampaignVariables.campaignId(execution), clock.instant());
    }
}
