package dev.centrifugo4j.token;

import dev.centrifugo4j.api.SubscriptionOverride;
import org.jspecify.annotations.Nullable;

/**
 * A server-side subscription granted in a connection token's {@code subs} claim.
 *
 * @param info channel info for the subscription; {@code null} for none
 * @param b64info binary channel info, base64-encoded; {@code null} for none
 * @param data data sent to the client on subscribe; {@code null} for none
 * @param b64data binary data sent on subscribe, base64-encoded; {@code null} for none
 * @param override channel options overridden for this subscription; {@code null} for none
 */
public record ServerSubscription(
        @Nullable Object info,
        @Nullable String b64info,
        @Nullable Object data,
        @Nullable String b64data,
        @Nullable SubscriptionOverride override) {

    /** A subscription with nothing attached. */
    public static ServerSubscription plain() {
        return new ServerSubscription(null, null, null, null, null);
    }

    public ServerSubscription withInfo(@Nullable Object info) {
        return new ServerSubscription(info, b64info, data, b64data, override);
    }

    public ServerSubscription withData(@Nullable Object data) {
        return new ServerSubscription(info, b64info, data, b64data, override);
    }

    public ServerSubscription withOverride(@Nullable SubscriptionOverride override) {
        return new ServerSubscription(info, b64info, data, b64data, override);
    }
}
