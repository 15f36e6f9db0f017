package cn.chuangwei.campaign;

import cn.chuangwei.org.CampaignPeople;
import cn.chuangwei.org.RegionRole;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the regions' set-up whom a draft or running campaign still names, and in which role. */
@Component
class CampaignPeopleOfTowns implements CampaignPeople {

    private static final List<String> OPEN = List.of(CampaignStatus.DRAFT.name(), CampaignStatus.ACTIVE.name());

    private final JdbcClient jdbc;

    CampaignPeopleOfTowns(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean names(String userId, RegionRole role, Long townId) {
        if (role == RegionRole.COUNTY_OFFICE) {
            return false;
        }
        boolean member = role != RegionRole.UNIT_HEAD && jdbc.sql("""
                        select count(*) from campaign_member m join campaign c on c.id = m.campaign_id
                        where m.user_id = :u and c.status in (:open) and m.role in (:roles)
                        and (cast(:t as bigint) is null or c.town_id = :t)""")
                .param("u", userId).param("open", OPEN).param("roles", memberRoles(role)).param("t", townId)
                .query(Long.class).single() > 0;
        return member || (role == null || role == RegionRole.UNIT_HEAD) && jdbc.sql("""
                        select count(*) from campaign_unit u join campaign c on c.id = u.campaign_id
                        where u.head_user_id = :u and c.status in (:open)
                        and (cast(:t as bigint) is null or c.town_id = :t)""")
                .param("u", userId).param("open", OPEN).param("t", townId).query(Long.class).single() > 0;
    }

    private static List<String> memberRoles(RegionRole role) {
        if (role == null) {
            return java.util.Arrays.stream(MemberRole.values()).map(Enum::name).toList();
        }
        return switch (role) {
            case LEADING_GROUP -> List.of(MemberRole.LEADER.name(), MemberRole.DEPUTY.name(), MemberRole.MEMBER.name());
            case OFFICE -> List.of(MemberRole.OFFICE.name());
            case SUPERVISOR -> List.of(MemberRole.SUPERVISOR.name());
            default -> List.of();
        };
    }
}
