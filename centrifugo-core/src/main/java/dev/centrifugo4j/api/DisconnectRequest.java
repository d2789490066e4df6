package dev.centrifugo4j.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Closes a user's connections ({@code disconnect}).
 *
 * @param user the user ID
 * @param client only this connection of the user; {@code null} for all
 * @param session only this session of the user; {@code null} for all
 * @param whitelist client IDs to keep connected
 * @param disconnect the close code and reason; {@code null} for Centrifugo's default (3503, no
 *     reconnect)
 */
public record DisconnectRequest(
        String user,
        @Nullable String client,
        @Nullable String session,
        List<String> whitelist,
        @Nullable Disconnect disconnect)
        implements ApiCommand<Void> {

    public DisconnectRequest {
        Checks.requireNonNull(user, "user");
        whitelist = List.copyOf(Checks.requireNonNull(whitelist, "whitelist"));
    }

    /** Closes every connection of {@code user}. */
    public static DisconnectRequest of(String user) {
        return new DisconnectRequest(user, null, null, List.of(), null);
    }

    @Override
    public String method() {
        return "disconnect";
    }

    /** Only this connection of the user. */
    public DisconnectRequest withClient(@Nullable String client) {
        return new DisconnectRequest(user, client, session, whitelist, disconnect);
    }

    /** Only this session of the user. */
    public DisconnectRequest withSession(@Nullable String session) {
        return new DisconnectRequest(user, client, session, whitelist, disconnect);
    }

    /** Keeping these client IDs connected. */
    public DisconnectRequest withWhitelist(List<String> whitelist) {
        return new DisconnectRequest(user, client, session, whitelist, disconnect);
    }

    /** With this close code and reason. */
    public DisconnectRequest withDisconnect(int code, String reason) {
        return new DisconnectRequest(user, client, session, whitelist, new Disconnect(code, reason));
    }
}
