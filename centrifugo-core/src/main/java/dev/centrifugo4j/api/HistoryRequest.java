package dev.centrifugo4j.api;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Publications from a channel's history ({@code history}; the namespace needs {@code
 * history_size} and {@code history_ttl}).
 *
 * <pre>{@code
 * HistoryResult<Message> last10 = publisher.history(
 *         HistoryRequest.of("chat:room1").withLimit(10).withReverse(true), Message.class);
 * }</pre>
 *
 * @param channel the channel
 * @param limit how many publications: 0 for only the stream position, -1 for all Centrifugo keeps
 * @param since return publications after this position; {@code null} for the start (or end when
 *     reversed)
 * @param reverse whether to return the newest first
 */
public record HistoryRequest(
        String channel, int limit, @Nullable StreamPosition since, boolean reverse)
        implements ApiCommand<HistoryResult<JsonNode>> {

    /** {@link #limit} value for every publication Centrifugo keeps. */
    public static final int ALL = -1;

    public HistoryRequest {
        Checks.requireText(channel, "channel");
        if (limit < -1) {
            throw new IllegalArgumentException("'limit' must be -1 (all), 0 (position only) or positive");
        }
    }

    /** Every publication of {@code channel} that Centrifugo keeps, oldest first. */
    public static HistoryRequest of(String channel) {
        return new HistoryRequest(channel, ALL, null, false);
    }

    @Override
    public String method() {
        return "history";
    }

    /** At most {@code limit} publications (0: only the stream position; -1: all). */
    public HistoryRequest withLimit(int limit) {
        return new HistoryRequest(channel, limit, since, reverse);
    }

    /** Publications after {@code since}. */
    public HistoryRequest withSince(@Nullable StreamPosition since) {
        return new HistoryRequest(channel, limit, since, reverse);
    }

    /** Newest first when {@code true}. */
    public HistoryRequest withReverse(boolean reverse) {
        return new HistoryRequest(channel, limit, since, reverse);
    }
}
