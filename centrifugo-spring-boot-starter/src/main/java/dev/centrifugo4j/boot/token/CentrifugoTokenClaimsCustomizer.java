package dev.centrifugo4j.boot.token;

import dev.centrifugo4j.token.ConnectionClaims;
import org.springframework.security.core.Authentication;

/**
 * Adds claims to the connection tokens the token endpoint issues, for example the user's name as
 * {@code info} or server-side channels.
 *
 * <pre>{@code
 * @Bean
 * CentrifugoTokenClaimsCustomizer personalChannel() {
 *     return (claims, auth) -> claims.withChannels(List.of("personal:" + auth.getName()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CentrifugoTokenClaimsCustomizer {

    /**
     * Returns the claims to issue.
     *
     * @param claims the claims so far (subject = the user's name, expiry = {@code centrifugo.token.ttl})
     * @param authentication the authenticated user
     * @return the claims to issue
     */
    ConnectionClaims customize(ConnectionClaims claims, Authentication authentication);
}
