package cn.chuangwei.campaign;

import java.time.Clock;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A campaign whose self-inspection found a veto item failed ends here, not eligible to apply; its record stays. */
@Component
class CloseNotEligibleDelegate implements JavaDelegate {

    private final CampaignRepository campaigns;
    private final Clock clock;

    CloseNotEligibleDelegate(CampaignRepository campaigns, Clock clock) {
        this.campaigns = campaigns;
        this.clock = clock;
    }

    @Override
    public void execute(DelegateExecution execution) {
        campaigns.close(CampaignVariables.campaignId(execution), "NOT_ELIGIBLE", clock.instant());
    }
}
