package cn.chuangwei.supervision;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.task.TaskRow;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/** What supervision mails say about a task. */
@Component
class Notices {

    private final CampaignRepository campaigns;
    private final Texts texts;
    private final SiteSettings site;

    Notices(CampaignRepository campaigns, Texts texts, SiteSettings site) {
        this.campaigns = campaigns;
        this.texts = texts;
        this.site = site;
    }

    public static Locale locale(String tag) {
        return Locale.forLanguageTag(tag);
    }

    /** The values every task mail can use, in the recipient's language. */
    public Map<String, String> taskValues(TaskRow row, String localeTag) {
        Locale locale = locale(localeTag);
        Campaign c = campaigns.find(row.campaignId()).orElseThrow();
        CampaignUnit unit = campaigns.unit(row.campaignId(), row.unitCode()).orElseThrow();
        Map<String, String> v = new HashMap<>();
        v.put("campaignName", c.name());
        v.put("phaseName", texts.get("phase." + row.phase().name(), locale));
        v.put("unitName", unit.name());
        v.put("taskTitle", row.title());
        v.put("taskTarget", row.target() == null ? "" : row.target());
        v.put("deadline", row.deadline().toString());
        v.put("link", tasklistLink());
        return v;
    }

    public String tasklistLink() {
        return site.link(SiteSettings.TASKLIST);
    }
}
