package cn.chuangwei.campaign;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.Groups;
import cn.chuangwei.org.Regions;
import cn.chuangwei.org.Visibility;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The campaigns the current user may see, and within a campaign what of its work: {@link Visibility}'s rule applied to
 * the campaign's town. A town's office, supervisors and leading group see all of their town's campaigns; the county's
 * office above them reads them; a unit head the campaigns their unit is in; grid inspectors and the hotline the cases of
 * the towns they work in.
 */
@Component
public class VisibleCampaigns {

    private final CampaignRepository campaigns;
    private final CurrentUser currentUser;
    private final Visibility visibility;
    private final Regions regions;

    VisibleCampaigns(CampaignRepository campaigns, CurrentUser currentUser, Visibility visibility, Regions regions) {
        this.campaigns = campaigns;
        this.currentUser = currentUser;
        this.visibility = visibility;
        this.regions = regions;
    }

    /**
     * 403 {@code office-only} unless the caller may set up a campaign of the town named: a campaign office; a town that
     * is set up already takes campaigns from its own office only (a new town's first campaign sets it up).
     */
    public void requireSetUp(String town) {
        currentUser.requireOffice();
        if (town != null) {
            regions.findTown(town.trim()).ifPresent(t -> visibility.requireOfficeOf(t.tenantId()));
        }
    }

    /**
     * The campaign, if the caller is in it (its town's office, supervisors and leading group; the county above; a member;
     * someone in one of its units) and so may see its campaign-wide data: the board, the ranking, thresholds,
     * self-inspection. 404 when there is no such campaign, 403 for anyone else.
     */
    public Campaign require(long campaignId) {
        Campaign c = find(campaignId);
        if (visibility.seesAllUnits(c.tenantId())) {
            return c;
        }
        String me = currentUser.id();
        if (campaigns.units(campaignId).stream().anyMatch(u -> visibility.inUnit(u.code()))
                || campaigns.members(campaignId).stream().anyMatch(m -> m.userId().equals(me))) {
            return c;
        }
        throw ApiException.forbidden("not-in-campaign");
    }

    /** As {@link #require}, and also for the grid inspectors and the hotline of the campaign's town. */
    public Campaign requirePatrol(long campaignId) {
        Campaign c = find(campaignId);
        if ((currentUser.inGroup(Groups.GRID_INSPECTORS) || currentUser.inGroup(Groups.HOTLINE))
                && visibility.inTown(c.tenantId())) {
            return c;
        }
        return require(campaignId);
    }

    /** The campaign, if the caller reads every unit of its town (the audit, circulars, the dossier); else 403. */
    public Campaign requireAllUnits(long campaignId) {
        Campaign c = find(campaignId);
        visibility.requireAllUnits(c.tenantId());
        return c;
    }

    /** The campaign, if the caller is its town's office (an administrator too); else 403 {@code office-only}. */
    public Campaign requireOffice(long campaignId) {
        Campaign c = find(campaignId);
        visibility.requireOfficeOf(c.tenantId());
        return c;
    }

    /** 403 {@code not-your-unit} unless the caller may see this unit of the campaign. */
    public void requireUnit(long campaignId, String unitCode) {
        if (!visibility.inUnit(unitCode)) {
            visibility.requireUnit(find(campaignId).tenantId(), unitCode);
        }
    }

    /** Whether the caller reads every unit of the campaign. */
    public boolean seesAllUnits(long campaignId) {
        return visibility.seesAllUnits(find(campaignId).tenantId());
    }

    /** Whether the caller is the campaign's town office. */
    public boolean isOffice(long campaignId) {
        return visibility.isOfficeOf(find(campaignId).tenantId());
    }

    /** Which of the campaign's units the caller may see. */
    public Predicate<String> unitFilter(long campaignId) {
        return visibility.unitFilter(find(campaignId).tenantId());
    }

    /** Which units of which campaigns the caller may see (campaign id, unit code): for lists across campaigns. */
    public BiPredicate<Long, String> rowFilter() {
        BiPredicate<String, String> towns = visibility.townUnitFilter();
        Map<Long, String> tenants = new HashMap<>();
        return (campaignId, unit) -> campaignId != null && towns.test(tenants.computeIfAbsent(campaignId,
                id -> campaigns.find(id).map(Campaign::tenantId).orElse("")), unit);
    }

    /** Whether the town named has a campaign (of any state): its first is set up on the new-campaign page. */
    public boolean townHasCampaign(String town) {
        return campaigns.townHasCampaign(town);
    }

    /** The campaigns the caller sees: those of their towns for a reader of every unit, else those they are in. */
    public List<Campaign> list() {
        Set<Long> mine = campaigns.findVisibleTo(currentUser.id(), visibility.ownUnits()).stream().map(Campaign::id)
                .collect(Collectors.toSet());
        return campaigns.findAll().stream().filter(c -> mine.contains(c.id()) || visibility.seesAllUnits(c.tenantId()))
                .toList();
    }

    private Campaign find(long campaignId) {
        return campaigns.find(campaignId).orElseThrow(() -> ApiException.notFound("unknown-campaign", campaignId));
    }
}
