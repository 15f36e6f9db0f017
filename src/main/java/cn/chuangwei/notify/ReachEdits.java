package cn.chuangwei.notify;

import cn.chuangwei.kernel.ApiException;
import cn.chuangwei.kernel.CurrentUser;
import cn.chuangwei.org.Directory;
import cn.chuangwei.org.TownPeople;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * How a person is reached, as the office sets it ({@code /api/people/{userId}/reach}: their channels in order with
 * their address in each, reminders at once or in the daily digest, their own quiet hours) and as the person sets their
 * own choices ({@code /api/me/reach}: digest or at once, quiet hours; their channels are the office's). The office of a
 * town the person works in sets them up ({@link TownPeople#requireSetsUp}). A refused request writes nothing.
 */
@Service
class ReachEdits {

    /** The channels a person is reached in; the group robots are set per campaign ({@link RobotEdits}). */
    static final Set<Channel> PERSONAL = EnumSet.of(Channel.MAIL, Channel.WECOM, Channel.DINGTALK, Channel.SMS);
    /** A WeCom or DingTalk user id: as the providers issue them (letters, digits, {@code _ . @ -}). */
    static final Pattern PROVIDER_USER_ID = Pattern.compile("[A-Za-z0-9_.@-]{1,64}");
    /** A mainland mobile number: 11 digits starting with 1 (a +86 / 0086 prefix, spaces and dashes allowed). */
    static final Pattern MOBILE = Pattern.compile("(?:\\+86|0086)?(1\\d{10})");
    static final Pattern TIME = Pattern.compile("(\\d{1,2}):(\\d{2})");

    /** A channel of the person's with its address; MAIL's address is the directory's. */
    record ChannelView(Channel channel, String address, int position) {
    }

    /**
     * A person's reach as the API and the pages show it: {@code immediate} null while nobody chose for them (the
     * installation's {@code chuangwei.notify.reminders} holds, {@code installationImmediate}); quiet hours null for the
     * installation's.
     */
    record ReachView(String userId, String name, String email, List<ChannelView> channels, Boolean immediate,
                     boolean installationImmediate, String quietStart, String quietEnd, String updatedBy,
                     Instant updatedAt) {

        /** Whether reminders reach the person at once, by their choice or the installation's. */
        boolean immediateInEffect() {
            return immediate != null ? immediate : installationImmediate;
        }
    }

    /** A channel as the office sends it: its name ({@code WECOM}, {@code DINGTALK}, {@code SMS}, {@code MAIL}) and address. */
    record ChannelEntry(String channel, String address) {
    }

    /**
     * What the office sets: the channels in order (first: assignments and reminders), the choices ({@code immediate}
     * left out: as it is, the installation's while nobody chose).
     */
    record ReachRequest(List<ChannelEntry> channels, Boolean immediate, String quietStart, String quietEnd) {
    }

    /** What a person sets for themselves. */
    record ChoicesRequest(Boolean immediate, String quietStart, String quietEnd) {
    }

    private final JdbcClient jdbc;
    private final PersonReach reach;
    private final Recipients recipients;
    private final Directory directory;
    private final TownPeople townPeople;
    private final CurrentUser currentUser;
    private final NotifySettings settings;
    private final Clock clock;

    ReachEdits(JdbcClient jdbc, PersonReach reach, Recipients recipients, Directory directory, TownPeople townPeople,
               CurrentUser currentUser, NotifySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.reach = reach;
        this.recipients = recipients;
        this.directory = directory;
        this.townPeople = townPeople;
        this.currentUser = currentUser;
        this.settings = settings;
        this.clock = clock;
    }

    /** A person's reach, for the office of a town they work in: 403 for anyone else, 404 for nobody. */
    ReachView of(String userId) {
        requireSetsUp(userId);
        return view(userId);
    }

    /** The caller's own reach. */
    ReachView mine() {
        return view(currentUser.id());
    }

    /** Sets a person's channels and choices (the office); everything or nothing. */
    @Transactional
    ReachView set(String userId, ReachRequest req) {
        requireSetsUp(userId);
        if (req == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        List<ChannelView> channels = channels(req.channels());
        String[] quiet = quietHours(req.quietStart(), req.quietEnd());
        try {
            jdbc.sql("delete from person_channel where user_id = :u").param("u", userId).update();
            for (ChannelView c : channels) {
                jdbc.sql("insert into person_channel (user_id, channel, address, position) values (:u, :c, :a, :p)")
                        .param("u", userId).param("c", c.channel().name()).param("a", c.address())
                        .param("p", c.position()).update();
            }
            choices(userId, req.immediate(), quiet);
        } catch (DuplicateKeyException e) {
            // another office saved the same person at the same moment: theirs stands, this one is rolled back
            throw ApiException.conflict("concurrent-change", null);
        }
        return view(userId);
    }

    /** Sets the caller's own choices: reminders at once or in the daily digest, their quiet hours. */
    @Transactional
    ReachView setMine(ChoicesRequest req) {
        String me = currentUser.id();
        if (req == null) {
            throw ApiException.badRequest("required", "body", "body");
        }
        String[] quiet = quietHours(req.quietStart(), req.quietEnd());
        try {
            choices(me, req.immediate(), quiet);
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("concurrent-change", null);
        }
        return view(me);
    }

    private void requireSetsUp(String userId) {
        townPeople.requireSetsUp(userId);
        if (!directory.userExists(userId)) {
            throw ApiException.notFound("unknown-person", "userId", userId);
        }
    }

    /**
     * Records the person's choices: {@code immediate} null keeps theirs (none yet: no row while there are no quiet hours
     * either, so the installation's hold; with quiet hours, the installation's as it is now).
     */
    private void choices(String userId, Boolean chosen, String[] quiet) {
        Optional<PersonReach.Choices> before = reach.choices(userId);
        if (before.isEmpty() && chosen == null && quiet[0] == null) {
            return;
        }
        boolean immediate = chosen != null ? chosen
                : before.map(PersonReach.Choices::immediate).orElse(installationImmediate());
        Timestamp now = Timestamp.from(clock.instant());
        String by = currentUser.id();
        int updated = jdbc.sql("""
                        update person_reach set immediate = :i, quiet_start = :s, quiet_end = :e, updated_by = :by,
                        updated_at = :now where user_id = :u""")
                .param("i", immediate).param("s", quiet[0]).param("e", quiet[1]).param("by", by).param("now", now)
                .param("u", userId).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into person_reach (user_id, immediate, quiet_start, quiet_end, updated_by, updated_at)
                            values (:u, :i, :s, :e, :by, :now)""")
                    .param("u", userId).param("i", immediate).param("s", quiet[0]).param("e", quiet[1])
                    .param("by", by).param("now", now).update();
        }
    }

    private ReachView view(String userId) {
        Recipients.Recipient r = recipients.of(userId);
        List<ChannelView> channels = reach.channels(userId).stream()
                .map(a -> new ChannelView(a.channel(), a.channel() == Channel.MAIL ? r.address() : a.address(),
                        a.position()))
                .toList();
        Optional<PersonReach.Choices> c = reach.choices(userId);
        record Stamp(String by, Instant at) {
        }
        Stamp stamp = jdbc.sql("select updated_by, updated_at from person_reach where user_id = :u").param("u", userId)
                .query((rs, n) -> new Stamp(rs.getString(1), rs.getTimestamp(2) == null ? null
                        : rs.getTimestamp(2).toInstant())).optional().orElse(new Stamp(null, null));
        return new ReachView(userId, r.name(), r.address(), channels, c.map(PersonReach.Choices::immediate).orElse(null),
                installationImmediate(), c.map(PersonReach.Choices::quietStart).orElse(null),
                c.map(PersonReach.Choices::quietEnd).orElse(null), stamp.by(), stamp.at());
    }

    private boolean installationImmediate() {
        return settings.reminders() == NotifySettings.Reminders.IMMEDIATE;
    }

    // ------------------------------------------------------------------------------------------------ checks

    /** The channels in the order sent, each once, each with a valid address (MAIL: the directory's, none here). */
    static List<ChannelView> channels(List<ChannelEntry> entries) {
        List<ChannelView> out = new ArrayList<>();
        if (entries == null) {
            return out;
        }
        Set<Channel> seen = EnumSet.noneOf(Channel.class);
        for (int i = 0; i < entries.size(); i++) {
            ChannelEntry e = entries.get(i);
            String field = "channels[" + i + "]";
            if (e == null || e.channel() == null || e.channel().isBlank()) {
                throw ApiException.badRequest("required", field + ".channel", field + ".channel");
            }
            Channel channel = Arrays.stream(Channel.values())
                    .filter(c -> PERSONAL.contains(c) && c.name().equalsIgnoreCase(e.channel().strip()))
                    .findFirst().orElseThrow(() -> ApiException.badRequest("invalid-choice", field + ".channel",
                            field + ".channel", e.channel(), "WECOM, DINGTALK, SMS, MAIL"));
            if (!seen.add(channel)) {
                throw ApiException.badRequest("reach-channel-twice", field + ".channel", field + ".channel", channel.name());
            }
            out.add(new ChannelView(channel, address(channel, e.address(), field + ".address"), i + 1));
        }
        return out;
    }

    /** A channel's address as stored: a provider's user id as given, a mobile as its 11 digits, MAIL none. */
    static String address(Channel channel, String value, String field) {
        if (channel == Channel.MAIL) {
            return null;
        }
        String v = value == null ? "" : Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        if (v.isEmpty()) {
            throw ApiException.badRequest("reach-address-required", field, field, channel.name());
        }
        if (channel == Channel.SMS) {
            Matcher m = MOBILE.matcher(v.replaceAll("[\\s-]", ""));
            if (!m.matches()) {
                throw ApiException.badRequest("reach-invalid-mobile", field, field, channel.name());
            }
            return m.group(1);
        }
        if (!PROVIDER_USER_ID.matcher(v).matches()) {
            throw ApiException.badRequest("reach-invalid-user-id", field, field, channel.name());
        }
        return v;
    }

    /** Quiet hours as HH:mm, both or neither (neither: the installation's). */
    static String[] quietHours(String start, String end) {
        String s = time(start, "quietStart");
        String e = time(end, "quietEnd");
        if ((s == null) != (e == null)) {
            throw ApiException.badRequest("reach-quiet-both", s == null ? "quietStart" : "quietEnd", s == null ? "quietStart" : "quietEnd");
        }
        if (s != null && s.equals(e)) {
            throw ApiException.badRequest("reach-quiet-empty", "quietEnd", "quietEnd", s);
        }
        return new String[] {s, e};
    }

    private static String time(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = Normalizer.normalize(value, Normalizer.Form.NFKC).strip();
        Matcher m = TIME.matcher(v);
        if (!m.matches() || Integer.parseInt(m.group(1)) > 23 || Integer.parseInt(m.group(2)) > 59) {
            throw ApiException.badRequest("reach-invalid-time", field, field);
        }
        return String.format(Locale.ROOT, "%02d:%02d", Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
