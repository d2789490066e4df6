package dev.centrifugo4j.api;

import org.jspecify.annotations.Nullable;

/**
 * Unsubscribes a user from a channel ({@code unsubscribe}).
 *
 * @param user the user ID
 * @param channel the channel
 * @param client only this connection of the user; {@code null} for all
 * @param session only this session of the user; {@code null} for all
 */
public record UnsubscribeRequest(
        String user,
        String channel,
        @Nullable String client,
        @Nullable String session) implements ApiCommand<Void> {

    public UnsubscribeRequest {
        Checks.requireNonNull(user, "user");
        Checks.requireText(channel, "channel");
    }

    /** Unsubscribes every connection of {@code user} from {@code channel}. */
    public static UnsubscribeRequest of(String user, String channel) {
        return new UnsubscribeRequest(user, channel, null, null);
    }

    @Override
    public String method() {
        return "unsubscribe";
    }

    /** Only this connection of the user. */
    public UnsubscribeRequest withClient(@Nullable String client) {
        return new UnsubscribeRequest(user, channel, client, session);
    }

    /** Only this session of the user. */
    public UnsubscribeRequest withSession(@Nullable String session) {
        return new UnsubscribeRequest(user, channel, client, session);
    }
}
