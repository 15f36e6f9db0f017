package cn.chuangwei.notify;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How a person is reached ({@code person_channel}, {@code person_reach}): their channels in order with their address
 * in each, whether they take reminders at once instead of in the daily digest, and their own quiet hours. A person with
 * no channels set is reached by mail at the directory's address.
 */
@Component
class PersonReach {

    /** A channel of a person's, in their order; for MAIL the address is the directory's and null here. */
    record Address(Channel channel, String address, int position) {
    }

    /**
     * A person's choices: reminders at once (true) or in the daily digest (false); quiet hours as HH:mm in Beijing
     * time, null for the installation's.
     */
    record Choices(boolean immediate, String quietStart, String quietEnd) {
    }

    private final JdbcClient jdbc;

    PersonReach(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person's channels in their order (none set: an empty list, which means mail). */
    List<Address> channels(String userId) {
        return jdbc.sql("select channel, address, position from person_channel where user_id = :u order by position")
                .param("u", userId)
                .query((rs, n) -> new Address(Channel.valueOf(rs.getString("channel")), rs.getString("address"),
                        rs.getInt("position")))
                .list();
    }

    /** How a person is reached: their channels in order and their choices, as {@link #channels} and {@link #choices}. */
    record Reach(List<Address> channels, Optional<Choices> choices) {
    }

    /** The person's channels and choices, read in one query. */
    Reach of(String userId) {
        List<Address> channels = new java.util.ArrayList<>();
        Choices[] choices = {null};
        jdbc.sql("""
                select c.channel, c.address, c.position, r.user_id as chose, r.immediate, r.quiet_start, r.quiet_end
                from (values (1)) as one(x)
                left join person_reach r on r.user_id = :u
                left join person_channel c on c.user_id = :u
                order by c.position""")
                .param("u", userId)
                .query(rs -> {
                    if (rs.getString("channel") != null) {
                        channels.add(new Address(Channel.valueOf(rs.getString("channel")), rs.getString("address"),
                                rs.getInt("position")));
                    }
                    if (rs.getString("chose") != null) {
                        choices[0] = new Choices(rs.getBoolean("immediate"), rs.getString("quiet_start"),
                                rs.getString("quiet_end"));
                    }
                });
        return new Reach(List.copyOf(channels), Optional.ofNullable(choices[0]));
    }

    /** The person's choices; empty when they made none (the installation's defaults hold). */
    Optional<Choices> choices(String userId) {
        return jdbc.sql("select immediate, quiet_start, quiet_end from person_reach where user_id = :u")
                .param("u", userId)
                .query((rs, n) -> new Choices(rs.getBoolean("immediate"), rs.getString("quiet_start"),
                        rs.getString("quiet_end")))
                .optional();
    }
}
