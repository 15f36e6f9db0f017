package cn.chuangwei.campaign;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.org.Visibility;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The campaigns the current user may see: all for the office, supervisors and leading group; else those they are in
 * (a member, or in one of its units); grid inspectors and the hotline see every campaign's cases.
 */
@Component
public class VisibleCampaigns {

    private final CampaignRepository campaigns;
    private final CurrentUser currentUser;
    private final Visibility visibility;

    VisibleCampaigns(CampaignRepository campaigns, CurrentUser currentUser, Visibility visibility) {
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.visibility = visibility;
    }

    /**
     * The campaign, if the caller is in it (the office, supervisors and leading group; a member; someone in one of its
     * units) and so may see its campaign-wide data: the board, the ranking, thresholds, self-inspection. 404 when there
     * is no such campaign, 403 for anyone else.
     */
    public Campaign require(long campaignId) {
        Campaign c = campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        if (visibility.seesAllUnits()) {
            return c;
        }
        String me = currentUser.id();
        if (campaigns.units(campaignId).stream().anyMatch(u -> visibility.inUnit(u.code()))
                || campaigns.members(campaignId).stream().anyMatch(m -> m.userId().equals(me))) {
            return c;
        }
        throw ApiException.forbidden("not-in-campaign");
    }

    /** As {@link #require}, and also for grid inspectors and the hotline, who work on every campaign's cases. */
    public Campaign requirePatrol(long campaignId) {
        if (currentUser.inGroup("grid-inspectors") || currentUser.inGroup("hotline")) {
            return campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
        }
        return require(campaignId);
    }

    public List<Campaign> list() {
        return visibility.seesAllUnits() ? campaigns.findAll()
                : campaigns.findVisibleTo(currentUser.id(), visibility.ownUnits());
    }
}
