package cn.chuangwei.campaign;

import cn.chuangwei.kernel.Groups;
import cn.chuangwei.org.Directory;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.Regions;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asynchronous step of {@code campaign.bpmn}: puts each unit head into their unit's group ({@code unit-<code>}) and the
 * campaign's people into the leading group, the office or the supervisors, and all of them into their town's tenant,
 * so that Tasklist shows them their town's work and no other.
 * It runs as a job, with the engine's own rights, after the set-up has committed.
 */
@Component
class SyncGroupsDelegate implements JavaDelegate {

    private final CampaignRepository campaigns;
    private final Directory directory;
    private final Regions regions;

    SyncGroupsDelegate(CampaignRepository campaigns, Directory directory, Regions regions) {
        this.campaigns = campaigns;
        this.directory = directory;
        this.regions = regions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = CampaignVariables.campaignId(execution);
        Region town = regions.find(campaigns.find(id).orElseThrow().townId()).orElseThrow();
        for (CampaignUnit u : campaigns.units(id)) {
            directory.ensureMembership(u.headUserId(), Groups.unit(u.code()), u.name(), "UNIT");
            regions.addMember(town, u.headUserId());
        }
        for (CampaignMember m : campaigns.members(id)) {
            String group = switch (m.role()) {
                case LEADER, DEPUTY, MEMBER -> Groups.LEADING_GROUP;
                case OFFICE -> Groups.OFFICE;
                case SUPERVISOR -> Groups.SUPERVISORS;
            };
            directory.ensureMembership(m.userId(), group, group, "WORKFLOW");
            regions.addMember(town, m.userId());
        }
    }
}
