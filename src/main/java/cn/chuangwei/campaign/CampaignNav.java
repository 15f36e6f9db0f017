package cn.chuangwei.campaign;

import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.org.TownPeople;
import cn.chuangwei.web.Page;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Whether the pages' header links to the new-campaign page: for a town's office whose town has no campaign yet. */
@ControllerAdvice(annotations = Page.class)
class CampaignNav {

    private final CurrentUser currentUser;
    private final TownPeople townPeople;
    private final CampaignRepository campaigns;

    CampaignNav(CurrentUser currentUser, TownPeople townPeople, CampaignRepository campaigns) {
        this.currentUser = currentUser;
        this.townPeople = townPeople;
        this.campaigns = campaigns;
    }

    @ModelAttribute("setsUpCampaign")
    boolean setsUpCampaign() {
        if (!currentUser.inGroup(Groups.OFFICE)) {
            return false;
        }
        java.util.List<String> towns = townPeople.officeTowns().stream().map(t -> t.name()).toList();
        return campaigns.townsWithCampaigns(towns).size() < new java.util.HashSet<>(towns).size();
    }
}
