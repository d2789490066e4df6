package dev.centrifugo4j.api;

import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A publication into one channel ({@code publish}).
 *
 * <pre>{@code
 * publisher.publish(PublishRequest.of("chat:room1", new Message("hi"))
 *         .withIdempotencyKey("order-42-shipped")
 *         .withTags(Map.of("kind", "status")));
 * }</pre>
 *
 * @param channel the channel
 * @param data the payload, any object the publisher's JSON mapper can write; {@code null} when
 *     {@code b64data} is set
 * @param b64data a binary payload, base64-encoded; {@code null} when {@code data} is set
 * @param skipHistory whether to leave the publication out of the channel's history
 * @param tags string tags delivered with the publication
 * @param idempotencyKey a key by which Centrifugo drops repeats of this publication for about 5
 *     minutes; also what makes the publisher retry it
 * @param delta whether to send it as a delta against the previous publication (needs the
 *     namespace's {@code allowed_delta_types})
 * @param version a version for the publication (history channels); Centrifugo drops
 *     publications whose version is not newer; 0 for none
 * @param versionEpoch the epoch of {@code version}, to reset versions; {@code null} for none
 */
public record PublishRequest(
        String channel,
        @Nullable Object data,
        @Nullable String b64data,
        boolean skipHistory,
        Map<String, String> tags,
        @Nullable String idempotencyKey,
        boolean delta,
        long version,
        @Nullable String versionEpoch)
        implements ApiCommand<PublishResult> {

    public PublishRequest {
        Checks.requireText(channel, "channel");
        if ((data == null) == (b64data == null)) {
            throw new IllegalArgumentException("exactly one of 'data' and 'b64data' must be set");
        }
        tags = Map.copyOf(Checks.requireNonNull(tags, "tags"));
        if (version < 0) {
            throw new IllegalArgumentException("'version' must not be negative");
        }
    }

    /** A publication of {@code data} (written with the publisher's JSON mapper) into {@code channel}. */
    public static PublishRequest of(String channel, Object data) {
        return new PublishRequest(
                channel, Checks.requireNonNull(data, "data"), null, false, Map.of(), null, false, 0, null);
    }

    /** A publication of binary data (sent base64-encoded as {@code b64data}). */
    public static PublishRequest binary(String channel, byte[] data) {
        String encoded = Base64.getEncoder().encodeToString(Checks.requireNonNull(data, "data"));
        return new PublishRequest(channel, null, encoded, false, Map.of(), null, false, 0, null);
    }

    @Override
    public String method() {
        return "publish";
    }

    /** This publication, kept out of the channel's history. */
    public PublishRequest withSkipHistory(boolean skipHistory) {
        return new PublishRequest(
                channel, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This publication with tags. */
    public PublishRequest withTags(Map<String, String> tags) {
        return new PublishRequest(
                channel, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This publication with an idempotency key, which also makes it safe to retry. */
    public PublishRequest withIdempotencyKey(@Nullable String idempotencyKey) {
        return new PublishRequest(
                channel, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This publication, sent as a delta (fossil) to subscribers that asked for deltas. */
    public PublishRequest withDelta(boolean delta) {
        return new PublishRequest(
                channel, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }

    /** This publication with a version (and its epoch, or {@code null}). */
    public PublishRequest withVersion(long version, @Nullable String versionEpoch) {
        return new PublishRequest(
                channel, data, b64data, skipHistory, tags, idempotencyKey, delta, version, versionEpoch);
    }
}
