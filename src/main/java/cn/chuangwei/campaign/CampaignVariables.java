package cn.chuangwei.campaign;

/** Names of the process variables the campaign and phase processes share. */
public final class CampaignVariables {

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String PHASE = "phase";

    private CampaignVariables() {
    }
}
