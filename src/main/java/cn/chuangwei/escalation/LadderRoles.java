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

    /** The people around a subject, read once (its unit and its campaign's members) for the roles a rung names. */
    Cast of(Subject s) {
        return new Cast(s, campaigns.unit(s.campaignId(), s.unitCode()).orElseThrow(), campaigns.members(s.campaignId()));
    }

    /** A subject's unit and its campaign's members. */
    record Cast(Subject subject, CampaignUnit unit, List<CampaignMember> members) {

        String leader() {
            return members.stream().filter(m -> m.role() == MemberRole.LEADER).map(CampaignMember::userId).findFirst()
                    .orElse(null);
        }

        /** The people of the comma-separated roles, each once. */
        List<String> people(String roles, java.util.function.Supplier<List<String>> gateSigners) {
            Set<String> ids = new LinkedHashSet<>();
            if (roles == null || roles.isBlank()) {
                return List.of();
            }
            for (String role : roles.split(",")) {
                switch (role.trim()) {
                    case "UNIT_HEAD" -> {
                        ids.add(subject.responsible());
                        ids.add(unit.headUserId());
                    }
                    case "DEPUTY" -> ids.add(unit.deputyUserId() != null ? unit.deputyUserId() : leader());
                    case "LEADER" -> ids.add(leader());
                    case "OFFICE" -> members.stream().filter(m -> m.role() == MemberRole.OFFICE)
                            .forEach(m -> ids.add(m.userId()));
                    case "SUPERVISORS" -> members.stream().filter(m -> m.role() == MemberRole.SUPERVISOR)
                            .forEach(m -> ids.add(m.userId()));
                    case "LEADING_GROUP" -> ids.addAll(gateSigners.get());
                    default -> throw new IllegalStateException("unknown role in the escalation ladder: " + role);
                }
            }
            ids.remove(null);
            return new ArrayList<>(ids);
        }

        /**
         * The person who holds an interview ({@code who} DEPUTY or LEADER): the deputy in charge of the unit, or the
         * leader.
         */
        String interviewer(String who) {
            if (who == null || who.isBlank()) {
                return null;
            }
            String leader = leader();
            if ("LEADER".equals(who)) {
                return leader;
            }
            return unit.deputyUserId() != null ? unit.deputyUserId() : leader;
        }
    }

    /** The people of the comma-separated roles, each once. */
    List<String> people(Cast cast, String roles) {
        return cast.people(roles, () -> campaigns.gateSigners(cast.subject().campaignId()));
    }
}
