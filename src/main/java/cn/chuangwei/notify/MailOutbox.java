package cn.chuangwei.notify;

import cn.chuangwei.kernel.Database;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
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
    private final Clock clock;
    private final Database database;

    MailOutbox(JdbcClient jdbc, MailTemplates templates, Clock clock, Database database) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.clock = clock;
        this.database = database;
    }

    /** A message for the outbox: {@code error} set makes it FAILED at once (no address). */
    record Row(String key, String event, Channel channel, String userId, String address, String locale,
               MailTemplates.Rendered text, String templateKey, Map<String, String> params, NoticeKind kind,
               String tenantId, Long campaignId, Instant due, String error) {
    }

    /**
     * Puts the message in the outbox unless its key is there already; whether it was put. On PostgreSQL a second node
     * writing the same key at the same moment leaves the one row ({@code ON CONFLICT DO NOTHING}), where the portable
     * form (H2's) would fail on the unique key and be retried.
     */
    boolean put(Row r) {
        Timestamp now = Timestamp.from(clock.instant());
        String columns = """
                insert into mail_outbox (idempotency_key, event_key, channel, recipient_user, recipient_address, locale,
                                         subject, body, template_key, params, notice_kind, tenant_id, campaign_id,
                                         status, next_attempt_at, last_error, created_at)
                """;
        String values = ":k, :e, :ch, :u, :a, :l, :s, :b, :t, :p, :nk, :tenant, :c, :status, :due, :err, :now";
        return jdbc.sql(database.postgres() ? columns + "values (" + values + ") on conflict (idempotency_key) do nothing"
                        : columns + "select " + values + """

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

    /**
     * Whether this person was told of this event already, on any channel: a message with its mail key (also one written
     * before messages had channels), or any message of the event to them.
     */
    boolean told(String mailKey, String event, String userId) {
        return jdbc.sql("""
                select count(*) from mail_outbox
                where idempotency_key = :k or (event_key = :e and recipient_user = :u)""")
                .param("k", mailKey).param("e", event).param("u", userId).query(Integer.class).single() > 0;
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
