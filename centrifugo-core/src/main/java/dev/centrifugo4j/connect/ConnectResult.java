package dev.centrifugo4j.connect;

import dev.centrifugo4j.channel.ChannelOverride;
import dev.centrifugo4j.channel.ProxyRejection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of a {@link ConnectHandler}: accept as a user (optionally with an expiry, info, data,
 * server-side subscriptions and meta) or refuse.
 *
 * <pre>{@code
 * return ConnectResult.accept("42").withExpireAt(Instant.now().plusSeconds(900)).withChannels(List.of("personal:42"));
 * return ConnectResult.disconnect(4501, "unauthorized");
 * }</pre>
 */
public final class ConnectResult {

    private final @Nullable ProxyRejection rejection;

    private final String user;

    private final @Nullable Instant expireAt;

    private final @Nullable Object info;

    private final @Nullable Object data;

    private final List<String> channels;

    private final Map<String, Subscription> subs;

    private final @Nullable Object meta;

    private ConnectResult(
            @Nullable ProxyRejection rejection,
            String user,
            @Nullable Instant expireAt,
            @Nullable Object info,
            @Nullable Object data,
            List<String> channels,
            Map<String, Subscription> subs,
            @Nullable Object meta) {
        this.rejection = rejection;
        this.user = user;
        this.expireAt = expireAt;
        this.info = info;
        this.data = data;
        this.channels = List.copyOf(channels);
        this.subs = Map.copyOf(subs);
        this.meta = meta;
    }

    /** Accepts the connection as this user. */
    public static ConnectResult accept(String user) {
        if (user == null || user.isEmpty()) {
            throw new IllegalArgumentException("'user' must not be empty: use anonymous() for anonymous connections");
        }
        return new ConnectResult(null, user, null, null, null, List.of(), Map.of(), null);
    }

    /** Accepts the connection without a user (the namespaces must allow anonymous clients). */
    public static ConnectResult anonymous() {
        return new ConnectResult(null, "", null, null, null, List.of(), Map.of(), null);
    }

    /** Refuses with an application error (code 400–1999); the client retries with backoff. */
    public static ConnectResult deny(int code, String message) {
        return rejectWith(ProxyRejection.error(code, message, false));
    }

    /** Refuses by closing the connection (code 4000–4999; from 4500 the client does not reconnect). */
    public static ConnectResult disconnect(int code, String reason) {
        return rejectWith(ProxyRejection.disconnect(code, reason));
    }

    private static ConnectResult rejectWith(ProxyRejection rejection) {
        return new ConnectResult(rejection, "", null, null, null, List.of(), Map.of(), null);
    }

    /** Lets the connection expire at this time; the refresh proxy ({@link RefreshHandler}) then extends it. */
    public ConnectResult withExpireAt(@Nullable Instant expireAt) {
        return new ConnectResult(
                this.rejection, this.user, expireAt, this.info, this.data, this.channels, this.subs, this.meta);
    }

    /** Connection info, visible to other clients in presence and publications. */
    public ConnectResult withInfo(@Nullable Object info) {
        return new ConnectResult(
                this.rejection, this.user, this.expireAt, info, this.data, this.channels, this.subs, this.meta);
    }

    /** Data sent to the client with the connect reply. */
    public ConnectResult withData(@Nullable Object data) {
        return new ConnectResult(
                this.rejection, this.user, this.expireAt, this.info, data, this.channels, this.subs, this.meta);
    }

    /** Server-side subscriptions. */
    public ConnectResult withChannels(List<String> channels) {
        return new ConnectResult(
                this.rejection, this.user, this.expireAt, this.info, this.data, channels, this.subs, this.meta);
    }

    /** Server-side subscriptions with per-channel info, data and overrides (take precedence over channels). */
    public ConnectResult withSubs(Map<String, Subscription> subs) {
        return new ConnectResult(
                this.rejection, this.user, this.expireAt, this.info, this.data, this.channels, subs, this.meta);
    }

    /** Meta kept by Centrifugo for the connection (never sent to clients), passed to later proxies. */
    public ConnectResult withMeta(@Nullable Object meta) {
        return new ConnectResult(
                this.rejection, this.user, this.expireAt, this.info, this.data, this.channels, this.subs, meta);
    }

    public @Nullable ProxyRejection rejection() {
        return this.rejection;
    }

    public String user() {
        return this.user;
    }

    public @Nullable Instant expireAt() {
        return this.expireAt;
    }

    public @Nullable Object info() {
        return this.info;
    }

    public @Nullable Object data() {
        return this.data;
    }

    public List<String> channels() {
        return this.channels;
    }

    public Map<String, Subscription> subs() {
        return this.subs;
    }

    public @Nullable Object meta() {
        return this.meta;
    }

    /**
     * A server-side subscription with its options.
     *
     * @param info channel info
     * @param data data sent with the subscription
     * @param override channel option overrides
     */
    public record Subscription(
            @Nullable Object info, @Nullable Object data, ChannelOverride override) {

        /** A subscription with the namespace's defaults. */
        public static Subscription plain() {
            return new Subscription(null, null, ChannelOverride.none());
        }
    }
}
