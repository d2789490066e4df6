package dev.centrifugo4j.channel;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The answer of an {@link OnSubscribe} handler: allow (optionally with channel info, initial data,
 * an expiry and option overrides) or deny. A handler that returns {@code null} instead of one denies
 * (error 403, and a warning in the log).
 *
 * <pre>{@code
 * return SubscribeResult.allow().withInfo(Map.of("role", "viewer")).withExpireAt(Instant.now().plusSeconds(600));
 * return SubscribeResult.deny();                      // error 403 "permission denied"
 * return SubscribeResult.deny(1403, "room is full");
 * }</pre>
 */
public final class SubscribeResult {

    private static final SubscribeResult ALLOW = new SubscribeResult(null, null, null, null, ChannelOverride.none());

    private final @Nullable ProxyRejection rejection;

    private final @Nullable Object info;

    private final @Nullable Object data;

    private final @Nullable Instant expireAt;

    private final ChannelOverride override;

    private SubscribeResult(
            @Nullable ProxyRejection rejection,
            @Nullable Object info,
            @Nullable Object data,
            @Nullable Instant expireAt,
            ChannelOverride override) {
        this.rejection = rejection;
        this.info = info;
        this.data = data;
        this.expireAt = expireAt;
        this.override = override;
    }

    /** Allows the subscription with the namespace's defaults. */
    public static SubscribeResult allow() {
        return ALLOW;
    }

    /** Denies with error 403 "permission denied" (the client does not retry). */
    public static SubscribeResult deny() {
        return rejectWith(ProxyRejection.PERMISSION_DENIED);
    }

    /** Denies with an application error (code 400–1999). */
    public static SubscribeResult deny(int code, String message) {
        return rejectWith(ProxyRejection.error(code, message, false));
    }

    /** Denies with an application error the client may retry later. */
    public static SubscribeResult denyTemporarily(int code, String message) {
        return rejectWith(ProxyRejection.error(code, message, true));
    }

    /** Closes the connection (code 4000–4999, reason at most 32 bytes). */
    public static SubscribeResult disconnect(int code, String reason) {
        return rejectWith(ProxyRejection.disconnect(code, reason));
    }

    private static SubscribeResult rejectWith(ProxyRejection rejection) {
        return new SubscribeResult(rejection, null, null, null, ChannelOverride.none());
    }

    /** Attaches channel info (seen by other subscribers in presence and publications). */
    public SubscribeResult withInfo(@Nullable Object info) {
        return new SubscribeResult(this.rejection, info, this.data, this.expireAt, this.override);
    }

    /** Sends data to the subscriber with the subscribe reply. */
    public SubscribeResult withData(@Nullable Object data) {
        return new SubscribeResult(this.rejection, this.info, data, this.expireAt, this.override);
    }

    /** Lets the subscription expire; enable the sub_refresh proxy to extend it ({@link OnSubRefresh}). */
    public SubscribeResult withExpireAt(@Nullable Instant expireAt) {
        return new SubscribeResult(this.rejection, this.info, this.data, expireAt, this.override);
    }

    /** Overrides channel options for this subscription. */
    public SubscribeResult withOverride(ChannelOverride override) {
        return new SubscribeResult(this.rejection, this.info, this.data, this.expireAt, override);
    }

    /** The rejection, or {@code null} when allowed. */
    public @Nullable ProxyRejection rejection() {
        return this.rejection;
    }

    public @Nullable Object info() {
        return this.info;
    }

    public @Nullable Object data() {
        return this.data;
    }

    public @Nullable Instant expireAt() {
        return this.expireAt;
    }

    public ChannelOverride override() {
        return this.override;
    }
}
