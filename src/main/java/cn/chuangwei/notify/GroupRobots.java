package cn.chuangwei.notify;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The group robots of campaigns' and units' groups ({@code group_robot}): a WeCom group robot's webhook, a DingTalk
 * custom robot's webhook with its signing secret. The webhook carries the robot's key and is as secret as the secret:
 * pages show it masked, and no log or delivery reason prints it.
 */
@Component
class GroupRobots {

    /** A group's robot; {@code unitCode} null for the campaign's own group. */
    record Robot(long id, long campaignId, String unitCode, Channel channel, String name, String webhook, String secret) {
    }

    private static final RowMapper<Robot> ROW = (rs, n) -> new Robot(rs.getLong("id"), rs.getLong("campaign_id"),
            rs.getString("unit_code"), Channel.valueOf(rs.getString("channel")), rs.getString("name"),
            rs.getString("webhook"), rs.getString("secret"));

    private final JdbcClient jdbc;

    GroupRobots(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Robot> find(long id) {
        return jdbc.sql("select * from group_robot where id = :id").param("id", id).query(ROW).optional();
    }

    /** The robots of a unit's group in a campaign, or with {@code unitCode} null of the campaign's group. */
    List<Robot> of(long campaignId, String unitCode) {
        if (unitCode == null) {
            return jdbc.sql("select * from group_robot where campaign_id = :c and unit_code is null order by id")
                    .param("c", campaignId).query(ROW).list();
        }
        return jdbc.sql("select * from group_robot where campaign_id = :c and unit_code = :u order by id")
                .param("c", campaignId).param("u", unitCode).query(ROW).list();
    }

    /** Every robot of a campaign, the campaign's group first. */
    List<Robot> ofCampaign(long campaignId) {
        return jdbc.sql("select * from group_robot where campaign_id = :c order by unit_code nulls first, id")
                .param("c", campaignId).query(ROW).list();
    }
}
