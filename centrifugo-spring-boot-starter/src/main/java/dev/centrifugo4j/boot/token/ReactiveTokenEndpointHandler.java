package dev.centrifugo4j.boot.token;

import dev.centrifugo4j.token.CentrifugoTokens;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;

/**
 * The token endpoint of a reactive (WebFlux) application: answers {@code {"token":"<jwt>"}} with a
 * connection token for the user of the request's {@link ReactiveSecurityContextHolder security
 * context} (subject = {@link Authentication#getName()}), or HTTP 401 for anonymous requests, as
 * {@link TokenEndpointHandler} does in a servlet application.
 */
public final class ReactiveTokenEndpointHandler implements HandlerFunction<ServerResponse> {

    private final UserTokens tokens;

    /**
     * Creates the handler.
     *
     * @param tokens signs the tokens
     * @param ttl how long issued tokens are valid, positive
     * @param customizers add claims, in order
     */
    public ReactiveTokenEndpointHandler(
            CentrifugoTokens tokens, Duration ttl, List<CentrifugoTokenClaimsCustomizer> customizers) {
        this.tokens = new UserTokens(tokens, ttl, customizers);
    }

    @Override
    public Mono<ServerResponse> handle(ServerRequest request) {
        // Signing is CPU only (microseconds for HMAC and EC, about a millisecond for RSA), no I/O: it stays
        // on the event loop.
        return ReactiveSecurityContextHolder.getContext()
                .mapNotNull(SecurityContext::getAuthentication)
                .mapNotNull(this.tokens::bodyFor)
                .flatMap(body -> ServerResponse.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .bodyValue(body))
                .switchIfEmpty(Mono.defer(
                        () -> ServerResponse.status(HttpStatus.UNAUTHORIZED).build()));
    }
}
