package dev.centrifugo4j.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer of an {@link OnSubRefresh} handler: extend the subscription or let it expire.
 * Centrifugo ignores errors here: a refused subscription must be answered with {@link #expired()}.
 */
public final class SubRefreshResult {

    private static final SubRefreshResult EXPIRED = new SubRefreshResult(true, null, null);

    private final boolean expired;

    private final @Nullable Instant expireAt;

    private final @Nullable Object info;

    private SubRefreshResult(boolean expired, @Nullable Instant expireAt, @Nullable Object info) {
        this.expired = expired;
        this.expireAt = expireAt;
        this.info = info;
    }

    /** Keeps the subscription until the given time (then asks again). */
    public static SubRefreshResult extendUntil(Instant expireAt) {
        if (expireAt == null) {
            throw new IllegalArgumentException("'expireAt' must not be null");
        }
        return new SubRefreshResult(false, expireAt, null);
    }

    /** Ends the subscription: the client is unsubscribed. */
    public static SubRefreshResult expired() {
        return EXPIRED;
    }

    /** Replaces the channel info. */
    public SubRefreshResult withInfo(@Nullable Object info) {
        return new SubRefreshResult(this.expired, this.expireAt, info);
    }

    public boolean isExpired() {
        return this.expired;
    }

    public @Nullable Instant expireAt() {
        return this.expireAt;
    }

    public @Nullable Object info() {
        return this.info;
    }
}
