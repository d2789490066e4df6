package dev.centrifugo4j.token;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The claims of a connection token: every claim Centrifugo reads. {@code iat} is always set from the
 * issuer's clock; {@code exp} is now + {@code expiresIn}.
 *
 * <pre>{@code
 * String jwt = tokens.connectionToken(ConnectionClaims.of("42")
 *         .withExpiresIn(Duration.ofHours(1))
 *         .withInfo(Map.of("name", "Alice"))
 *         .withChannels(List.of("personal:42")));
 * }</pre>
 *
 * @param subject the user ID ({@code sub}); empty for an anonymous connection
 * @param expiresIn how long the token is valid ({@code exp}); {@code null} for a token that never
 *     expires, which {@link CentrifugoTokens#connectionToken(ConnectionClaims)} refuses (see {@link
 *     CentrifugoTokens#insecureConnectionTokenWithoutExpiry})
 * @param notBefore when the token becomes valid ({@code nbf}); {@code null} for at once
 * @param jwtId a unique token ID ({@code jti}); {@code null} for none
 * @param audience {@code aud}, checked when Centrifugo's {@code client.token.audience} is set
 * @param issuer {@code iss}, checked when Centrifugo's {@code client.token.issuer} is set; {@code
 *     null} for the issuer's default
 * @param info connection info, visible to other clients in presence and publications
 * @param b64info binary connection info, base64-encoded
 * @param channels channels the connection is subscribed to from the server side
 * @param subs server-side subscriptions with options (take precedence over {@code channels})
 * @param meta data for proxies only, never sent to clients
 * @param expireAt when the connection expires (Unix seconds), instead of {@code exp}; 0 for never;
 *     {@code null} to follow {@code exp}
 */
public record ConnectionClaims(
        String subject,
        @Nullable Duration expiresIn,
        @Nullable Instant notBefore,
        @Nullable String jwtId,
        List<String> audience,
        @Nullable String issuer,
        @Nullable Object info,
        @Nullable String b64info,
        List<String> channels,
        Map<String, ServerSubscription> subs,
        @Nullable Object meta,
        @Nullable Long expireAt) {

    public ConnectionClaims {
        if (subject == null) {
            throw new IllegalArgumentException("'subject' must not be null (empty for anonymous)");
        }
        if (expiresIn != null && (expiresIn.isNegative() || expiresIn.isZero())) {
            throw new IllegalArgumentException("'expiresIn' must be positive, was " + expiresIn);
        }
        audience = List.copyOf(audience);
        channels = List.copyOf(channels);
        subs = Map.copyOf(subs);
        if (expireAt != null && expireAt < 0) {
            throw new IllegalArgumentException("'expireAt' must not be negative");
        }
    }

    /**
     * Claims for {@code user}, with no expiry yet: set one with {@link #withExpiresIn}, without which
     * {@link CentrifugoTokens#connectionToken(ConnectionClaims)} refuses to sign them.
     */
    public static ConnectionClaims of(String user) {
        return new ConnectionClaims(
                user, null, null, null, List.of(), null, null, null, List.of(), Map.of(), null, null);
    }

    public ConnectionClaims withExpiresIn(@Nullable Duration expiresIn) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withNotBefore(@Nullable Instant notBefore) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withJwtId(@Nullable String jwtId) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withAudience(String... audience) {
        return new ConnectionClaims(
                subject,
                expiresIn,
                notBefore,
                jwtId,
                List.of(audience),
                issuer,
                info,
                b64info,
                channels,
                subs,
                meta,
                expireAt);
    }

    public ConnectionClaims withIssuer(@Nullable String issuer) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withInfo(@Nullable Object info) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withB64info(@Nullable String b64info) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withChannels(List<String> channels) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withSubs(Map<String, ServerSubscription> subs) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withMeta(@Nullable Object meta) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }

    public ConnectionClaims withExpireAt(@Nullable Long expireAt) {
        return new ConnectionClaims(
                subject, expiresIn, notBefore, jwtId, audience, issuer, info, b64info, channels, subs, meta, expireAt);
    }
}
