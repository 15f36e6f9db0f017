package cn.chuangwei.org;

/**
 * Whether a campaign that is not finished names a person: answered by the campaign module, which keeps each campaign's
 * people and units. A role removed from a region keeps the Camunda memberships a running campaign still needs.
 */
public interface CampaignPeople {

    /**
     * Whether a campaign not yet finished names the person in the role (any role: null), of the town (any town: null).
     */
    boolean names(String userId, RegionRole role, Long townId);
}
