package cn.chuangwei.notify;

import cn.chuangwei.notify.Recipients.Recipient;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Puts a mail in the outbox, in the transaction of the event that causes it, rendered in the recipient's language.
 * The idempotency key (the event and the recipient) makes the mail exist once however often the event is processed:
 * a retried job, a timer fired on two nodes.
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

    /**
     * @param event what causes the mail, unique per occurrence (e.g. {@code escalation:42:RED})
     * @return whether a new mail was put in the outbox
     */
    public boolean enqueue(String event, String userId, String templateKey, Map<String, String> values) {
        return enqueue(event, userId, templateKey, locale -> values);
    }

    /** As {@link #enqueue(String, String, String, Map)}, with values worded in the recipient's language. */
    public boolean enqueue(String event, String userId, String templateKey,
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
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                insert into mail_outbox (idempotency_key, recipient_user, recipient_address, locale, subject, body, status,
                                         next_attempt_at, last_error, created_at)
                select :k, :u, :a, :l, :s, :b, :status, :now, :err, :now from (values (1)) as one(x)
                where not exists (select 1 from mail_outbox where idempotency_key = :k)""")
                .param("k", key).param("u", userId).param("a", address).param("l", r.locale())
                .param("s", truncate(mail.subject(), 300)).param("b", truncate(mail.body(), 8000))
                .param("status", address == null ? OutboxStatus.FAILED.name() : OutboxStatus.PENDING.name())
                .param("now", now).param("err", address == null ? "no e-mail address" : null)
                .update();
        return inserted > 0;
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
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                insert into mail_outbox (idempotency_key, recipient_user, recipient_address, locale, subject, body, status,
                                         next_attempt_at, created_at)
                select :k, null, :a, :l, :s, :b, :status, :now, :now from (values (1)) as one(x)
                where not exists (select 1 from mail_outbox where idempotency_key = :k)""")
                .param("status", OutboxStatus.PENDING.name()).param("k", key).param("a", address).param("l", MailTemplates.ZH).param("s", truncate(mail.subject(), 300))
                .param("b", truncate(mail.body(), 8000)).param("now", now).update() > 0;
    }

    /** Mails for several people for one event; each has its own key, so one bad address blocks no other. */
    public void enqueueAll(String event, List<String> userIds, String templateKey,
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

    private boolean exists(String key) {
        return jdbc.sql("select count(*) from mail_outbox where idempotency_key = :k").param("k", key)
                .query(Integer.class).single() > 0;
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
