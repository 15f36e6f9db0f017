package cn.chuangwei.campaign;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Names of the process variables the campaign and phase processes share. */
final class CampaignVariables {

    public static final String CAMPAIGN_ID = "campaignId";
    public static final String PHASE = "phase";

    private CampaignVariables() {
    }

    static long campaignId(VariableScope scope) {
        return ((Number) scope.getVariable(CAMPAIGN_ID)).longValue();
    }
}
