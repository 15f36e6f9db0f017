package cn.chuangwei.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * A provider's access token (WeCom's, DingTalk's), fetched once and kept until shortly before it expires, then fetched
 * again; a provider that says the token is no longer valid before then gets it dropped with {@link #drop}. One per
 * provider and node; the token is never logged.
 */
final class AccessTokens {

    /** A token as the provider gave it: its value and how long it lasts. */
    record Token(String value, Duration lifetime) {
    }

    /** Fetches a new token from the provider; a failure is the provider's to explain. */
    interface Fetch {
        Token fetch() throws DeliveryFailure;
    }

    /** Renewed this long before the provider's expiry, so that no call goes out with a token about to lapse. */
    static final Duration MARGIN = Duration.ofMinutes(5);

    private final Clock clock;
    private final Fetch fetch;
    private String value;
    private Instant renewAt;
    private int fetched;

    AccessTokens(Clock clock, Fetch fetch) {
        this.clock = clock;
        this.fetch = fetch;
    }

    /** The token, fetched when there is none or it is due for renewal. */
    synchronized String get() throws DeliveryFailure {
        Instant now = clock.instant();
        if (value == null || !now.isBefore(renewAt)) {
            Token t = fetch.fetch();
            value = t.value();
            Duration keep = t.lifetime().compareTo(MARGIN.multipliedBy(2)) > 0 ? t.lifetime().minus(MARGIN)
                    : t.lifetime().dividedBy(2);
            renewAt = now.plus(keep);
            fetched++;
        }
        return value;
    }

    /** Forgets the token if it is still this one (the provider refused it); the next {@link #get} fetches another. */
    synchronized void drop(String refused) {
        if (refused != null && refused.equals(value)) {
            value = null;
        }
    }

    /** How many times a token was fetched on this node (for tests and the delivery page's health line). */
    synchronized int fetched() {
        return fetched;
    }
}
