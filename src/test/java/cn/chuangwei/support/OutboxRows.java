package cn.chuangwei.support;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Messages written straight into the outbox ({@code mail_outbox}) in any channel and state, as the senders leave them:
 * for the delivery status's tests, which must not wait for the channels themselves.
 */
public final class OutboxRows {

    private static final AtomicInteger SEQ = new AtomicInteger();
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
        return jdbc.sql("select id from mail_outbox where idempotency_key = :k").param("k", key).query(Long.class).single();
    }

    private static Timestamp ts(LocalDateTime beijing) {
        return beijing == null ? null : Timestamp.from(beijing.atZone(BEIJING).toInstant());
    }
}
