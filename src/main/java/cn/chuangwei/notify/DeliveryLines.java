package cn.chuangwei.notify;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.campaign.CampaignUnit;
import cn.chuangwei.documents.ChineseDates;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.org.Directory;
import cn.chuangwei.notify.Deliveries.Message;
import cn.chuangwei.notify.Deliveries.State;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Messages of the outbox in the reader's words, for the delivery page and the API alike: the recipient by name (a group
 * robot by its name and its group, never its webhook), the channel, the kind of notice and the state by their names,
 * times in Beijing time, the reason a message waits or is parked.
 */
@Component
class DeliveryLines {

    /**
     * A message as a reader sees it.
     *
     * @param state  the state's name (已发送, 待发送, 静默时段后发送, 重试中, 发送中, 已搁置)
     * @param detail what the state means now: when it was sent, when it is tried next, who resent it
     * @param reason why it waits or is parked, the provider's own words where it gave them
     * @param tone   the colour of the state: green, grey, yellow or red
     */
    record Line(long id, String when, String recipient, String channel, String kind, String subject, String state,
                String detail, int attempts, String reason, String tone, boolean resendable) {
    }

    private final Texts texts;
    private final SiteSettings site;
    private final GroupRobots robots;
    private final CampaignRepository campaigns;
    private final Directory directory;

    DeliveryLines(Texts texts, SiteSettings site, GroupRobots robots, CampaignRepository campaigns,
                  Directory directory) {
        this.texts = texts;
        this.site = site;
        this.robots = robots;
        this.campaigns = campaigns;
        this.directory = directory;
    }

    /** The messages as lines in the reader's language; each person, robot and campaign looked up once. */
    List<Line> of(List<Message> messages, Locale locale) {
        Function<String, String> people = directory.displayNames();
        Map<String, String> robotNames = new HashMap<>();
        return messages.stream().map(m -> line(m, locale, people, robotNames)).toList();
    }

    Line of(Message m, Locale locale) {
        return line(m, locale, directory.displayNames(), new HashMap<>());
    }

    /** A moment in Beijing time, as every page shows one. */
    String time(Instant t, Locale locale) {
        return ChineseDates.format(t, site.zone(), locale);
    }

    /** The channel's name. */
    String channel(Channel c, Locale locale) {
        return texts.get("channel." + c.name(), locale);
    }

    private Line line(Message m, Locale locale, Function<String, String> people, Map<String, String> robotNames) {
        String recipient = m.channel().personal()
                ? m.recipientUser() != null ? people.apply(m.recipientUser()) : nullToEmpty(m.recipientAddress())
                : robotNames.computeIfAbsent(nullToEmpty(m.recipientAddress()), a -> robot(a, locale));
        String kind = m.noticeKind() == null ? "" : texts.get("notice." + m.noticeKind(), locale);
        State s = m.state();
        String detail = switch (s) {
            case SENT -> m.sentAt() == null ? "" : texts.get("page.messages.sent-at", locale, time(m.sentAt(), locale));
            case HELD, RETRYING -> texts.get("page.messages.next-at", locale, time(m.nextAttemptAt(), locale));
            default -> "";
        };
        if (m.resentAt() != null && m.resentBy() != null) {
            String resent = texts.get("page.messages.resent-by", locale, people.apply(m.resentBy()), time(m.resentAt(), locale));
            detail = detail.isEmpty() ? resent : detail + texts.get("page.messages.separator", locale) + resent;
        }
        String reason = switch (s) {
            case UNCONFIRMED -> texts.get("page.messages.unconfirmed-reason", locale);
            case FAILED, RETRYING -> nullToEmpty(m.lastError());
            case HELD -> texts.get("page.messages.held-reason", locale);
            default -> "";
        };
        String tone = switch (s.group) {
            case SENT -> "green";
            case WAITING -> "grey";
            case RETRYING -> "yellow";
            case PARKED -> "red";
        };
        return new Line(m.id(), time(m.createdAt(), locale), recipient, channel(m.channel(), locale), kind,
                m.subject(), texts.get("page.messages.state." + s.key(), locale), detail, m.attempts(), reason, tone,
                m.parked());
    }

    /** A group robot by its name and its group (the unit's, or the campaign's); never its webhook. */
    private String robot(String address, Locale locale) {
        Optional<GroupRobots.Robot> robot = Optional.empty();
        try {
            robot = robots.find(Long.parseLong(address.trim()));
        } catch (NumberFormatException e) {
            // not a robot's id: a message written before robots had rows, shown as a removed robot
        }
        if (robot.isEmpty()) {
            return texts.get("page.messages.robot-gone", locale);
        }
        GroupRobots.Robot r = robot.get();
        Optional<Campaign> campaign = campaigns.find(r.campaignId());
        String group = r.unitCode() == null ? campaign.map(Campaign::name).orElse("")
                : campaigns.unit(r.campaignId(), r.unitCode()).map(CampaignUnit::name).orElse("");
        String name = r.name() == null || r.name().isBlank() ? channel(r.channel(), locale) : r.name();
        return texts.get("page.messages.robot", locale, name, group);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
