package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.proxy.ProxyFilter;
import dev.centrifugo4j.boot.proxy.ProxyPaths;
import dev.centrifugo4j.boot.proxy.ReactivePrincipalScope;
import dev.centrifugo4j.boot.security.CentrifugoProxySecurityCustomizer;
import dev.centrifugo4j.boot.security.SpringSecurityConnectHandler;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.proxy.ProxyExceptionTranslator;
import dev.centrifugo4j.proxy.ProxyReply;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Spring Security for the proxy endpoints: the connection's identity comes from the user's session
 * or bearer token (forwarded by Centrifugo), {@code @PreAuthorize} on handlers answers error 403
 * instead of 500, and the proxy paths get a filter chain without CSRF and login redirects: a
 * {@code SecurityFilterChain} on servlets, a {@code SecurityWebFilterChain} on WebFlux ({@link
 * ReactiveProxySecurityConfiguration}).
 *
 * <p>Runs after Spring Boot's own web security, so that Boot's default filter chain is still created
 * when the application defines none: this chain only matches the proxy paths.
 */
@AutoConfiguration(
        after = CentrifugoAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.reactive.ReactiveManagementWebSecurityAutoConfiguration"
        })
@ConditionalOnClass({AccessDeniedException.class, RpcDispatcher.class})
@Conditional(CentrifugoSecurityAutoConfiguration.OnWebSecurityCondition.class)
@Import(ReactiveProxySecurityConfiguration.class)
public final class CentrifugoSecurityAutoConfiguration {

    @Bean
    ProxyExceptionTranslator centrifugoSecurityExceptionTranslator() {
        return (exception) -> {
            if (exception instanceof AccessDeniedException) {
                return ProxyReply.error(403, "permission denied", false);
            }
            if (exception instanceof AuthenticationException) {
                return ProxyReply.error(401, "unauthorized", false);
            }
            return null;
        };
    }

    @Bean
    @ConditionalOnMissingBean({ConnectHandler.class, RefreshHandler.class})
    SpringSecurityConnectHandler centrifugoSpringSecurityConnectHandler(CentrifugoProperties properties) {
        CentrifugoProperties.Connect connect = properties.getConnect();
        return new SpringSecurityConnectHandler(
                expireAfter(connect),
                connect.isAnonymous(),
                connect.getUnauthenticated() == CentrifugoProperties.Connect.Refusal.DISCONNECT,
                Clock.systemUTC());
    }

    /** The connections' lifetime between refreshes; {@code null} (from 0) when they never expire. */
    private static @Nullable Duration expireAfter(CentrifugoProperties.Connect connect) {
        Duration expireAfter = connect.getExpireAfter();
        if (expireAfter != null && expireAfter.isNegative()) {
            throw new InvalidCentrifugoPropertyException(
                    "centrifugo.connect.expire-after",
                    "it is " + expireAfter + ", a negative duration",
                    "Set 'centrifugo.connect.expire-after' to how long a connection lives before the refresh proxy"
                            + " checks the user's session again (15m by default), or to 0 for connections that never"
                            + " expire.",
                    null);
        }
        return (expireAfter == null || expireAfter.isZero()) ? null : expireAfter;
    }

    /** The chain of the proxy paths on servlets ({@link ProxyFilter}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({SecurityFilterChain.class, HttpSecurity.class, ProxyFilter.class})
    static class ServletProxySecurityConfiguration {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 100)
        @ConditionalOnBean({HttpSecurity.class, ProxyPaths.class})
        @ConditionalOnBooleanProperty(name = "centrifugo.proxy.security-filter-chain", matchIfMissing = true)
        SecurityFilterChain centrifugoProxySecurityFilterChain(
                HttpSecurity http, ProxyPaths paths, ObjectProvider<CentrifugoProxySecurityCustomizer> customizers)
                throws Exception {
            http.securityMatcher(new ProxyPathsRequestMatcher(paths))
                    .authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
                    // Centrifugo is not a browser: no CSRF token, no login page, no saved requests.
                    .csrf((csrf) -> csrf.disable())
                    .requestCache((cache) -> cache.disable())
                    .sessionManagement((sessions) -> sessions.sessionCreationPolicy(SessionCreationPolicy.NEVER));
            for (CentrifugoProxySecurityCustomizer customizer :
                    customizers.orderedStream().toList()) {
                customizer.customize(http);
            }
            return http.build();
        }
    }

    /**
     * {@code @PreAuthorize} on handlers on WebFlux: the exchange's authentication is put into {@code
     * SecurityContextHolder} while a call is dispatched (an asynchronous handler is invoked then),
     * and the executor of blocking handlers carries it over to the thread that runs them.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
    @ConditionalOnClass({ReactivePrincipalScope.class, DelegatingSecurityContextExecutor.class})
    static class ReactiveSecurityContextConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ReactivePrincipalScope centrifugoSecurityContextScope() {
            return (principal) -> {
                if (!(principal instanceof Authentication authentication)) {
                    return ReactivePrincipalScope.Scope.EMPTY;
                }
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(authentication);
                SecurityContextHolder.setContext(context);
                // An event loop thread holds no context between calls.
                return SecurityContextHolder::clearContext;
            };
        }

        @Bean
        static BeanPostProcessor centrifugoSecurityContextExecutorPostProcessor() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String beanName) {
                    if (CentrifugoAutoConfiguration.ProxyEndpointConfiguration.BLOCKING_HANDLER_EXECUTOR.equals(
                                    beanName)
                            && bean instanceof Executor executor
                            && !(bean instanceof DelegatingSecurityContextExecutor)) {
                        return new DelegatingSecurityContextExecutor(executor);
                    }
                    return bean;
                }
            };
        }
    }

    /** Spring Security's web support for the application's stack: servlet filter chains, or WebFlux ones. */
    static final class OnWebSecurityCondition extends AnyNestedCondition {

        OnWebSecurityCondition() {
            super(ConfigurationPhase.PARSE_CONFIGURATION);
        }

        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
        @ConditionalOnClass(name = "org.springframework.security.web.SecurityFilterChain")
        static class ServletSecurity {}

        @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
        @ConditionalOnClass(name = "org.springframework.security.web.server.SecurityWebFilterChain")
        static class ReactiveSecurity {}
    }

    /**
     * The requests {@link ProxyFilter} serves, matched by the filter's own {@link ProxyPaths}: the
     * chain and the filter cannot disagree on which request is a proxy request.
     */
    private record ProxyPathsRequestMatcher(ProxyPaths paths) implements RequestMatcher {

        @Override
        public boolean matches(HttpServletRequest request) {
            return ProxyFilter.proxy(this.paths, request) != null;
        }

        @Override
        public String toString() {
            return "Centrifugo " + this.paths;
        }
    }
}
