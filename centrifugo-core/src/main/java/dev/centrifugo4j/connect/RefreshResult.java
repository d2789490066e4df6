package dev.centrifugo4j.connect;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** The answer of a {@link RefreshHandler}: extend the connection or end it. */
public final class RefreshResult {

    private static final RefreshResult EXPIRED = new RefreshResult(true, null, null, null);

    private final boolean expired;

    private final @Nullable Instant expireAt;

    private final @Nullable Object info;

    private final @Nullable Object meta;

    private RefreshResult(boolean expired, @Nullable Instant expireAt, @Nullable Object info, @Nullable Object meta) {
        this.expired = expired;
        this.expireAt = expireAt;
        this.info = info;
        this.meta = meta;
    }

    /** Keeps the connection until this time (then asks again). */
    public static RefreshResult extendUntil(Instant expireAt) {
        if (expireAt == null) {
            throw new IllegalArgumentException("'expireAt' must not be null");
        }
        return new RefreshResult(false, expireAt, null, null);
    }

    /** Ends the connection (the client is disconnected with code 3005). */
    public static RefreshResult expired() {
        return EXPIRED;
    }

    /** Replaces the connection info. */
    public RefreshResult withInfo(@Nullable Object info) {
        return new RefreshResult(this.expired, this.expireAt, info, this.meta);
    }

    /** Replaces the connection meta. */
    public RefreshResult withMeta(@Nullable Object meta) {
        return new RefreshResult(this.expired, this.expireAt, this.info, meta);
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

    public @Nullable Object meta() {
        return this.meta;
    }
}
