package dev.centrifugo4j.api;

import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A publication from a channel's history.
 *
 * @param data the payload; {@code null} for a binary publication
 * @param b64data the binary payload, base64-encoded; {@code null} for a JSON publication
 * @param offset its offset in the history stream
 * @param tags its tags
 * @param info who published it (for client-side publications); {@code null} for the server API
 * @param <T> the type the payload is read as
 */
public record Publication<T>(
        @Nullable T data,
        @Nullable String b64data,
        long offset,
        Map<String, String> tags,
        @Nullable ClientInfo<JsonNode> info) {

    public Publication {
        tags = Map.copyOf(Checks.requireNonNull(tags, "tags"));
    }

    /** This publication with its payload converted. */
    public <U> Publication<U> map(Function<? super T, ? extends U> mapper) {
        return new Publication<>(data == null ? null : mapper.apply(data), b64data, offset, tags, info);
    }
}
