package cn.chuangwei.notify;

import cn.chuangwei.campaign.Campaign;
import cn.chuangwei.campaign.CampaignRepository;
import cn.chuangwei.kernel.Texts;
import cn.chuangwei.notify.NoticeRoutes.Route;
import cn.chuangwei.notify.Recipients.Recipient;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/**
 * Tells people of something, on the channels {@code dmn/notice-routing.dmn} decides for its kind: a routine notice on
 * the person's first channel (a reminder held for their daily digest unless they take reminders at once), a 通报 and
 * above on all their channels and to the unit's (or the campaign's) group robot. Each message is a row of the one
 * outbox, written in the caller's transaction, once per event, recipient and channel; an SMS below 约谈 that falls in
 * the person's quiet hours waits until they end.
 */
@Service
public class Notifier {

    /**
     * Something to tell people.
     *
     * @param event       what causes it, unique per occurrence (e.g. {@code escalation:42:RED}): each person is told of
     *                    it once
     * @param campaignId  the campaign it belongs to (its town scopes who sees the message's delivery)
     * @param unitCode    the unit it is about, whose group robot hears of a 通报 and above; null for none
     * @param templateKey the mail template (see {@link MailTemplates}) the text is rendered from
     * @param values      the template's values in the recipient's language (a language tag)
     */
    public record Notice(String event, NoticeKind kind, long campaignId, String unitCode, String templateKey,
                         Function<String, Map<String, String>> values) {
    }

    /** A channel a person can be reached on here, with their address in it. */
    record Target(Channel channel, String address) {
    }

    private final MailOutbox outbox;
    private final MailTemplates templates;
    private final Recipients recipients;
    private final PersonReach reach;
    private final GroupRobots robots;
    private final NoticeRoutes routes;
    private final QuietHours quiet;
    private final Digests digests;
    private final CampaignRepository campaigns;
    private final NotifySettings settings;
    private final Map<Channel, ChannelSender> senders;
    private final Texts texts;
    private final Clock clock;

    Notifier(MailOutbox outbox, MailTemplates templates, Recipients recipients, PersonReach reach, GroupRobots robots,
             NoticeRoutes routes, QuietHours quiet, Digests digests, CampaignRepository campaigns,
             NotifySettings settings, List<ChannelSender> senders, Texts texts, Clock clock) {
        this.outbox = outbox;
        this.templates = templates;
        this.recipients = recipients;
        this.reach = reach;
        this.robots = robots;
        this.routes = routes;
        this.quiet = quiet;
        this.digests = digests;
        this.campaigns = campaigns;
        this.settings = settings;
        this.senders = senders.stream().collect(Collectors.toMap(ChannelSender::channel, s -> s));
        this.texts = texts;
        this.clock = clock;
    }

    /** Tells each of these people (each once, in their language), and the groups the notice's kind goes to. */
    public void send(Notice n, Collection<String> userIds) {
        Route route = routes.of(n.kind());
        String tenant = campaigns.find(n.campaignId()).map(Campaign::tenantId).orElse(null);
        for (String user : new LinkedHashSet<>(userIds)) {
            if (user != null) {
                toPerson(n.event(), n.kind(), route, tenant, n.campaignId(), user, n.templateKey(), n.values());
            }
        }
        if (route.unitGroup() && n.unitCode() != null) {
            robots.of(n.campaignId(), n.unitCode()).forEach(r -> toGroup(n, tenant, r));
        }
        if (route.campaignGroup()) {
            robots.of(n.campaignId(), null).forEach(r -> toGroup(n, tenant, r));
        }
    }

    /** Tells one person; whether something was written (a message or a line for their digest). */
    boolean toPerson(String event, NoticeKind kind, Route route, String tenant, Long campaignId, String user,
                     String templateKey, Function<String, Map<String, String>> values) {
        String key = event + ":" + user;
        if (outbox.told(key, event, user) || digests.holds(key)) {
            return false;
        }
        Recipient r = recipients.of(user);
        Map<String, String> all = new HashMap<>(values.apply(r.locale()));
        all.put("recipientName", r.name());
        MailTemplates.Rendered text = templates.render(templateKey, r.locale(), all);
        PersonReach.Reach how = reach.of(user);
        Optional<PersonReach.Choices> choices = how.choices();
        boolean immediate = choices.map(PersonReach.Choices::immediate)
                .orElse(settings.reminders() == NotifySettings.Reminders.IMMEDIATE);
        if (route.digest() && !immediate) {
            return digests.hold(key, user, tenant, campaignId, r.locale(), kind, text.subject(), all.get("link"));
        }
        List<Target> targets = targets(how.channels(), r);
        if (targets.isEmpty()) {
            return outbox.put(new MailOutbox.Row(key, event, Channel.MAIL, user, null, r.locale(), text, templateKey,
                    null, kind, tenant, campaignId, null, "no address in any channel"));
        }
        Instant now = clock.instant();
        boolean put = false;
        for (Target t : route.allChannels() ? targets : targets.subList(0, 1)) {
            Instant due = quiet.due(t.channel(), kind, choices, now);
            put |= outbox.put(new MailOutbox.Row(t.channel() == Channel.MAIL ? key : key + ":" + t.channel().name(),
                    event, t.channel(), user, t.address(), r.locale(), text, templateKey,
                    t.channel() == Channel.SMS ? all : null, kind, tenant, campaignId, due, null));
        }
        return put;
    }

    /**
     * The person's channels in their order that this installation has set up and they have an address in; a person
     * who set none is reached by mail at the directory's address.
     */
    List<Target> targets(List<PersonReach.Address> own, Recipient r) {
        List<Target> targets = new ArrayList<>();
        if (own.isEmpty()) {
            addIfReachable(targets, Channel.MAIL, r.address());
            return targets;
        }
        for (PersonReach.Address a : own) {
            addIfReachable(targets, a.channel(), a.channel() == Channel.MAIL ? r.address() : a.address());
        }
        return targets;
    }

    private void addIfReachable(List<Target> targets, Channel channel, String address) {
        if (address == null || address.isBlank() || !channel.personal()) {
            return;
        }
        ChannelSender sender = senders.get(channel);
        if (channel == Channel.MAIL || (sender != null && sender.ready())) {
            targets.add(new Target(channel, address.trim()));
        }
    }

    private void toGroup(Notice n, String tenant, GroupRobots.Robot robot) {
        ChannelSender sender = senders.get(robot.channel());
        if (sender == null || !sender.ready()) {
            return;
        }
        Map<String, String> all = new HashMap<>(n.values().apply(MailTemplates.ZH));
        all.put("recipientName", robot.name() == null || robot.name().isBlank() ? texts.zh("notify.group.greeting")
                : robot.name());
        MailTemplates.Rendered text = templates.render(n.templateKey(), MailTemplates.ZH, all);
        outbox.put(new MailOutbox.Row(n.event() + ":robot:" + robot.id(), n.event(), robot.channel(), null,
                String.valueOf(robot.id()), MailTemplates.ZH, text, n.templateKey(), null, n.kind(), tenant,
                n.campaignId(), null, null));
    }
}
