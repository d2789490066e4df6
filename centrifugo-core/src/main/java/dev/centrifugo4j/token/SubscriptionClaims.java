package dev.centrifugo4j.token;

import dev.centrifugo4j.api.SubscriptionOverride;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The claims of a subscription token, which lets a connection into one channel (required for
 * {@code $}-private channels).
 *
 * <pre>{@code
 * String jwt = tokens.subscriptionToken(SubscriptionClaims.of("42", "$secret:room1")
 *         .withExpiresIn(Duration.ofMinutes(10)));
 * }</pre>
 *
 * @param subject the user ID ({@code sub}); must equal the connection's user (empty for anonymous)
 * @param channel the channel ({@code channel})
 * @param client only this connection may use the token ({@code client}); {@code null} for any
 * @param expiresIn how long the token is valid ({@code exp}); {@code null} for never
 * @param jwtId a unique token ID ({@code jti})
 * @param audience {@code aud}
 * @param issuer {@code iss}; {@code null} for the issuer's default
 * @param info channel info for the subscription
 * @param b64info binary channel info, base64-encoded
 * @param data data sent to the client on subscribe
 * @param b64data binary data sent on subscribe, base64-encoded
 * @param override channel options overridden for this subscription
 * @param expireAt when the subscription expires (Unix seconds), instead of {@code exp}; 0 for
 *     never; {@code null} to follow {@code exp}
 */
public record SubscriptionClaims(
        String subject,
        String channel,
        @Nullable String client,
        @Nullable Duration expiresIn,
        @Nullable String jwtId,
        List<String> audience,
        @Nullable String issuer,
        @Nullable Object info,
        @Nullable String b64info,
        @Nullable Object data,
        @Nullable String b64data,
        @Nullable SubscriptionOverride override,
        @Nullable Long expireAt) {

    public SubscriptionClaims {
        if (subject == null) {
            throw new IllegalArgumentException("'subject' must not be null (empty for anonymous)");
        }
        if (channel == null || channel.isBlank()) {
            throw new IllegalArgumentException("'channel' must not be empty");
        }
        if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero())) {
            throw new IllegalArgumentException("'expiresIn' must be positive, was " + expiresIn);
        }
        audience = List.copyOf(audience);
        if (expireAt != null && expireAt < 0) {
            throw new IllegalArgumentException("'expireAt' must not be negative");
        }
    }

    /** Claims letting {@code user} into {@code channel}, with no expiry yet. */
    public static SubscriptionClaims of(String user, String channel) {
        return new SubscriptionClaims(
                user, channel, null, null, null, List.of(), null, null, null, null, null, null, null);
    }

    public SubscriptionClaims withClient(@Nullable String client) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withExpiresIn(@Nullable Duration expiresIn) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withJwtId(@Nullable String jwtId) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withAudience(String... audience) {
        return new SubscriptionClaims(
                subject,
                channel,
                client,
                expiresIn,
                jwtId,
                List.of(audience),
                issuer,
                info,
                b64info,
                data,
                b64data,
                override,
                expireAt);
    }

    public SubscriptionClaims withIssuer(@Nullable String issuer) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withInfo(@Nullable Object info) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withB64info(@Nullable String b64info) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withData(@Nullable Object data) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withB64data(@Nullable String b64data) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withOverride(@Nullable SubscriptionOverride override) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }

    public SubscriptionClaims withExpireAt(@Nullable Long expireAt) {
        return new SubscriptionClaims(
                subject, channel, client, expiresIn, jwtId, audience, issuer, info, b64info, data, b64data, override,
                expireAt);
    }
}
