package dev.centrifugo4j.boot.security;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;

/**
 * Customizes the Spring Security filter chain of the proxy endpoints, for example to authenticate
 * forwarded bearer tokens:
 *
 * <pre>{@code
 * @Bean
 * CentrifugoProxySecurityCustomizer bearerTokens() {
 *     return (http) -> http.oauth2ResourceServer((oauth2) -> oauth2.jwt(Customizer.withDefaults()));
 * }
 * }</pre>
 */
@FunctionalInterface
public interface CentrifugoProxySecurityCustomizer {

    /**
     * Customizes the chain.
     *
     * @param http the chain's builder
     * @throws Exception when Spring Security's configurers do
     */
    void customize(HttpSecurity http) throws Exception;
}
