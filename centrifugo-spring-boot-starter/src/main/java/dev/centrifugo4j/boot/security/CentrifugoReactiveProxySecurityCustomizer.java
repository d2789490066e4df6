package dev.centrifugo4j.boot.security;

import org.springframework.security.config.web.server.ServerHttpSecurity;

/**
 * Customizes the Spring Security chain of the proxy endpoints on WebFlux (the analogue of {@link
 * CentrifugoProxySecurityCustomizer}), for example to authenticate forwarded bearer tokens:
 *
 * <pre>{@code
 * @Bean
 * CentrifugoReactiveProxySecurityCustomizer bearerTokens() {
 *     return (http) -> http.oauth2ResourceServer((oauth2) -> oauth2.jwt(Customizer.withDefaults()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CentrifugoReactiveProxySecurityCustomizer {

    /**
     * Customizes the chain.
     *
     * @param http the chain's builder
     */
    void customize(ServerHttpSecurity http);
}
