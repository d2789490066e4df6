package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.proxy.ProxyPaths;
import dev.centrifugo4j.boot.proxy.ProxyWebFilter;
import dev.centrifugo4j.boot.security.CentrifugoReactiveProxySecurityCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import reactor.core.publisher.Mono;

/**
 * Spring Security for the proxy endpoints on WebFlux: a {@link SecurityWebFilterChain} for the
 * proxy paths (matched by {@link ProxyPaths}, as {@link ProxyWebFilter} matches them) without CSRF,
 * login pages and saved requests, in which every request may pass (the shared secret guards the
 * endpoints, and the forwarded session cookie or bearer token becomes the exchange's principal).
 * {@link CentrifugoReactiveProxySecurityCustomizer} beans adjust it.
 *
 * <p>Spring Security for WebFlux makes its own default chain only when the application has no
 * {@code SecurityWebFilterChain} at all: with this one there, an application that defines none gets
 * that default (every exchange authenticated, HTTP Basic and a login form) from here, for every
 * other path.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({SecurityWebFilterChain.class, ServerHttpSecurity.class, ProxyWebFilter.class})
@ConditionalOnBooleanProperty(name = "centrifugo.proxy.security-filter-chain", matchIfMissing = true)
class ReactiveProxySecurityConfiguration {

    /**
     * Spring Security's default chain for every other path, when the application has no chain of its
     * own (evaluated before the proxy chain is registered: nested configurations come first).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean({ServerHttpSecurity.class, ProxyPaths.class})
    @ConditionalOnMissingBean(SecurityWebFilterChain.class)
    static class DefaultChainConfiguration {

        @Bean
        @Order(Ordered.LOWEST_PRECEDENCE)
        SecurityWebFilterChain centrifugoDefaultSecurityWebFilterChain(ServerHttpSecurity http) {
            http.authorizeExchange((exchanges) -> exchanges.anyExchange().authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }
    }

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 100)
    @ConditionalOnBean({ServerHttpSecurity.class, ProxyPaths.class})
    SecurityWebFilterChain centrifugoProxySecurityWebFilterChain(
            ServerHttpSecurity http,
            ProxyPaths paths,
            ObjectProvider<CentrifugoReactiveProxySecurityCustomizer> customizers) {
        http.securityMatcher(new ProxyPathsExchangeMatcher(paths))
                .authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
                // Centrifugo is not a browser: no CSRF token, no login page, no saved requests.
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .requestCache((cache) -> cache.requestCache(NoOpServerRequestCache.getInstance()));
        customizers.orderedStream().forEach((customizer) -> customizer.customize(http));
        return http.build();
    }

    /**
     * The exchanges {@link ProxyWebFilter} serves, matched by the filter's own {@link ProxyPaths}:
     * the chain and the filter cannot disagree on which request is a proxy request.
     */
    private record ProxyPathsExchangeMatcher(ProxyPaths paths) implements ServerWebExchangeMatcher {

        @Override
        public Mono<MatchResult> matches(org.springframework.web.server.ServerWebExchange exchange) {
            return (ProxyWebFilter.proxy(this.paths, exchange.getRequest()) != null)
                    ? MatchResult.match()
                    : MatchResult.notMatch();
        }

        @Override
        public String toString() {
            return "Centrifugo " + this.paths;
        }
    }
}
