package cn.chuangwei.campaign;

import cn.chuangwei.org.CurrentUser;
import java.util.List;
import org.springframework.stereotype.Component;

/** The campaigns the current user may see: all for the office, supervisors and leading group; else those they are in. */
@Component
public class VisibleCampaigns {

    private final CampaignRepository campaigns;
    private final CurrentUser currentUser;

    VisibleCampaigns(CampaignRepository campaigns, CurrentUser currentUser) {
        this.campaigns = campaigns;
        this.currentUser = currentUser;
    }

    public List<Campaign> list() {
        return currentUser.seesAllUnits() ? campaigns.findAll()
                : campaigns.findVisibleTo(currentUser.id(), currentUser.groups().stream()
                        .filter(g -> g.startsWith("unit-")).map(g -> g.substring(5)).toList());
    }
}
