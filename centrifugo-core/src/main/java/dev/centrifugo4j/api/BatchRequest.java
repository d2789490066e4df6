package dev.centrifugo4j.api;

import java.util.List;

/**
 * Several commands in one HTTP request ({@code batch}). Each command succeeds or fails on its own:
 * see {@link BatchResult}.
 *
 * <pre>{@code
 * BatchResult result = publisher.batch(BatchRequest.of(
 *         PublishRequest.of("chat:1", a), PublishRequest.of("chat:2", b), new PresenceStatsRequest("chat:1")));
 * }</pre>
 *
 * @param commands the commands, at least one
 * @param parallel whether Centrifugo may run them concurrently (replies keep the order either way)
 */
public record BatchRequest(List<ApiCommand<?>> commands, boolean parallel) {

    public BatchRequest {
        commands = List.copyOf(Checks.requireNotEmpty(commands, "commands"));
    }

    /** The commands, run one after the other. */
    public static BatchRequest of(ApiCommand<?>... commands) {
        return new BatchRequest(List.of(commands), false);
    }

    /** The commands, run one after the other. */
    public static BatchRequest of(List<? extends ApiCommand<?>> commands) {
        return new BatchRequest(List.copyOf(commands), false);
    }

    /** These commands, run concurrently when {@code parallel}. */
    public BatchRequest withParallel(boolean parallel) {
        return new BatchRequest(commands, parallel);
    }
}
