package cn.chuangwei.escalation;

import cn.chuangwei.campaign.CampaignMember;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.MemberRole;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The people behind the ladder's roles for a subject: UNIT_HEAD (the unit's head and whoever works on the subject),
 * DEPUTY (the deputy in charge of the unit, else the leader), LEADER, OFFICE, SUPERVISORS and LEADING_GROUP.
 */
@Component
class LadderRoles {

    private final CampaignRepository campaigns;

    LadderRoles(CampaignRepository campaigns) {
        this.campaigns = campaigns;
    }

    /** The people of the comma-separated roles, each once. */
    List<String> people(Subject s, String roles) {
        Set<String> ids = new LinkedHashSet<>();
        if (roles == null || roles.isBlank()) {
            return List.of();
        }
        CampaignUnit unit = campaigns.unit(s.campaignId(), s.unitCode()).orElseThrow();
        List<CampaignMember> members = campaigns.members(s.campaignId());
        String leader = campaigns.leader(s.campaignId()).orElse(null);
        for (String role : roles.split(",")) {
            switch (role.trim()) {
                case "UNIT_HEAD" -> {
                    ids.add(s.responsible());
                    ids.add(unit.headUserId());
                }
                case "DEPUTY" -> ids.add(unit.deputyUserId() != null ? unit.deputyUserId() : leader);
                case "LEADER" -> ids.add(leader);
                case "OFFICE" -> members.stream().filter(m -> m.role() == MemberRole.OFFICE).forEach(m -> ids.add(m.userId()));
                case "SUPERVISORS" -> members.stream().filter(m -> m.role() == MemberRole.SUPERVISOR)
                        .forEach(m -> ids.add(m.userId()));
                case "LEADING_GROUP" -> ids.addAll(campaigns.gateSigners(s.campaignId()));
                default -> throw new IllegalStateException("unknown role in the escalation ladder: " + role);
            }
        }
        ids.remove(null);
        return new ArrayList<>(ids);
    }

    /** The person who holds an interview ({@code who} DEPUTY or LEADER): the deputy in charge of the unit, or the leader. */
    String interviewer(Subject s, String who) {
        if (who == null || who.isBlank()) {
            return null;
        }
        String leader = campaigns.leader(s.campaignId()).orElse(null);
        if ("LEADER".equals(who)) {
            return leader;
        }
        CampaignUnit unit = campaigns.unit(s.campaignId(), s.unitCode()).orElseThrow();
        return unit.deputyUserId() != null ? unit.deputyUserId() : leader;
    }
}
