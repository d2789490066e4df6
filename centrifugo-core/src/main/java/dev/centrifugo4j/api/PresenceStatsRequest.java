package dev.centrifugo4j.api;

/**
 * How many clients and users are subscribed to a channel ({@code presence_stats}).
 *
 * @param channel the channel
 */
public record PresenceStatsRequest(String channel) implements ApiCommand<PresenceStats> {

    public PresenceStatsRequest {
        Checks.requireText(channel, "channel");
    }

    @Override
    public String method() {
        return "presence_stats";
    }
}
