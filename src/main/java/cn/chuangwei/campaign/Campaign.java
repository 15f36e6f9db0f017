package cn.chuangwei.campaign;

import java.time.Instant;

import cn.chuangwei.org.Region;

/**
 * A town's campaign to be named at some level; its phases, units, people and tasks hang off its id.
 *
 * @param townId the town's region, whose tenant the campaign's processes run in
 */
public record Campaign(long id, String name, String town, CampaignKind kind, CampaignLevel level, String standardCode,
                       String templateId, CampaignStatus status, String processInstanceId, String createdBy,
                       Instant createdAt, Instant completedAt, long townId) {

    /** The Camunda tenant the campaign's processes and cases run in: its town's. */
    public String tenantId() {
        return Region.tenantOf(townId);
    }
}
