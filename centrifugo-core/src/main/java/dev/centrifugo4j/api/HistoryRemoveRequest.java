package dev.centrifugo4j.api;

/**
 * Removes a channel's history ({@code history_remove}).
 *
 * @param channel the channel
 */
public record HistoryRemoveRequest(String channel) implements ApiCommand<Void> {

    public HistoryRemoveRequest {
        Checks.requireText(channel, "channel");
    }

    @Override
    public String method() {
        return "history_remove";
    }
}
