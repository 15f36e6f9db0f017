package cn.chuangwei.notify;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.kernel.SiteSettings;
import cn.chuangwei.org.Region;
import cn.chuangwei.org.TownPeople;
import cn.chuangwei.web.Pages;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The delivery status of the outbox's messages as the office reads it (消息发送情况): each message with its channel, its
 * state and attempts, the reason it is parked; and the office's resend of a parked message. Who sees what: the office of
 * the message's town (its {@code tenant_id} among the caller's office towns), administrators every message, including
 * those without a town (older mails, mails to citizens); anyone else is refused (403), and another town's message is
 * not found (404), so that its existence is not given away.
 */
@Component
public class Deliveries {

    /** A message's state as users read it; each belongs to one group of the page's counts and filter. */
    enum State {
        /** 已发送 */
        SENT(Group.SENT),
        /** 待发送: waiting, due now (or resent) */
        DUE(Group.WAITING),
        /** 静默时段后发送: not tried yet, held until later (quiet hours) */
        HELD(Group.WAITING),
        /** 发送中: a sender holds it */
        SENDING(Group.WAITING),
        /** 重试中: tried and failed for a passing reason, tried again later */
        RETRYING(Group.RETRYING),
        /** 已搁置: cannot be sent, with its reason */
        FAILED(Group.PARKED),
        /** 已搁置: the sender stopped while sending; it may have gone out and is not sent again by itself */
        UNCONFIRMED(Group.PARKED);

        final Group group;

        State(Group group) {
            this.group = group;
        }

        /** The part of a bundle key naming it: {@code due}, {@code held}, … */
        String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The groups of states the list is filtered by and counted in. */
    enum Group {
        SENT("status = 'SENT'"),
        WAITING("((status = 'PENDING' and attempts = 0) or status = 'SENDING')"),
        RETRYING("(status = 'PENDING' and attempts > 0)"),
        PARKED("status in ('FAILED', 'UNCONFIRMED')");

        final String condition;

        Group(String condition) {
            this.condition = condition;
        }

        String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** {@code sent}, {@code waiting}, {@code retrying} or {@code parked}; null for none; 400 for anything else. */
        static Group parse(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            for (Group g : values()) {
                if (g.key().equalsIgnoreCase(text.trim())) {
                    return g;
                }
            }
            throw ApiException.badRequest("invalid-choice", "state", "state", text, "sent, waiting, retrying, parked");
        }
    }

    /**
     * What the list shows: a state group, a channel, a campaign, a recipient (a user id or an address), messages written
     * from and to a day (Beijing time, both included); a page of {@code size} messages, the newest first.
     */
    record Filter(Group group, Channel channel, Long campaignId, String recipient, LocalDate from, LocalDate to, int page,
                  int size) {

        static final int DEFAULT_SIZE = 50;
        static final int MAX_SIZE = 200;

        Filter {
            if (from != null && to != null && to.isBefore(from)) {
                throw ApiException.badRequest("date-range-reversed", "to", from, to);
            }
            if (page < 1) {
                throw ApiException.badRequest("invalid-value", "page", "page");
            }
            if (size < 1 || size > MAX_SIZE) {
                throw ApiException.badRequest("invalid-value", "size", "size");
            }
            recipient = recipient == null || recipient.isBlank() ? null : recipient.trim();
        }

        /** From a request's parameters, as the API and the page take them; 400 naming the parameter at fault. */
        static Filter parse(String state, String channel, Long campaignId, String recipient, String from, String to,
                            Integer page, Integer size) {
            return new Filter(Group.parse(state), channel(channel), campaignId, recipient, Pages.date(from, "from"),
                    Pages.date(to, "to"), page == null ? 1 : page, size == null ? DEFAULT_SIZE : size);
        }

        private static Channel channel(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            try {
                return Channel.valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw ApiException.badRequest("invalid-choice", "channel", "channel", text,
                        String.join(", ", java.util.Arrays.stream(Channel.values()).map(Channel::name).toList()));
            }
        }

        boolean any() {
            return group != null || channel != null || campaignId != null || recipient != null || from != null
                    || to != null;
        }
    }

    /** A message of the outbox as the delivery status shows it. */
    record Message(long id, Instant createdAt, String recipientUser, String recipientAddress, Channel channel,
                   String noticeKind, String subject, OutboxStatus status, State state, int attempts,
                   Instant nextAttemptAt, String lastError, Instant sentAt, String tenantId, Long campaignId,
                   String resentBy, Instant resentAt) {

        boolean parked() {
            return state.group == Group.PARKED;
        }
    }

    /** A page of the list and how many messages match in all. */
    record Found(List<Message> messages, long total) {
    }

    /** The counts at the top of the page: sent today (Beijing time), waiting, retrying, parked. */
    record Counts(long sentToday, long waiting, long retrying, long parked) {
    }

    /** Which towns' messages the caller sees: every message (an administrator), or those of these towns' tenants. */
    record Scope(boolean all, List<String> tenants) {
    }

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final TownPeople townPeople;
    private final Clock clock;
    private final SiteSettings site;
    private final QuietHours quiet;

    Deliveries(JdbcClient jdbc, CurrentUser currentUser, TownPeople townPeople, Clock clock, SiteSettings site,
               QuietHours quiet) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.townPeople = townPeople;
        this.clock = clock;
        this.site = site;
        this.quiet = quiet;
    }

    /** The caller's scope; 403 {@code office-only} unless an office (of some town) or an administrator. */
    Scope scope() {
        if (currentUser.isAdmin()) {
            return new Scope(true, List.of());
        }
        currentUser.requireOffice();
        return new Scope(false, townPeople.officeTowns().stream().map(Region::tenantId).toList());
    }

    /** The messages the filter names, of the caller's towns, a page of them, the newest first. */
    Found find(Filter filter) {
        Scope scope = scope();
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, params);
        if (where == null) {
            return new Found(List.of(), 0);
        }
        StringBuilder sql = new StringBuilder(where);
        if (filter.group() != null) {
            sql.append(" and ").append(filter.group().condition);
        }
        if (filter.channel() != null) {
            sql.append(" and channel = :channel");
            params.put("channel", filter.channel().name());
        }
        if (filter.campaignId() != null) {
            sql.append(" and campaign_id = :campaign");
            params.put("campaign", filter.campaignId());
        }
        if (filter.recipient() != null) {
            sql.append(" and (recipient_user = :recipient or recipient_address = :recipient)");
            params.put("recipient", filter.recipient());
        }
        if (filter.from() != null) {
            sql.append(" and created_at >= :from");
            params.put("from", Timestamp.from(filter.from().atStartOfDay(site.zone()).toInstant()));
        }
        if (filter.to() != null) {
            sql.append(" and created_at < :to");
            params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(site.zone()).toInstant()));
        }
        long total = jdbc.sql("select count(*) from mail_outbox" + sql).params(params).query(Long.class).single();
        params.put("offset", (long) (filter.page() - 1) * filter.size());
        params.put("size", filter.size());
        Instant now = clock.instant();
        List<Message> messages = jdbc.sql("select * from mail_outbox" + sql
                        + " order by created_at desc, id desc offset :offset rows fetch next :size rows only")
                .params(params).query((rs, n) -> message(rs, now)).list();
        return new Found(messages, total);
    }

    /** The counts per state group of the caller's towns' messages; sent today in Beijing time. */
    Counts counts() {
        Scope scope = scope();
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, params);
        if (where == null) {
            return new Counts(0, 0, 0, 0);
        }
        params.put("today", Timestamp.from(LocalDate.now(clock.withZone(site.zone())).atStartOfDay(site.zone()).toInstant()));
        return jdbc.sql("select"
                        + " sum(case when status = 'SENT' and sent_at >= :today then 1 else 0 end) as sent_today,"
                        + " sum(case when " + Group.WAITING.condition + " then 1 else 0 end) as waiting,"
                        + " sum(case when " + Group.RETRYING.condition + " then 1 else 0 end) as retrying,"
                        + " sum(case when " + Group.PARKED.condition + " then 1 else 0 end) as parked"
                        + " from mail_outbox" + where)
                .params(params).query((rs, n) -> new Counts(rs.getLong("sent_today"), rs.getLong("waiting"),
                        rs.getLong("retrying"), rs.getLong("parked"))).single();
    }

    /** The people the caller's towns' messages went to (user ids), for the recipient filter; at most {@code limit}. */
    List<String> recipients(int limit) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope(), params);
        if (where == null) {
            return List.of();
        }
        params.put("n", limit);
        return jdbc.sql("select distinct recipient_user from mail_outbox" + where
                        + " and recipient_user is not null order by recipient_user fetch first :n rows only")
                .params(params).query(String.class).list();
    }

    /** The message, if the caller's scope holds it (404 {@code message-not-found} otherwise, whoever's it is). */
    Message require(long id) {
        return find(id, scope()).orElseThrow(() -> ApiException.notFound("message-not-found"));
    }

    /**
     * Sends a parked message (FAILED or UNCONFIRMED) again: back to PENDING, due now (an SMS that may not go at night: at
     * the end of the person's quiet hours, as when it was first written), its attempts and reason cleared, who resent it
     * and when recorded. One conditional update: of two clicks or two nodes one resends, the other is told the message
     * is no longer parked (409, naming its state), as is anyone resending a message that is not parked.
     */
    Message resend(long id) {
        Message before = require(id);
        Instant now = clock.instant();
        Instant due = quiet.due(before.channel(), before.noticeKind(), before.recipientUser(), now);
        int changed = jdbc.sql("""
                        update mail_outbox set status = :pending, attempts = 0, last_error = null, lease_until = null,
                               next_attempt_at = :due, resent_by = :by, resent_at = :now
                        where id = :id and status in (:parked)""")
                .param("pending", OutboxStatus.PENDING.name()).param("now", Timestamp.from(now))
                .param("due", Timestamp.from(due))
                .param("by", currentUser.id()).param("id", id)
                .param("parked", List.of(OutboxStatus.FAILED.name(), OutboxStatus.UNCONFIRMED.name())).update();
        Message after = find(id, new Scope(true, List.of())).orElse(before);
        if (changed == 0) {
            throw ApiException.conflict("message-not-parked-" + after.state().key(), "status");
        }
        return after;
    }

    /** How many messages of a channel are in the outbox with this status (for the operations metrics). */
    public long count(Channel channel, OutboxStatus status) {
        return jdbc.sql("select count(*) from mail_outbox where channel = :c and status = :s")
                .param("c", channel.name()).param("s", status.name()).query(Long.class).single();
    }

    private Optional<Message> find(long id, Scope scope) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, params);
        if (where == null) {
            return Optional.empty();
        }
        params.put("id", id);
        Instant now = clock.instant();
        return jdbc.sql("select * from mail_outbox" + where + " and id = :id").params(params)
                .query((rs, n) -> message(rs, now)).optional();
    }

    /** The scope as a where clause (its parameters put in {@code params}); null when the scope holds nothing. */
    private static String where(Scope scope, Map<String, Object> params) {
        if (scope.all()) {
            return " where 1 = 1";
        }
        if (scope.tenants().isEmpty()) {
            return null;
        }
        params.put("tenants", scope.tenants());
        return " where tenant_id in (:tenants)";
    }

    private static Message message(ResultSet rs, Instant now) throws SQLException {
        OutboxStatus status = OutboxStatus.valueOf(rs.getString("status"));
        int attempts = rs.getInt("attempts");
        Instant next = instant(rs, "next_attempt_at");
        long campaignId = rs.getLong("campaign_id");
        Long campaign = rs.wasNull() ? null : campaignId;
        return new Message(rs.getLong("id"), instant(rs, "created_at"), rs.getString("recipient_user"),
                rs.getString("recipient_address"), Channel.valueOf(rs.getString("channel")), rs.getString("notice_kind"),
                rs.getString("subject"), status, state(status, attempts, next, now), attempts, next,
                rs.getString("last_error"), instant(rs, "sent_at"), rs.getString("tenant_id"),
                campaign, rs.getString("resent_by"), instant(rs, "resent_at"));
    }

    static State state(OutboxStatus status, int attempts, Instant next, Instant now) {
        return switch (status) {
            case SENT -> State.SENT;
            case SENDING -> State.SENDING;
            case FAILED -> State.FAILED;
            case UNCONFIRMED -> State.UNCONFIRMED;
            case PENDING -> attempts > 0 ? State.RETRYING : next != null && next.isAfter(now) ? State.HELD : State.DUE;
        };
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
