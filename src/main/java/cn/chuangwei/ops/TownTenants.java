package cn.chuangwei.ops;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.org.Regions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Towns as Camunda tenants (an engine plugin; the engine's {@code impl} types it uses are pinned by
 * {@code org/TownsApartTest}, which fails when an instance runs outside its town). The process and decision
 * definitions are shared; every campaign's and case's process instance runs in its town's tenant: a call activity's
 * instance in its caller's, an instance started for a campaign ({@code campaignId}) in the campaign's town's, one
 * started from the start form in the town it names ({@code town}). The engine's tenant check then shows a town's work
 * only to the members of its tenant, in {@code /engine-rest}, Tasklist and Cockpit alike.
 */
@Component
class TownTenants extends AbstractProcessEnginePlugin implements TenantIdProvider {

    private final ObjectProvider<CampaignRepository> campaigns;
    private final ObjectProvider<Regions> regions;

    TownTenants(ObjectProvider<CampaignRepository> campaigns, ObjectProvider<Regions> regions) {
        this.campaigns = campaigns;
        this.regions = regions;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setTenantIdProvider(this);
    }

    @Override
    public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
        DelegateExecution caller = ctx.getSuperExecution();
        if (caller != null) {
            return caller.getTenantId();
        }
        Object campaignId = ctx.getVariables().get("campaignId");
        if (campaignId instanceof Number id) {
            return campaigns.getObject().find(id.longValue()).map(Campaign::tenantId).orElse(null);
        }
        Object town = ctx.getVariables().get("town");
        return town instanceof String name && !name.isBlank() ? regions.getObject().town(name.trim()).tenantId() : null;
    }

    @Override
    public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
        return null;
    }

    @Override
    public String provideTenantIdForHistoricDecisionInstance(TenantIdProviderHistoricDecisionInstanceContext ctx) {
        return ctx.getExecution() != null ? ctx.getExecution().getTenantId() : null;
    }
}
