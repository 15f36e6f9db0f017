package cn.chuangwei.campaign;

import cn.chuangwei.kernel.FormRules;
import cn.chuangwei.kernel.FormRules.Field;
import cn.chuangwei.kernel.ProcessForms;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The start form of {@code campaign.bpmn} ({@code campaign-start.form}): a campaign started from Tasklist names itself,
 * its town, its template (one of those shipped under {@code templates/}) and its start date; the town's units and
 * people come from its latest campaign.
 */
@Component
class CampaignStartForm implements ProcessForms {

    static final FormRules START = FormRules.startForm(CampaignSetupService.PROCESS_KEY, "CampaignStarted", "campaign-start",
            Field.text("campaignName", 200).required(),
            Field.text("town", 100).required(),
            Field.choice("template", "sanitary-town-provincial", "civilized-city", "forest-city"),
            Field.date("startDate").required());

    @Override
    public List<FormRules> forms() {
        return List.of(START);
    }
}
