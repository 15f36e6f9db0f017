package cn.chuangwei.campaign;

import cn.chuangwei.kernel.Groups;
import cn.chuangwei.org.Directory;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asynchronous step of {@code campaign.bpmn}: puts each unit head into their unit's group ({@code unit-<code>}) and the
 * campaign's people into the leading group, the office or the supervisors, so that Tasklist shows them their work.
 * It runs as a job, with the engine's own rights, after the set-up has committed.
 */
@Component
class SyncGroupsDelegate implements JavaDelegate {

    private final CampaignRepository campaigns;
    private final Directory directory;

    SyncGroupsDelegate(CampaignRepository campaigns, Directory directory) {
        this.campaigns = campaigns;
        this.directory = directory;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long id = CampaignVariables.campaignId(execution);
        for (CampaignUnit u : campaigns.units(id)) {
            directory.ensureMembership(u.headUserId(), Groups.unit(u.code()), u.name(), "UNIT");
        }
        for (CampaignMember m : campaigns.members(id)) {
            String group = switch (m.role()) {
                case LEADER, DEPUTY, MEMBER -> Groups.LEADING_GROUP;
                case OFFICE -> Groups.OFFICE;
                case SUPERVISOR -> Groups.SUPERVISORS;
            };
            directory.ensureMembership(m.userId(), group, group, "WORKFLOW");
        }
    }
}
