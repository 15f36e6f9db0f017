package cn.chuangwei.campaign;

import java.time.Instant;

/** A town's campaign to be named at some level; its phases, units, people and tasks hang off its id. */
public record Campaign(long id, String name, String town, CampaignKind kind, CampaignLevel level, String standardCode,
                       String templateId, CampaignStatus status, String processInstanceId, String createdBy,
                       Instant createdAt, Instant completedAt) {
}
