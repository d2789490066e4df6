package dev.centrifugo4j.boot.token;

import dev.centrifugo4j.token.CentrifugoTokens;
import dev.centrifugo4j.token.ConnectionClaims;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers {@code {"token":"<jwt>"}} with a connection token for the authenticated Spring Security
 * user (subject = {@link Authentication#getName()}), or HTTP 401 for anonymous requests. The
 * centrifuge-js {@code getToken} callback can fetch it directly, with a {@code POST} (the only
 * method the auto-configured route serves) that carries the CSRF token when the application uses
 * sessions.
 */
public final class TokenEndpointHandler implements HandlerFunction<ServerResponse> {

    private final CentrifugoTokens tokens;

    private final Duration ttl;

    private final List<CentrifugoTokenClaimsCustomizer> customizers;

    /**
     * Creates the handler.
     *
     * @param tokens signs the tokens
     * @param ttl how long issued tokens are valid, positive
     * @param customizers add claims, in order
     */
    public TokenEndpointHandler(
            CentrifugoTokens tokens, Duration ttl, List<CentrifugoTokenClaimsCustomizer> customizers) {
        if (ttl == null || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("'ttl' must be positive, was " + ttl);
        }
        this.tokens = tokens;
        this.ttl = ttl;
        this.customizers = List.copyOf(customizers);
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        ConnectionClaims claims = ConnectionClaims.of(authentication.getName()).withExpiresIn(this.ttl);
        for (CentrifugoTokenClaimsCustomizer customizer : this.customizers) {
            claims = customizer.customize(claims, authentication);
        }
        return ServerResponse.ok()
                .header("Cache-Control", "no-store")
                .body(Map.of("token", this.tokens.connectionToken(claims)));
    }
}
