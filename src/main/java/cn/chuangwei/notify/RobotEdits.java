package cn.chuangwei.notify;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.campaign.VisibleCampaigns;
import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A campaign's group robots, set by its town's office: the campaign's own group and each unit's, one robot per group and
 * channel (企业微信群机器人, 钉钉自定义机器人 with its 加签 secret). The webhook carries the robot's key and is as secret as
 * the secret: answers show both masked, an edit that leaves them blank keeps them, and no refusal or log repeats them.
 * The server posts to the webhook, so it must be https on a host of {@code chuangwei.robots.allowed-hosts}. A refused
 * request writes nothing.
 */
@Service
class RobotEdits {

    static final int NAME_MAX = 100;
    static final int WEBHOOK_MAX = 500;
    static final int SECRET_MAX = 200;

    /** A robot as answers show it: the group by its unit (null: the campaign's own), webhook and secret masked. */
    record RobotView(long id, long campaignId, String unitCode, String unitName, Channel channel, String name,
                     String webhook, String secret, String updatedBy, Instant updatedAt) {
    }

    /** A new robot, or (PUT) a robot's new name, webhook and secret (blank webhook or secret: keep the saved one). */
    record RobotRequest(String unitCode, String channel, String name, String webhook, String secret) {
    }

    private final JdbcClient jdbc;
    private final GroupRobots robots;
    private final VisibleCampaigns campaigns;
    private final CampaignRepository repository;
    private final CurrentUser currentUser;
    private final RobotSettings settings;
    private final Clock clock;

    RobotEdits(JdbcClient jdbc, GroupRobots robots, VisibleCampaigns campaigns, CampaignRepository repository,
               CurrentUser currentUser, RobotSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.robots = robots;
        this.campaigns = campaigns;
        this.repository = repository;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    /** The campaign's robots, its own group's first, then by unit; for its town's office. */
    List<RobotView> list(long campaignId) {
        campaigns.requireOffice(campaignId);
        Map<String, String> units = unitNames(campaignId);
        return robots.ofCampaign(campaignId).stream().map(r -> view(r, units)).toList();
    }

    @Transactional
    RobotView add(long campaignId, RobotRequest req) {
        Campaign c = campaigns.requireOffice(campaignId);
        if (req == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        Map<String, String> units = unitNames(campaignId);
        String unit = req.unitCode() == null || req.unitCode().isBlank() ? null : req.unitCode().strip();
        if (unit != null && !units.containsKey(unit)) {
            throw ApiException.badRequest("robot-unknown-unit", "unitCode", "unitCode");
        }
        Channel channel = channel(req.channel());
        String name = name(req.name());
        String webhook = webhook(req.webhook(), true);
        String secret = secret(channel, req.secret());
        lock(c.id());
        if (robots.of(c.id(), unit).stream().anyMatch(r -> r.channel() == channel)) {
            throw ApiException.conflict("robot-exists", "channel", "channel");
        }
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into group_robot (campaign_id, unit_code, channel, name, webhook, secret, updated_by,
                        updated_at) values (:c, :u, :ch, :n, :w, :s, :by, :now)""")
                .param("c", c.id()).param("u", unit).param("ch", channel.name()).param("n", name).param("w", webhook)
                .param("s", secret).param("by", currentUser.id()).param("now", Timestamp.from(clock.instant()))
                .update(key, "id");
        return view(robots.find(key.getKey().longValue()).orElseThrow(), units);
    }

    /** A robot's new name, webhook and secret; its group and channel stay (delete it and add another to change them). */
    @Transactional
    RobotView change(long campaignId, long robotId, RobotRequest req) {
        campaigns.requireOffice(campaignId);
        GroupRobots.Robot robot = robot(campaignId, robotId);
        if (req == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        if (req.channel() != null && !req.channel().isBlank() && channel(req.channel()) != robot.channel()) {
            throw ApiException.badRequest("robot-fixed", "channel", "channel");
        }
        if (req.unitCode() != null && !req.unitCode().isBlank() && !req.unitCode().strip().equals(robot.unitCode())) {
            throw ApiException.badRequest("robot-fixed", "unitCode", "unitCode");
        }
        String name = name(req.name());
        String webhook = webhook(req.webhook(), false);
        String secret = secret(robot.channel(), req.secret());
        jdbc.sql("""
                        update group_robot set name = :n, webhook = coalesce(:w, webhook), secret = coalesce(:s, secret),
                        updated_by = :by, updated_at = :now where id = :id""")
                .param("n", name).param("w", webhook).param("s", secret).param("by", currentUser.id())
                .param("now", Timestamp.from(clock.instant())).param("id", robot.id()).update();
        return view(robots.find(robot.id()).orElseThrow(), unitNames(campaignId));
    }

    @Transactional
    void remove(long campaignId, long robotId) {
        campaigns.requireOffice(campaignId);
        GroupRobots.Robot robot = robot(campaignId, robotId);
        jdbc.sql("delete from group_robot where id = :id").param("id", robot.id()).update();
    }

    /** The campaign's units by code, with their names. */
    Map<String, String> unitNames(long campaignId) {
        return repository.units(campaignId).stream()
                .collect(Collectors.toMap(CampaignUnit::code, CampaignUnit::name, (a, b) -> a,
                        java.util.LinkedHashMap::new));
    }

    /** The campaign's units in their order, for a page's choice of group. */
    List<CampaignUnit> units(long campaignId) {
        return repository.units(campaignId);
    }

    private GroupRobots.Robot robot(long campaignId, long robotId) {
        return robots.find(robotId).filter(r -> r.campaignId() == campaignId)
                .orElseThrow(() -> ApiException.notFound("robot-unknown", robotId));
    }

    /** Two offices adding the same group's robot at once: the second waits, then finds the first's. */
    private void lock(long campaignId) {
        jdbc.sql("select id from campaign where id = :c for update").param("c", campaignId).query(Long.class).list();
    }

    private RobotView view(GroupRobots.Robot r, Map<String, String> units) {
        record Stamp(String by, Instant at) {
        }
        Stamp stamp = jdbc.sql("select updated_by, updated_at from group_robot where id = :id").param("id", r.id())
                .query((rs, n) -> new Stamp(rs.getString(1), rs.getTimestamp(2).toInstant())).single();
        return new RobotView(r.id(), r.campaignId(), r.unitCode(), r.unitCode() == null ? null
                : units.getOrDefault(r.unitCode(), r.unitCode()), r.channel(), r.name(), maskWebhook(r.webhook()),
                r.secret() == null || r.secret().isEmpty() ? null : mask(r.secret()), stamp.by(), stamp.at());
    }

    // ------------------------------------------------------------------------------------------------ checks

    private static Channel channel(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.badRequest("required", "channel", "channel");
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (Channel.WECOM_ROBOT.name().equals(v)) {
            return Channel.WECOM_ROBOT;
        }
        if (Channel.DINGTALK_ROBOT.name().equals(v)) {
            return Channel.DINGTALK_ROBOT;
        }
        throw ApiException.badRequest("invalid-choice", "channel", "channel", value, "WECOM_ROBOT, DINGTALK_ROBOT");
    }

    private static String name(String value) {
        String v = value == null ? "" : value.strip();
        if (v.length() > NAME_MAX) {
            throw ApiException.badRequest("too-long", "name", "name", NAME_MAX);
        }
        if (v.chars().anyMatch(c -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029')) {
            throw ApiException.badRequest("invalid-value", "name", "name");
        }
        return v.isEmpty() ? null : v;
    }

    /** The webhook, https on an allowed host; blank: required for a new robot, else null (keep the saved one). */
    String webhook(String value, boolean required) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (required) {
                throw ApiException.badRequest("required", "webhook", "webhook");
            }
            return null;
        }
        if (v.length() > WEBHOOK_MAX) {
            throw ApiException.badRequest("too-long", "webhook", "webhook", WEBHOOK_MAX);
        }
        URI uri;
        try {
            uri = new URI(v);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("robot-invalid-webhook", "webhook", "webhook");
        }
        if (!"https".equalsIgnoreCase(uri.getScheme())) {
            throw ApiException.badRequest("robot-webhook-https", "webhook", "webhook");
        }
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw ApiException.badRequest("robot-invalid-webhook", "webhook", "webhook");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String hostPort = uri.getPort() < 0 || uri.getPort() == 443 ? host : host + ":" + uri.getPort();
        if (settings.allowedHosts().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).noneMatch(hostPort::equals)) {
            throw ApiException.badRequest("robot-webhook-host", "webhook", "webhook", hostPort,
                    String.join(", ", settings.allowedHosts()));
        }
        return v;
    }

    /** DingTalk's 加签 secret (optional: a robot may use keywords instead); WeCom's robot has none. Blank: none, or keep. */
    private static String secret(Channel channel, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (channel != Channel.DINGTALK_ROBOT) {
            throw ApiException.badRequest("robot-secret-dingtalk-only", "secret", "secret");
        }
        if (v.length() > SECRET_MAX) {
            throw ApiException.badRequest("too-long", "secret", "secret", SECRET_MAX);
        }
        if (!v.chars().allMatch(c -> c > ' ' && c < 127)) {
            throw ApiException.badRequest("invalid-value", "secret", "secret");
        }
        return v;
    }

    /**
     * The webhook as pages and answers show it: its host and the last four characters of its key, e.g.
     * {@code https://qyapi.weixin.qq.com/…key=****9f2c}.
     */
    static String maskWebhook(String webhook) {
        URI uri;
        try {
            uri = new URI(webhook);
        } catch (URISyntaxException e) {
            return "****";
        }
        String origin = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort());
        String query = uri.getRawQuery();
        String tail;
        if (query != null && !query.isEmpty()) {
            String last = query.substring(query.lastIndexOf('&') + 1);
            int eq = last.indexOf('=');
            tail = (eq < 0 ? "" : last.substring(0, eq + 1)) + mask(eq < 0 ? last : last.substring(eq + 1));
        } else {
            tail = mask(uri.getRawPath() == null ? "" : uri.getRawPath());
        }
        return origin + "/…" + tail;
    }

    /** A secret as shown: its last four characters behind asterisks (none of them when it is short). */
    static String mask(String secret) {
        return secret.length() <= 12 ? "****" : "****" + secret.substring(secret.length() - 4);
    }
}
