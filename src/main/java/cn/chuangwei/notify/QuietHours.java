package cn.chuangwei.notify;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Quiet hours: no SMS at night below 约谈 (the routing table says which kinds may go at night). A person's own hours,
 * else the installation's (Beijing time); a window may run over midnight (21:30–07:30). An SMS that would go inside it
 * waits until it ends: when it is written, when it is retried, when the office resends it. The one place of that rule.
 */
@Component
class QuietHours {

    static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final NotifySettings settings;
    private final NoticeRoutes routes;
    private final PersonReach reach;

    QuietHours(NotifySettings settings, NoticeRoutes routes, PersonReach reach) {
        this.settings = settings;
        this.routes = routes;
        this.reach = reach;
    }

    /**
     * When a message meant for {@code at} may go: an SMS to a person of a kind that may not go at night (or of a kind this
     * version does not know: the cautious reading) waits out the person's quiet hours; anything else goes at {@code at}.
     */
    Instant due(Channel channel, String kind, String userId, Instant at) {
        if (channel != Channel.SMS || userId == null || mayGoAtNight(kind)) {
            return at;
        }
        return release(at, reach.choices(userId));
    }

    /** As {@link #due(Channel, String, String, Instant)}, with the person's choices already read. */
    Instant due(Channel channel, NoticeKind kind, Optional<PersonReach.Choices> choices, Instant at) {
        if (channel != Channel.SMS || routes.of(kind).nightSms()) {
            return at;
        }
        return release(at, choices);
    }

    private boolean mayGoAtNight(String kind) {
        if (kind == null) {
            return false;
        }
        try {
            return routes.of(NoticeKind.valueOf(kind)).nightSms();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** When a message meant for {@code at} may go: {@code at} itself, or the end of the quiet hours it falls in. */
    Instant release(Instant at, Optional<PersonReach.Choices> choices) {
        String start = choices.map(PersonReach.Choices::quietStart).orElse(null);
        String end = choices.map(PersonReach.Choices::quietEnd).orElse(null);
        if (start == null || end == null) {
            start = settings.quietStart();
            end = settings.quietEnd();
        }
        return release(at, LocalTime.parse(start), LocalTime.parse(end));
    }

    static Instant release(Instant at, LocalTime start, LocalTime end) {
        if (start.equals(end)) {
            return at;
        }
        LocalDateTime local = LocalDateTime.ofInstant(at, BEIJING);
        LocalTime t = local.toLocalTime();
        boolean overMidnight = start.isAfter(end);
        boolean quiet = overMidnight ? !t.isBefore(start) || t.isBefore(end) : !t.isBefore(start) && t.isBefore(end);
        if (!quiet) {
            return at;
        }
        LocalDateTime until = local.toLocalDate().atTime(end);
        if (!until.isAfter(local)) {
            until = until.plusDays(1);
        }
        return ZonedDateTime.of(until, BEIJING).toInstant();
    }
}
