package cn.chuangwei.acceptance;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.web.Page;
import cn.chuangwei.web.Pages;
import java.util.Locale;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** {@code /board/{id}/acceptance}: the campaign's 申报验收 and 复审 as recorded, for whoever may see the campaign. */
@Page
class AcceptancePage {

    private final VisibleCampaigns visible;
    private final AcceptanceRecord record;
    private final Texts texts;

    AcceptancePage(VisibleCampaigns visible, AcceptanceRecord record, Texts texts) {
        this.visible = visible;
        this.record = record;
        this.texts = texts;
    }

    @GetMapping("/board/{campaignId:\\d+}/acceptance")
    String acceptance(@PathVariable long campaignId, Model model, Locale locale) {
        Campaign campaign = visible.require(campaignId);
        model.addAttribute("title", texts.get("page.acceptance.title", locale));
        model.addAttribute("campaign", campaign);
        model.addAttribute("base", "/board/" + campaignId);
        model.addAttribute("record", record.of(campaign, locale));
        model.addAttribute("lang", Pages.lang(locale));
        return "acceptance";
    }
}
