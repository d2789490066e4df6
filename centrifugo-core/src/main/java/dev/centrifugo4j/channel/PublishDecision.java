package dev.centrifugo4j.channel;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer of an {@link OnPublish} handler: publish as sent, publish something else, or refuse;
 * optionally with tags, without history, or with an idempotency key. A handler that returns {@code
 * null} instead of one refuses (error 403, and a warning in the log).
 *
 * <pre>{@code
 * return PublishDecision.replaceWith(message.withText(filter(message.text()))).withTags(Map.of("kind", "chat"));
 * return PublishDecision.deny();
 * }</pre>
 */
public final class PublishDecision {

    private static final PublishDecision ALLOW = new PublishDecision(null, false, null, Map.of(), false, null);

    private final @Nullable ProxyRejection rejection;

    private final boolean replaced;

    private final @Nullable Object data;

    private final Map<String, String> tags;

    private final boolean skipHistory;

    private final @Nullable String idempotencyKey;

    private PublishDecision(
            @Nullable ProxyRejection rejection,
            boolean replaced,
            @Nullable Object data,
            Map<String, String> tags,
            boolean skipHistory,
            @Nullable String idempotencyKey) {
        this.rejection = rejection;
        this.replaced = replaced;
        this.data = data;
        this.tags = Map.copyOf(tags);
        this.skipHistory = skipHistory;
        this.idempotencyKey = idempotencyKey;
    }

    /** Publishes the client's data as sent. */
    public static PublishDecision allow() {
        return ALLOW;
    }

    /** Publishes this instead of what the client sent (serialized with the application's mapper). */
    public static PublishDecision replaceWith(Object data) {
        if (data == null) {
            throw new IllegalArgumentException("'data' must not be null");
        }
        return new PublishDecision(null, true, data, Map.of(), false, null);
    }

    /** Refuses with error 403 "permission denied". */
    public static PublishDecision deny() {
        return new PublishDecision(ProxyRejection.PERMISSION_DENIED, false, null, Map.of(), false, null);
    }

    /** Refuses with an application error (code 400–1999). */
    public static PublishDecision deny(int code, String message) {
        return new PublishDecision(ProxyRejection.error(code, message, false), false, null, Map.of(), false, null);
    }

    /** Closes the connection (code 4000–4999, reason at most 32 bytes). */
    public static PublishDecision disconnect(int code, String reason) {
        return new PublishDecision(ProxyRejection.disconnect(code, reason), false, null, Map.of(), false, null);
    }

    /** Attaches tags to the publication. */
    public PublishDecision withTags(Map<String, String> tags) {
        return new PublishDecision(
                this.rejection, this.replaced, this.data, tags, this.skipHistory, this.idempotencyKey);
    }

    /** Keeps the publication out of the channel's history. */
    public PublishDecision skipHistory() {
        return new PublishDecision(this.rejection, this.replaced, this.data, this.tags, true, this.idempotencyKey);
    }

    /** Sets an idempotency key: Centrifugo drops a repeated publication with the same key. */
    public PublishDecision withIdempotencyKey(String key) {
        return new PublishDecision(this.rejection, this.replaced, this.data, this.tags, this.skipHistory, key);
    }

    /** The rejection, or {@code null} when allowed. */
    public @Nullable ProxyRejection rejection() {
        return this.rejection;
    }

    /** Whether the published data replaces what the client sent. */
    public boolean replaced() {
        return this.replaced;
    }

    public @Nullable Object data() {
        return this.data;
    }

    public Map<String, String> tags() {
        return this.tags;
    }

    public boolean isSkipHistory() {
        return this.skipHistory;
    }

    public @Nullable String idempotencyKey() {
        return this.idempotencyKey;
    }
}
