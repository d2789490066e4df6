package dev.centrifugo4j.boot.token;

import dev.centrifugo4j.token.CentrifugoTokens;
import dev.centrifugo4j.token.ConnectionClaims;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;

/**
 * What both token endpoints answer: the body with a connection token for an authenticated user, or
 * nothing for an anonymous one.
 */
final class UserTokens {

    private final CentrifugoTokens tokens;

    private final Duration ttl;

    private final List<CentrifugoTokenClaimsCustomizer> customizers;

    UserTokens(CentrifugoTokens tokens, Duration ttl, List<CentrifugoTokenClaimsCustomizer> customizers) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be positive, was " + ttl);
        }
        this.tokens = tokens;
        this.ttl = ttl;
        this.customizers = List.copyOf(customizers);
    }

    /**
     * The endpoint's JSON body, {@code {"token":"<jwt>"}}, for the user, or {@code null} when there is
     * no authenticated user (answered 401).
     */
    @Nullable
    Map<String, String> bodyFor(@Nullable Authentication authentication) {
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        ConnectionClaims claims = ConnectionClaims.of(authentication.getName()).withExpiresIn(this.ttl);
        for (CentrifugoTokenClaimsCustomizer customizer : this.customizers) {
            claims = customizer.customize(claims, authentication);
        }
        return Map.of("token", this.tokens.connectionToken(claims));
    }
}
