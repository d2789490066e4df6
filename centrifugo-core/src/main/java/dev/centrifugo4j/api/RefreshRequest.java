package dev.centrifugo4j.api;

import org.jspecify.annotations.Nullable;

/**
 * Extends or expires a user's connections ({@code refresh}), for apps that manage connection
 * lifetime from the server.
 *
 * @param user the user ID
 * @param client only this connection of the user; {@code null} for all
 * @param session only this session of the user; {@code null} for all
 * @param expired whether to expire the connections now
 * @param expireAt the new expiry (Unix seconds); 0 to leave it
 * @param info new connection info; {@code null} to keep it
 * @param b64info new binary connection info, base64-encoded; {@code null} to keep it
 */
public record RefreshRequest(
        String user,
        @Nullable String client,
        @Nullable String session,
        boolean expired,
        long expireAt,
        @Nullable Object info,
        @Nullable String b64info)
        implements ApiCommand<Void> {

    public RefreshRequest {
        Checks.requireNonNull(user, "user");
        if (expireAt < 0) {
            throw new IllegalArgumentException("'expireAt' must not be negative");
        }
    }

    /** Refreshes every connection of {@code user} (add an expiry or {@link #withExpired}). */
    public static RefreshRequest of(String user) {
        return new RefreshRequest(user, null, null, false, 0, null, null);
    }

    @Override
    public String method() {
        return "refresh";
    }

    /** Only this connection of the user. */
    public RefreshRequest withClient(@Nullable String client) {
        return new RefreshRequest(user, client, session, expired, expireAt, info, b64info);
    }

    /** Only this session of the user. */
    public RefreshRequest withSession(@Nullable String session) {
        return new RefreshRequest(user, client, session, expired, expireAt, info, b64info);
    }

    /** Expiring the connections now. */
    public RefreshRequest withExpired(boolean expired) {
        return new RefreshRequest(user, client, session, expired, expireAt, info, b64info);
    }

    /** With a new expiry (Unix seconds). */
    public RefreshRequest withExpireAt(long expireAt) {
        return new RefreshRequest(user, client, session, expired, expireAt, info, b64info);
    }

    /** With new connection info. */
    public RefreshRequest withInfo(@Nullable Object info) {
        return new RefreshRequest(user, client, session, expired, expireAt, info, b64info);
    }

    /** With new binary connection info, base64-encoded. */
    public RefreshRequest withB64info(@Nullable String b64info) {
        return new RefreshRequest(user, client, session, expired, expireAt, info, b64info);
    }
}
