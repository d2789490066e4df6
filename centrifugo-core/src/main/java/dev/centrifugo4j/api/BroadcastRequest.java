package dev.centrifugo4j.api;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The same publication into several channels ({@code broadcast}). Each channel succeeds or fails
 * on its own: see {@link BroadcastResult}.
 *
 * @param channels the channels, at least one
 * @param data the payload; {@code null} when {@code b64data} is set
 * @param b64data a binary payload, base64-encoded; {@code null} when {@code data} is set
 * @param skipHistory whether to leave the publications out of the channels' history
 * @param tags string tags delivered with the publications
 * @param idempotencyKey a key by which Centrifugo drops repeats; also what makes the publisher
 *     retry it
 * @param delta whether to send deltas to subscribers that asked for them
 * @param version a version for the publications; 0 for none
 * @param versionEpoch the epoch of {@code version}; {@code null} for none
 */
public record BroadcastRequest(
        List<String> channels,
        @Nullable Object data,
        @Nullable String b64data,
        boolean skipHistory,
        Map<String, String> tags,
        @Nullable String idempotencyKey,
        boolean delta,
        long version,
        @Nullable String versionEpoch)
        implements ApiCommand<BroadcastResult> {

    public BroadcastRequest {
        channels = List.copyOf(Checks.requireNotEmpty(channels, "channels"));
        channels.forEach(channel -> Checks.requireText(channel, "channels[]"));
        if ((data == null) == (b64data == null)) {
            throw new IllegalArgumentException("exactly one of 'data' and 'b64data' must be set");
        }
        tags = Map.copyOf(Checks.requireNonNull(tags, "tags"));
        if (version < 0) {
            throw new IllegalArgumentException("'version' must not be negative");
        }
    }

    /** A broadcast of {@code data} into {@code channels}. */
    public static BroadcastRequest of(List<String> channels, Object data) {
        return new BroadcastRequest(
                channels, Checks.requireNonNull(data, "data"), null, false, Map.of(), null, false, 0, null);
    }

    /** A broadcast of binary data (sent base64-encoded as {@code b64data}). */
    public static BroadcastRequest binary(List<String> channels, byte[] data) {
        String encoded = Base64.getEncoder().encodeToString(Checks.requireNonNull(data, "data"));
        return new BroadcastRequest(channels, null, encoded, false, Map.of(), null, false, 0, null);
    }

    @Override
    public String method() {
        return "broadcast";
    }

    /** This broadcast, kept out of the channels' history. */
    public BroadcastRequest withSkipHistory(boolean skipHistory) {
        return new BroadcastRequest(
                channels, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This broadcast with tags. */
    public BroadcastRequest withTags(Map<String, String> tags) {
        return new BroadcastRequest(
                channels, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This broadcast with an idempotency key, which also makes it safe to retry. */
    public BroadcastRequest withIdempotencyKey(@Nullable String idempotencyKey) {
        return new BroadcastRequest(
                channels, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This broadcast, sent as deltas to subscribers that asked for them. */
    public BroadcastRequest withDelta(boolean delta) {
        return new BroadcastRequest(
                channels, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This broadcast with a version (and its epoch, or {@code null}). */
    public BroadcastRequest withVersion(long version, @Nullable String versionEpoch) {
        return new BroadcastRequest(
                channels, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }
}
