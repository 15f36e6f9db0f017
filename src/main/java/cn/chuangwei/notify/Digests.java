package cn.chuangwei.notify;

import cn.chuangwei.kernel.SiteSettings;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The daily digest: reminders and escalations below 通报 wait as lines ({@code digest_item}) until the day's digest
 * time, then each person gets one message listing them all, on their first channel. A person's digest of a day is
 * made once (its key names the person and the day), on whichever node comes first: the lines are claimed by an update
 * before the message is written, in one transaction, so two nodes never list a line twice and none is lost. A line
 * that comes after the day's digest waits for the next day's.
 */
@Component
class Digests {

    /** A line held for a digest. */
    record Item(long id, String userId, String tenantId, Long campaignId, String locale, String line, String link) {
    }

    private final JdbcClient jdbc;
    private final NotifySettings settings;
    private final SiteSettings site;
    private final TransactionTemplate tx;
    private final Clock clock;

    Digests(JdbcClient jdbc, NotifySettings settings, SiteSettings site, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.site = site;
        this.tx = tx;
        this.clock = clock;
    }

    /** Whether a line with this key waits or went in a digest. */
    boolean holds(String key) {
        return jdbc.sql("select count(*) from digest_item where item_key = :k").param("k", key)
                .query(Integer.class).single() > 0;
    }

    /** Holds a line for the person's next digest, once per key; whether it was held. */
    boolean hold(String key, String userId, String tenantId, Long campaignId, String locale, NoticeKind kind,
                 String line, String link) {
        return jdbc.sql("""
                insert into digest_item (item_key, user_id, tenant_id, campaign_id, locale, notice_kind, line, link,
                                         created_at)
                select :k, :u, :t, :c, :l, :kind, :line, :link, :now from (values (1)) as one(x)
                where not exists (select 1 from digest_item where item_key = :k)""")
                .param("k", key).param("u", userId).param("t", tenantId).param("c", campaignId).param("l", locale)
                .param("kind", kind.name()).param("line", line.length() > 1000 ? line.substring(0, 1000) : line)
                .param("link", link).param("now", Timestamp.from(clock.instant())).update() > 0;
    }

    /** The moment of today's digest (Beijing time), or null before it. */
    Instant cutoff() {
        ZonedDateTime now = clock.instant().atZone(QuietHours.BEIJING);
        ZonedDateTime at = now.toLocalDate().atTime(settings.digestTime()).atZone(QuietHours.BEIJING);
        return now.isBefore(at) ? null : at.toInstant();
    }

    /** The people with lines waiting from before today's digest time, if it has come. */
    List<String> due() {
        Instant cutoff = cutoff();
        if (cutoff == null) {
            return List.of();
        }
        return jdbc.sql("""
                select distinct user_id from digest_item where digest_key is null and created_at < :cutoff
                order by user_id""").param("cutoff", Timestamp.from(cutoff)).query(String.class).list();
    }

    /** The event of a day's digest, and the key of a person's digest of that day. */
    static String event(LocalDate day) {
        return "digest:" + day;
    }

    /**
     * Claims the person's waiting lines for today's digest and hands them to {@code write} in the same transaction; no
     * lines (another node took them, or today's digest was made) writes nothing. Returns how many lines it took.
     */
    int claim(String userId, DigestWriter write) {
        Instant cutoff = cutoff();
        if (cutoff == null) {
            return 0;
        }
        LocalDate day = cutoff.atZone(QuietHours.BEIJING).toLocalDate();
        String digestKey = event(day) + ":" + userId;
        Integer taken = tx.execute(status -> {
            int claimed = jdbc.sql("""
                    update digest_item set digest_key = :d
                    where user_id = :u and digest_key is null and created_at < :cutoff
                    and not exists (select 1 from mail_outbox where event_key = :e and recipient_user = :u)""")
                    .param("d", digestKey).param("u", userId).param("cutoff", Timestamp.from(cutoff))
                    .param("e", event(day)).update();
            if (claimed == 0) {
                return 0;
            }
            List<Item> items = jdbc.sql("""
                    select id, user_id, tenant_id, campaign_id, locale, line, link from digest_item
                    where digest_key = :d order by created_at, id""").param("d", digestKey)
                    .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("user_id"), rs.getString("tenant_id"),
                            rs.getObject("campaign_id") == null ? null : rs.getLong("campaign_id"),
                            rs.getString("locale"), rs.getString("line"), rs.getString("link")))
                    .list();
            write.write(event(day), items);
            return items.size();
        });
        return taken == null ? 0 : taken;
    }

    /** The digest's values: the lines numbered, their count, and the link to the person's work. */
    Map<String, String> values(List<Item> items) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            lines.add((i + 1) + ". " + items.get(i).line());
        }
        return new java.util.HashMap<>(Map.of("count", String.valueOf(items.size()), "lines", String.join("\n", lines),
                "link", site.link("/work")));
    }

    /** Writes a person's digest from its lines, in the transaction that claimed them. */
    interface DigestWriter {
        void write(String event, List<Item> items);
    }
}
