package cn.chuangwei.notify;

import cn.chuangwei.kernel.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, on every channel: mail itself, and each other channel through its {@link ChannelSender}
 * (messages of a channel this installation has not set up wait). Mails go up to {@value #CHUNK} over one SMTP connection (a connection per mail costs tens of
 * milliseconds of handshakes; the province benchmark measured 53 ms a mail against 4). Each mail is claimed (SENDING,
 * with a lease) just before it goes to SMTP and recorded as SENT just after: an SMTP outage puts it back with a growing
 * delay and loses nothing; a sender that stops between SMTP and the record leaves that one mail SENDING, and when the
 * lease runs out it becomes UNCONFIRMED instead of going out a second time. The same holds for every channel: a
 * provider's outage retries with back-off, a permanent refusal parks the message with its reason, and a person's parked
 * message falls back to mail. A retried SMS below 约谈 waits out the person's quiet hours. Without an SMTP host (the
 * embedded default) mails are written to the log.
 */
@Component
class OutboxSender {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);
    private static final int BATCH = 200;
    /** Mails handed to SMTP over one connection before it is closed. */
    static final int CHUNK = 20;

    /** A message to send, with what the outbox knows of it beyond what its channel needs. */
    record Mail(long id, String key, String address, String subject, String body, int attempts, OutboxMessage message,
                String userId, String event, String tenantId, Long campaignId) {
    }

    private final JdbcClient jdbc;
    private final Map<Channel, ChannelSender> senders;
    private final MailOutbox outbox;
    private final Recipients recipients;
    private final QuietHours quiet;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String host;
    private final String from;
    private final boolean enabled;
    private final int maxAttempts;
    private final Duration lease;
    private final Database database;
    /** Claims that took their message, and claims that found it (or every due one) taken by another sender. */
    private final Counter claimsWon;
    private final Counter claimsLost;

    OutboxSender(JdbcClient jdbc, List<ChannelSender> senders, MailOutbox outbox, Recipients recipients,
                 QuietHours quiet, ObjectProvider<JavaMailSender> mailSender,
                 Clock clock, @Value("${spring.mail.host:}") String host, MailSettings settings, Database database,
                 MeterRegistry meters) {
        this.jdbc = jdbc;
        this.senders = new EnumMap<>(Channel.class);
        senders.forEach(sender -> this.senders.put(sender.channel(), sender));
        this.outbox = outbox;
        this.recipients = recipients;
        this.quiet = quiet;
        this.mailSender = mailSender;
        this.clock = clock;
        this.host = host;
        this.from = settings.from();
        this.enabled = settings.sender().enabled();
        this.maxAttempts = settings.maxAttempts();
        this.lease = Duration.ofSeconds(settings.leaseSeconds());
        this.database = database;
        this.claimsWon = claims(meters, "won");
        this.claimsLost = claims(meters, "lost");
    }

    private static Counter claims(MeterRegistry meters, String outcome) {
        return Counter.builder("chuangwei.outbox.claims").tag("outcome", outcome)
                .description("Outbox claims: won took a message, lost found it taken by another sender")
                .register(meters);
    }

    // the schedule reads chuangwei.mail.poll-millis itself (an annotation takes no bean); MailSettings checks it
    @Scheduled(fixedDelayString = "${chuangwei.mail.poll-millis}", initialDelayString = "${chuangwei.mail.poll-millis}")
    void poll() {
        if (enabled) {
            sendDue();
        }
    }

    /** Sends every mail that is due; returns how many SMTP accepted (or the log took). */
    public int sendDue() {
        recoverExpiredLeases();
        int sent = 0;
        for (int batch = 0; batch < 50; batch++) {
            List<Long> due = dueIds(BATCH);
            for (int from = 0; from < due.size(); from += CHUNK) {
                List<Long> left = new ArrayList<>(due.subList(from, Math.min(due.size(), from + CHUNK)));
                try (Connection smtp = new Connection()) {
                    Optional<Mail> claimed;
                    while (!left.isEmpty() && (claimed = claimNext(left)).isPresent()) {
                        Mail m = claimed.get();
                        left.remove(m.id());
                        if (m.message().channel() == Channel.MAIL ? deliverAndRecord(m, smtp) : dispatchAndRecord(m)) {
                            sent++;
                        }
                    }
                }
            }
            if (due.size() < BATCH) {
                break;
            }
        }
        return sent;
    }

    /** The messages due now on the channels set up here, oldest first. */
    List<Mail> due(int limit) {
        return jdbc.sql("select " + COLUMNS + " from mail_outbox where " + DUE + " order by id fetch first :n rows only")
                .param("pending", OutboxStatus.PENDING.name()).param("now", Timestamp.from(clock.instant()))
                .param("ready", readyChannels()).param("n", limit)
                .query(OutboxSender::mail).list();
    }

    /** The ids of the messages due now on the channels set up here, oldest first. */
    private List<Long> dueIds(int limit) {
        return jdbc.sql("select id from mail_outbox where " + DUE + " order by id fetch first :n rows only")
                .param("pending", OutboxStatus.PENDING.name()).param("now", Timestamp.from(clock.instant()))
                .param("ready", readyChannels()).param("n", limit).query(Long.class).list();
    }

    private static final String COLUMNS = """
            id, idempotency_key, channel, recipient_address, locale, subject, body, template_key, params, notice_kind,
            attempts, recipient_user, event_key, tenant_id, campaign_id""";
    private static final String DUE = "status = :pending and next_attempt_at <= :now and channel in (:ready)";

    private List<String> readyChannels() {
        List<String> ready = new ArrayList<>(List.of(Channel.MAIL.name()));
        senders.values().stream().filter(ChannelSender::ready).forEach(c -> ready.add(c.channel().name()));
        return ready;
    }

    private static Mail mail(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return read(rs, 0);
    }

    /** A message as read, its attempts less those the reading statement counted itself. */
    private static Mail read(java.sql.ResultSet rs, int counted) throws java.sql.SQLException {
        OutboxMessage message = new OutboxMessage(rs.getLong("id"), rs.getString("idempotency_key"),
                Channel.valueOf(rs.getString("channel")), rs.getString("recipient_address"),
                rs.getString("locale"), rs.getString("subject"), rs.getString("body"),
                rs.getString("template_key"), OutboxParams.read(rs.getString("params")),
                rs.getString("notice_kind"), rs.getInt("attempts") - counted);
        return new Mail(message.id(), message.key(), message.address(), message.subject(), message.body(),
                message.attempts(), message, rs.getString("recipient_user"), rs.getString("event_key"),
                rs.getString("tenant_id"), rs.getObject("campaign_id") == null ? null : rs.getLong("campaign_id"));
    }

    /**
     * Takes the oldest of these messages that is still waiting and that no other sender is taking at this moment
     * ({@code FOR UPDATE SKIP LOCKED}: two nodes never race for one row), in one statement; empty when another sender
     * has taken all of them (a lost claim). The message comes back as it was before the claim (its attempts not yet
     * counted).
     */
    Optional<Mail> claimNext(List<Long> candidates) {
        String update = """
                update mail_outbox set status = :sending, lease_until = :lease, attempts = attempts + 1
                where id = (select id from mail_outbox where id in (:ids) and status = :pending
                            order by id fetch first 1 rows only for update skip locked)
                  and status = :pending""";
        String sql = database.postgres() ? update + " returning " + COLUMNS
                : "select " + COLUMNS + " from final table (" + update + ")";
        Instant now = clock.instant();
        Optional<Mail> claimed = jdbc.sql(sql).param("sending", OutboxStatus.SENDING.name())
                .param("pending", OutboxStatus.PENDING.name()).param("ids", candidates)
                .param("lease", Timestamp.from(now.plus(lease)))
                .query((rs, n) -> read(rs, 1)).optional();
        (claimed.isPresent() ? claimsWon : claimsLost).increment();
        return claimed;
    }

    /** Hands a claimed message to its channel and records what became of it; true when the provider took it. */
    boolean dispatchAndRecord(Mail m) {
        ChannelSender sender = senders.get(m.message().channel());
        try {
            sender.send(m.message());
        } catch (DeliveryFailure e) {
            if (e.permanent()) {
                fail(m, e.getMessage());
            } else {
                retryLater(m, e.getMessage());
            }
            return false;
        } catch (RuntimeException e) {
            // a fault of ours or the HTTP client's (not the provider's answer): tried again, its type named, no details
            retryLater(m, m.message().channel() + " sender failed: " + e.getClass().getSimpleName());
            return false;
        }
        recordSent(m.id());
        return true;
    }

    private void recordSent(long id) {
        jdbc.sql("update mail_outbox set status = :sent, sent_at = :now, lease_until = null, last_error = null where id = :id")
                .param("sent", OutboxStatus.SENT.name()).param("now", Timestamp.from(clock.instant())).param("id", id).update();
    }

    /** Takes the mail for this sender; false when another sender (or node) took it first. */
    boolean claim(long id) {
        Instant now = clock.instant();
        boolean won = jdbc.sql("""
                update mail_outbox set status = :sending, lease_until = :lease, attempts = attempts + 1
                where id = :id and status = :pending""")
                .param("sending", OutboxStatus.SENDING.name()).param("pending", OutboxStatus.PENDING.name())
                .param("lease", Timestamp.from(now.plus(lease))).param("id", id).update() == 1;
        (won ? claimsWon : claimsLost).increment();
        return won;
    }

    /**
     * One SMTP connection, opened for the first mail that needs it and again after a failure, closed at the end of a
     * chunk. Without Spring's own mail sender (which keeps the host and the session) each mail goes on its own.
     */
    final class Connection implements AutoCloseable {

        private Transport transport;

        void send(JavaMailSender sender, MimeMessage message) throws MessagingException {
            if (!(sender instanceof JavaMailSenderImpl impl)) {
                sender.send(message);
                return;
            }
            try {
                if (transport == null || !transport.isConnected()) {
                    close();
                    transport = impl.getSession().getTransport(impl.getProtocol() == null ? "smtp" : impl.getProtocol());
                    // no login when none is set (the environment's SPRING_MAIL_USERNAME may be empty), as Spring's own
                    transport.connect(impl.getHost(), impl.getPort(), emptyToNull(impl.getUsername()),
                            emptyToNull(impl.getPassword()));
                }
                transport.sendMessage(message, message.getAllRecipients());
            } catch (MessagingException e) {
                close();
                throw e;
            }
        }

        private static String emptyToNull(String s) {
            return s == null || s.isEmpty() ? null : s;
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.debug("SMTP connection not closed cleanly: {}", e.getMessage());
                }
                transport = null;
            }
        }
    }

    /** Hands the claimed mail to SMTP and records what became of it; true when it went. */
    boolean deliverAndRecord(Mail m, Connection smtp) {
        try {
            deliver(m, smtp);
        } catch (AddressException e) {
            fail(m, "invalid address: " + e.getMessage());
            return false;
        } catch (MailException | MessagingException e) {
            if (permanent(e)) {
                fail(m, "rejected: " + e.getMessage());
            } else {
                retryLater(m, e.getMessage());
            }
            return false;
        }
        recordSent(m.id());
        return true;
    }

    /** Hands one mail to SMTP on a connection of its own (or, without an SMTP host, to the log). */
    void deliver(Mail m) throws MessagingException {
        try (Connection smtp = new Connection()) {
            deliver(m, smtp);
        }
    }

    void deliver(Mail m, Connection smtp) throws MessagingException {
        JavaMailSender sender = host == null || host.isBlank() ? null : mailSender.getIfAvailable();
        InternetAddress to = new InternetAddress(m.address(), true);
        if (sender == null) {
            LOG.info("Mail (no SMTP host configured) to {}: {}\n{}", to.getAddress(), m.subject(), m.body());
            return;
        }
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, false, StandardCharsets.UTF_8.name());
        helper.setFrom(InternetAddress.parse(from, false)[0]);
        helper.setTo(to);
        helper.setSubject(m.subject());
        helper.setText(m.body(), false);
        message.setSentDate(Date.from(clock.instant()));
        message.saveChanges();
        // A stable Message-ID: should a mail go out twice after all, mail systems treat it as one.
        message.setHeader("Message-ID", "<" + digest(m.key()) + "@chuangwei>");
        smtp.send(sender, message);
    }

    private void retryLater(Mail m, String error) {
        int attempts = m.attempts() + 1;
        if (attempts >= maxAttempts) {
            fail(m, "gave up after " + attempts + " attempts: " + error);
            return;
        }
        long minutes = Math.min(60, 1L << Math.min(attempts - 1, 6));
        Instant next = quiet.due(m.message().channel(), m.message().noticeKind(), m.userId(),
                clock.instant().plus(Duration.ofMinutes(minutes)));
        jdbc.sql("""
                update mail_outbox set status = :pending, lease_until = null, next_attempt_at = :next, last_error = :e
                where id = :id""")
                .param("pending", OutboxStatus.PENDING.name()).param("next", Timestamp.from(next))
                .param("e", truncate(error)).param("id", m.id()).update();
        LOG.warn("{} message {} not sent (attempt {}), retry in {} min: {}", m.message().channel(), m.id(), attempts,
                minutes, error);
    }

    /** Parks the message with its reason; a person's message on a channel other than mail falls back to mail. */
    private void fail(Mail m, String error) {
        jdbc.sql("update mail_outbox set status = :failed, lease_until = null, last_error = :e where id = :id")
                .param("failed", OutboxStatus.FAILED.name()).param("e", truncate(error)).param("id", m.id()).update();
        LOG.warn("{} message {} cannot be sent: {}", m.message().channel(), m.id(), error);
        Channel channel = m.message().channel();
        if (channel != Channel.MAIL && channel.personal() && m.userId() != null && m.event() != null) {
            String address = recipients.of(m.userId()).address();
            if (address != null && !address.isBlank()) {
                boolean put = outbox.put(new MailOutbox.Row(m.event() + ":" + m.userId(), m.event(), Channel.MAIL,
                        m.userId(), address.trim(), m.message().locale(),
                        new MailTemplates.Rendered(m.subject(), m.body()), m.message().templateKey(), null,
                        m.message().noticeKind() == null ? null : NoticeKind.valueOf(m.message().noticeKind()),
                        m.tenantId(), m.campaignId(), null, null));
                if (put) {
                    LOG.info("{} message {} falls back to mail", channel, m.id());
                }
            }
        }
    }

    /** Mails whose sender stopped after handing them to SMTP: they may have gone out, so they do not go again. */
    int recoverExpiredLeases() {
        return jdbc.sql("""
                update mail_outbox set status = :unconfirmed, lease_until = null,
                       last_error = 'the sender stopped while sending; not sent again'
                where status = :sending and lease_until < :now""")
                .param("unconfirmed", OutboxStatus.UNCONFIRMED.name()).param("sending", OutboxStatus.SENDING.name())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    private static boolean permanent(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SendFailedException sfe && sfe.getInvalidAddresses() != null
                    && sfe.getInvalidAddresses().length > 0) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailParseException) {
                return true;
            }
            if (t instanceof org.springframework.mail.MailSendException mse) {
                for (Exception nested : mse.getFailedMessages().values()) {
                    if (nested != e && permanent(nested)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static String truncate(String s) {
        String v = s == null ? "" : s;
        return v.length() > 1000 ? v.substring(0, 1000) : v;
    }

    private static String digest(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8))).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
