package dev.centrifugo4j.api;

import tools.jackson.databind.JsonNode;

/**
 * Who is subscribed to a channel ({@code presence}; the namespace needs {@code presence: true}).
 *
 * @param channel the channel
 */
public record PresenceRequest(String channel) implements ApiCommand<PresenceResult<JsonNode>> {

    public PresenceRequest {
        Checks.requireText(channel, "channel");
    }

    @Override
    public String method() {
        return "presence";
    }
}
