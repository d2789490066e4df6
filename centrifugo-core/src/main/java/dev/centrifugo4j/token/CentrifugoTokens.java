package dev.centrifugo4j.token;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Issues connection tokens (JWT) that Centrifugo verifies with its {@code
 * client.token.hmac_secret_key}. Centrifugo uses the secret's raw string bytes as the HMAC key.
 *
 * <pre>{@code
 * CentrifugoTokens tokens = CentrifugoTokens.hmac(secret);
 * String jwt = tokens.connectionToken("42", Duration.ofHours(1));
 * }</pre>
 */
public final class CentrifugoTokens {

    private final Algorithm algorithm;

    private final Clock clock;

    private CentrifugoTokens(Algorithm algorithm, Clock clock) {
        this.algorithm = algorithm;
        this.clock = clock;
    }

    /**
     * Tokens signed with HS256.
     *
     * @param secret the same value as Centrifugo's {@code client.token.hmac_secret_key}
     * @return the issuer
     */
    public static CentrifugoTokens hmac(String secret) {
        return hmac(secret, Clock.systemUTC());
    }

    /**
     * Tokens signed with HS256, timed by the given clock.
     *
     * @param secret the same value as Centrifugo's {@code client.token.hmac_secret_key}
     * @param clock the clock for {@code iat} and {@code exp}
     * @return the issuer
     */
    public static CentrifugoTokens hmac(String secret, Clock clock) {
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("'secret' must not be empty");
        }
        if (clock == null) {
            throw new IllegalArgumentException("'clock' must not be null");
        }
        return new CentrifugoTokens(Algorithm.HMAC256(secret.getBytes(StandardCharsets.UTF_8)), clock);
    }

    /**
     * A connection token for a user.
     *
     * @param user the user ID ({@code sub}); empty for an anonymous connection
     * @param ttl how long the token is valid ({@code exp} = now + ttl)
     * @return the signed JWT
     */
    public String connectionToken(String user, Duration ttl) {
        if (user == null) {
            throw new IllegalArgumentException("'user' must not be null");
        }
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be positive");
        }
        Instant now = this.clock.instant();
        return JWT.create()
                .withSubject(user)
                .withIssuedAt(now)
                .withExpiresAt(now.plus(ttl))
                .sign(this.algorithm);
    }
}
