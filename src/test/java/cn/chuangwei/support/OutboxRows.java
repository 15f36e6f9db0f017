package cn.chuangwei.support;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages written straight into the outbox ({@code mail_outbox}) in any channel and state, as the senders leave them,
 * and group robots to address them to: for the delivery status's tests, which must not wait for the channels
 * themselves. {@link #removeAll} takes them out again, so that no other test of the shared database sends them.
 */
public final class OutboxRows {

    private static final AtomicInteger SEQ = new AtomicInteger();
    private static final java.util.Set<Long> MESSAGES = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.Set<Long> ROBOTS = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private String tenant;
    private Long campaign;
    private String channel = "MAIL";
    private String kind = "REMINDER";
    private String user;
    private String address;
    private String status = "SENT";
    private int attempts;
    private LocalDateTime created = LocalDateTime.of(2027, 3, 1, 9, 0);
    private LocalDateTime next;
    private LocalDateTime sent;
    private String error;

    public OutboxRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A message of a town (its Camunda tenant; null: a message without a town) and of a campaign (or none). */
    public OutboxRows of(String tenantId, Long campaignId) {
        tenant = tenantId;
        campaign = campaignId;
        return this;
    }

    public OutboxRows to(String userId, String channelName, String addressInChannel) {
        user = userId;
        channel = channelName;
        address = addressInChannel;
        return this;
    }

    public OutboxRows kind(String noticeKind) {
        kind = noticeKind;
        return this;
    }

    /** Written at this Beijing time. */
    public OutboxRows at(LocalDateTime beijing) {
        created = beijing;
        return this;
    }

    public OutboxRows sent(LocalDateTime beijing) {
        status = "SENT";
        sent = beijing;
        attempts = 1;
        return this;
    }

    /** PENDING after this many attempts, next tried at this Beijing time (null: when written). */
    public OutboxRows pending(int attemptsMade, LocalDateTime nextAttempt, String lastError) {
        status = "PENDING";
        attempts = attemptsMade;
        next = nextAttempt;
        error = lastError;
        return this;
    }

    /** Any other status (SENDING, FAILED, UNCONFIRMED) with its attempts and reason. */
    public OutboxRows status(String outboxStatus, int attemptsMade, String lastError) {
        status = outboxStatus;
        attempts = attemptsMade;
        error = lastError;
        return this;
    }

    /** Writes the message with this subject; returns its id. */
    public long write(String subject) {
        String key = "test:" + SEQ.incrementAndGet() + ":" + System.nanoTime() + ":" + channel;
        jdbc.sql("""
                insert into mail_outbox (idempotency_key, recipient_user, recipient_address, locale, subject, body, status,
                       attempts, next_attempt_at, last_error, created_at, sent_at, channel, event_key, notice_kind,
                       tenant_id, campaign_id, template_key)
                values (:k, :u, :a, 'zh-CN', :s, :b, :status, :attempts, :next, :e, :created, :sent, :c, :ev, :kind,
                        :t, :campaign, 'REMINDER')""")
                .param("k", key).param("u", user).param("a", address).param("s", subject).param("b", subject + "（正文）")
                .param("status", status).param("attempts", attempts).param("next", ts(next == null ? created : next))
                .param("e", error).param("created", ts(created)).param("sent", ts(sent)).param("c", channel)
                .param("ev", "test:" + key).param("kind", kind).param("t", tenant).param("campaign", campaign).update();
        long id = jdbc.sql("select id from mail_outbox where idempotency_key = :k").param("k", key).query(Long.class)
                .single();
        MESSAGES.add(id);
        return id;
    }

    /** A group robot of a campaign's group (unit null) or a unit's; its webhook a made-up one. Returns its id. */
    public long robot(long campaignId, String unitCode, String robotChannel, String name) {
        String webhook = "https://robot.invalid/send?key=" + SEQ.incrementAndGet();
        jdbc.sql("""
                insert into group_robot (campaign_id, unit_code, channel, name, webhook, secret, updated_by, updated_at)
                values (:c, :u, :ch, :n, :w, null, 'test', :at)""")
                .param("c", campaignId).param("u", unitCode).param("ch", robotChannel).param("n", name)
                .param("w", webhook).param("at", ts(created)).update();
        long id = jdbc.sql("select id from group_robot where webhook = :w").param("w", webhook).query(Long.class).single();
        ROBOTS.add(id);
        return id;
    }

    /** Takes every message and robot written here out of the database (the rows a test resent among them). */
    public static void removeAll(JdbcClient jdbc) {
        for (Long id : MESSAGES) {
            jdbc.sql("delete from mail_outbox where id = :id").param("id", id).update();
        }
        for (Long id : ROBOTS) {
            jdbc.sql("delete from group_robot where id = :id").param("id", id).update();
        }
        MESSAGES.clear();
        ROBOTS.clear();
    }

    private static Timestamp ts(LocalDateTime beijing) {
        return beijing == null ? null : Timestamp.from(beijing.atZone(BEIJING).toInstant());
    }
}
