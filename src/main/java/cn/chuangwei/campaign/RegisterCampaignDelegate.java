package cn.chuangwei.campaign;

import cn.chuangwei.kernel.SiteSettings;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * First step of {@code campaign.bpmn}: ties the process to its campaign and marks the campaign active. A campaign
 * started from the Tasklist start form has no {@code campaignId} yet: the form's answers are checked
 * ({@link CampaignStartForm}) and it is registered here from them.
 */
@Component
class RegisterCampaignDelegate implements JavaDelegate {

    private final CampaignSetupService setup;
    private final CampaignRepository campaigns;
    private final ZoneId zone;

    RegisterCampaignDelegate(CampaignSetupService setup, CampaignRepository campaigns, SiteSettings site) {
        this.setup = setup;
        this.campaigns = campaigns;
        this.zone = site.zone();
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object id = execution.getVariable(CampaignVariables.CAMPAIGN_ID);
        long campaignId;
        if (id == null) {
            CampaignStartForm.START.checkVariables(name -> answer(execution.getVariable(name)));
            campaignId = setup.registerFromStartForm((String) execution.getVariable("campaignName"),
                    (String) execution.getVariable("town"), (String) execution.getVariable("template"),
                    LocalDate.parse(((String) answer(execution.getVariable("startDate"))).strip()),
                    (String) execution.getVariable("initiator"));
            execution.setVariable(CampaignVariables.CAMPAIGN_ID, campaignId);
            execution.setProcessBusinessKey("campaign-" + campaignId);
        } else {
            campaignId = ((Number) id).longValue();
        }
        campaigns.activate(campaignId, execution.getProcessInstanceId());
        campaigns.find(campaignId).ifPresent(c -> execution.setVariable("campaignName", c.name()));
    }

    /** A date set by a caller other than the form (a {@link Date}) is read as the form's date picker would send it. */
    private Object answer(Object value) {
        return value instanceof Date d ? d.toInstant().atZone(zone).toLocalDate().toString() : value;
    }
}
