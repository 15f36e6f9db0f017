package cn.chuangwei.notify;

import cn.chuangwei.notify.Recipients.Recipient;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The one outbox of every channel ({@code mail_outbox}): a message is put in it in the transaction of the event that
 * causes it, rendered in the recipient's language, one row per event, recipient and channel. The idempotency key (the
 * event, the recipient, and for a channel other than mail its name) makes a message exist once however often the event
 * is processed: a retried job, a timer fired on two nodes. People's notices come through {@link Notifier}, which decides
 * the channels; a mail to a citizen comes straight here ({@link #enqueueToAddress}).
 */
@Service
public class MailOutbox {

    private final JdbcClient jdbc;
    private final MailTemplates templates;
    private final Recipients recipients;
    private final Clock clock;

    MailOutbox(JdbcClient jdbc, MailTemplates templates, Recipients recipients, Clock clock) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** A message for the outbox: {@code error} set makes it FAILED at once (no address). */
    record Row(String key, String event, Channel channel, String userId, String address, String locale,
               MailTemplates.Rendered text, String templateKey, Map<String, String> params, NoticeKind kind,
               String tenantId, Long campaignId, Instant due, String error) {
    }

    /** Puts the message in the outbox unless its key is there already; whether it was put. */
    boolean put(Row r) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into mail_outbox (idempotency_key, event_key, channel, recipient_user, recipient_address, locale,
                                         subject, body, template_key, params, notice_kind, tenant_id, campaign_id,
                                         status, next_attempt_at, last_error, created_at)
                select :k, :e, :ch, :u, :a, :l, :s, :b, :t, :p, :nk, :tenant, :c, :status, :due, :err, :now
                from (values (1)) as one(x)
                where not exists (select 1 from mail_outbox where idempotency_key = :k)""")
                .param("k", r.key()).param("e", r.event()).param("ch", r.channel().name()).param("u", r.userId())
                .param("a", r.address()).param("l", r.locale()).param("s", truncate(r.text().subject(), 300))
                .param("b", truncate(r.text().body(), 8000)).param("t", r.templateKey())
                .param("p", r.params() == null ? null : OutboxParams.write(r.params()))
                .param("nk", r.kind() == null ? null : r.kind().name()).param("tenant", r.tenantId())
                .param("c", r.campaignId())
                .param("status", r.error() == null ? OutboxStatus.PENDING.name() : OutboxStatus.FAILED.name())
                .param("due", Timestamp.from(r.due() == null ? clock.instant() : r.due())).param("err", r.error())
                .param("now", now).update() > 0;
    }

    /** Whether any message about this event went to this person already, on any channel. */
    boolean reached(String event, String userId) {
        return jdbc.sql("select count(*) from mail_outbox where event_key = :e and recipient_user = :u")
                .param("e", event).param("u", userId).query(Integer.class).single() > 0;
    }

    /**
     * A mail straight to a person, whatever their channels (the outbox's own tests; people's notices go through
     * {@link Notifier}).
     *
     * @param event what causes the mail, unique per occurrence (e.g. {@code escalation:42:RED})
     * @return whether a new mail was put in the outbox
     */
    boolean enqueue(String event, String userId, String templateKey, Map<String, String> values) {
        return enqueue(event, userId, templateKey, locale -> values);
    }

    /** As {@link #enqueue(String, String, String, Map)}, with values worded in the recipient's language. */
    boolean enqueue(String event, String userId, String templateKey,
                           java.util.function.Function<String, Map<String, String>> values) {
        String key = event + ":" + userId;
        if (exists(key)) {
            return false;
        }
        Recipient r = recipients.of(userId);
        Map<String, String> all = new HashMap<>(values.apply(r.locale()));
        all.put("recipientName", r.name());
        MailTemplates.Rendered mail = templates.render(templateKey, r.locale(), all);
        String address = r.address() == null || r.address().isBlank() ? null : r.address().trim();
        return put(new Row(key, event, Channel.MAIL, userId, address, r.locale(), mail, templateKey, null, null, null,
                null, null, address == null ? "no e-mail address" : null));
    }

    /** A mail to someone outside the directory (a citizen who left an address), in Chinese. */
    public boolean enqueueToAddress(String event, String address, String name, String templateKey,
                                    Map<String, String> values) {
        String key = event + ":" + address;
        if (exists(key)) {
            return false;
        }
        Map<String, String> all = new HashMap<>(values);
        all.put("recipientName", name);
        MailTemplates.Rendered mail = templates.render(templateKey, MailTemplates.ZH, all);
        return put(new Row(key, event, Channel.MAIL, null, address, MailTemplates.ZH, mail, templateKey, null, null,
                null, null, null, null));
    }

    /** Mails for several people for one event; each has its own key, so one bad address blocks no other. */
    void enqueueAll(String event, List<String> userIds, String templateKey,
                           java.util.function.Function<String, Map<String, String>> values) {
        userIds.stream().distinct().forEach(u -> enqueue(event, u, templateKey, values));
    }

    /** How many mails are in the outbox with this status. */
    public long count(OutboxStatus status) {
        return jdbc.sql("select count(*) from mail_outbox where status = :s").param("s", status.name())
                .query(Long.class).single();
    }

    /** When the oldest mail still waiting to be sent was written, if one waits. */
    public java.util.Optional<java.time.Instant> oldestPending() {
        return jdbc.sql("select created_at from mail_outbox where status = :s order by created_at fetch first 1 rows only")
                .param("s", OutboxStatus.PENDING.name()).query(java.sql.Timestamp.class).optional()
                .map(java.sql.Timestamp::toInstant);
    }

    boolean exists(String key) {
        return jdbc.sql("select count(*) from mail_outbox where idempotency_key = :k").param("k", key)
                .query(Integer.class).single() > 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
