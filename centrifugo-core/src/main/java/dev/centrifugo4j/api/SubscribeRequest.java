package dev.centrifugo4j.api;

import org.jspecify.annotations.Nullable;

/**
 * Subscribes a user's online connections to a channel from the server side ({@code subscribe}).
 *
 * <pre>{@code
 * publisher.subscribe(SubscribeRequest.of("42", "notifications:42").withData(Map.of("welcome", true)));
 * }</pre>
 *
 * @param user the user ID
 * @param channel the channel
 * @param client only this connection of the user; {@code null} for all
 * @param session only this session of the user; {@code null} for all
 * @param info channel info attached to the subscription (presence, publications); {@code null} for none
 * @param b64info binary channel info, base64-encoded; {@code null} for none
 * @param data data sent to the client in the subscribe push; {@code null} for none
 * @param b64data binary data for the subscribe push, base64-encoded; {@code null} for none
 * @param expireAt when the subscription expires (Unix seconds); 0 for never
 * @param recoverSince a position to recover publications from; {@code null} for none
 * @param override channel options overridden for this subscription; {@code null} for none
 */
public record SubscribeRequest(
        String user,
        String channel,
        @Nullable String client,
        @Nullable String session,
        @Nullable Object info,
        @Nullable String b64info,
        @Nullable Object data,
        @Nullable String b64data,
        long expireAt,
        @Nullable StreamPosition recoverSince,
        @Nullable SubscriptionOverride override)
        implements ApiCommand<Void> {

    public SubscribeRequest {
        Checks.requireNonNull(user, "user");
        Checks.requireText(channel, "channel");
        if (expireAt < 0) {
            throw new IllegalArgumentException("'expireAt' must not be negative");
        }
    }

    /** Subscribes every connection of {@code user} to {@code channel}. */
    public static SubscribeRequest of(String user, String channel) {
        return new SubscribeRequest(user, channel, null, null, null, null, null, null, 0, null, null);
    }

    @Override
    public String method() {
        return "subscribe";
    }

    /** Only this connection of the user. */
    public SubscribeRequest withClient(@Nullable String client) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** Only this session of the user. */
    public SubscribeRequest withSession(@Nullable String session) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** With channel info attached to the subscription. */
    public SubscribeRequest withInfo(@Nullable Object info) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** With binary channel info, base64-encoded. */
    public SubscribeRequest withB64info(@Nullable String b64info) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** With data for the subscribe push. */
    public SubscribeRequest withData(@Nullable Object data) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** With binary data for the subscribe push, base64-encoded. */
    public SubscribeRequest withB64data(@Nullable String b64data) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** Expiring at the given Unix time in seconds (0 for never). */
    public SubscribeRequest withExpireAt(long expireAt) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** Recovering publications since a position. */
    public SubscribeRequest withRecoverSince(@Nullable StreamPosition recoverSince) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }

    /** With channel options overridden. */
    public SubscribeRequest withOverride(@Nullable SubscriptionOverride override) {
        return new SubscribeRequest(
                user, channel, client, session, info, b64info, data, b64data, expireAt, recoverSince, override);
    }
}
