package dev.centrifugo4j.boot.token;

import dev.centrifugo4j.token.CentrifugoTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Answers {@code {"token":"<jwt>"}} with a connection token for the authenticated Spring Security
 * user (subject = {@link Authentication#getName()}), or HTTP 401 for anonymous requests, in a
 * servlet application ({@link ReactiveTokenEndpointHandler} in a reactive one). The centrifuge-js
 * {@code getToken} callback can fetch it directly, with a {@code POST} (the only method the
 * auto-configured route serves) that carries the CSRF token when the application uses sessions.
 */
public final class TokenEndpointHandler implements HandlerFunction<ServerResponse> {

    private final UserTokens tokens;

    /**
     * Creates the handler.
     *
     * @param tokens signs the tokens
     * @param ttl how long issued tokens are valid, positive
     * @param customizers add claims, in order
     */
    public TokenEndpointHandler(
            CentrifugoTokens tokens, Duration ttl, List<CentrifugoTokenClaimsCustomizer> customizers) {
        this.tokens = new UserTokens(tokens, ttl, customizers);
    }

    @Override
    public ServerResponse handle(ServerRequest request) {
        Map<String, String> body =
                this.tokens.bodyFor(SecurityContextHolder.getContext().getAuthentication());
        if (body == null) {
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        return ServerResponse.ok().header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
