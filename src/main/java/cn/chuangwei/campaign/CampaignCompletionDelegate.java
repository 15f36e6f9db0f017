package cn.chuangwei.campaign;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Last step of {@code campaign.bpmn}: all five phases passed; the campaign is completed. */
@Component("campaignCompletion")
class CampaignCompletionDelegate implements JavaDelegate {

    private final CampaignRepository campaigns;
    private final Clock clock;

    CampaignCompletionDelegate(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.complete(((Number) execution.getVariable(CampaignVariables.CAMPAIGN_ID)).longValue(), clock.instant());
    }
}
