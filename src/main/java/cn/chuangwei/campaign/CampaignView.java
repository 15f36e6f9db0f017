package cn.chuangwei.campaign;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What {@code GET /api/campaigns/{id}} shows: the campaign, where it stands, its phases with progress, units and people. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CampaignView(long id, String name, String town, CampaignKind kind, CampaignLevel level, String standard,
                           String template, CampaignStatus status, String processInstanceId, Instant createdAt,
                           Instant completedAt, PhaseView currentPhase, List<PhaseView> phases, List<CampaignUnit> units,
                           List<CampaignMember> members, List<String> activeActivities) {

    public record PhaseView(String phase, String name, int seq, LocalDate startDate, LocalDate endDate, String status,
                            int gateRound, String gateOutcome, int tasks, int accepted, int criticalOpen) {
    }
}
