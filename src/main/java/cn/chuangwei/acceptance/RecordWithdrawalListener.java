package cn.chuangwei.acceptance;

import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.task.TaskVariables;
import java.time.LocalDate;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** A second failed 复审 withdraws the title (撤销): the document and date are recorded on the 复审 and on the campaign. */
@Component
class RecordWithdrawalListener implements TaskListener {

    private final ReReviews reReviews;
    private final CampaignRepository campaigns;

    RecordWithdrawalListener(ReReviews reReviews, CampaignRepository campaigns) {
        this.reReviews = reReviews;
        this.campaigns = campaigns;
    }

    @Override
    public void notify(DelegateTask task) {
        MaintenanceForms.WITHDRAWAL.checkVariables(task::getVariable);
        long campaignId = TaskVariables.campaignId(task);
        String document = RecordAcceptanceStepListener.text(task, AcceptanceForms.DOCUMENT_NO);
        LocalDate on = LocalDate.parse(RecordAcceptanceStepListener.text(task, AcceptanceForms.DECIDED_ON));
        reReviews.consequenceDocument(campaignId, ((Number) task.getVariable("reReviewCycle")).intValue(),
                ((Number) task.getVariable("reReviewFailures")).intValue(), document, on, null);
        campaigns.recordWithdrawal(campaignId, on, document);
    }
}
