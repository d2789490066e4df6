package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.token.CentrifugoTokenClaimsCustomizer;
import dev.centrifugo4j.boot.token.ReactiveTokenEndpointHandler;
import dev.centrifugo4j.token.CentrifugoTokens;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.reactive.function.server.RequestPredicates;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * The token endpoint of {@link CentrifugoTokenAutoConfiguration} in a reactive (WebFlux)
 * application: the same path, method and answers as in a servlet one.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
@ConditionalOnClass({Authentication.class, RouterFunction.class})
@ConditionalOnBooleanProperty("centrifugo.token.endpoint.enabled")
class ReactiveTokenEndpointConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ReactiveTokenEndpointHandler centrifugoTokenEndpointHandler(
            CentrifugoProperties properties,
            ObjectProvider<CentrifugoTokens> tokens,
            ObjectProvider<CentrifugoTokenClaimsCustomizer> customizers) {
        return new ReactiveTokenEndpointHandler(
                CentrifugoTokenAutoConfiguration.endpointTokens(tokens),
                CentrifugoTokenAutoConfiguration.ttl(properties.getToken()),
                customizers.orderedStream().toList());
    }

    @Bean
    @ConditionalOnMissingBean(name = "centrifugoTokenEndpointRoute")
    RouterFunction<ServerResponse> centrifugoTokenEndpointRoute(
            CentrifugoProperties properties, ReactiveTokenEndpointHandler handler) {
        String path = properties.getToken().getEndpoint().getPath();
        // POST only, for the reason the servlet route gives.
        return RouterFunctions.route()
                .POST(path, handler)
                .route(
                        RequestPredicates.path(path),
                        request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                                .allow(HttpMethod.POST)
                                .build())
                .build();
    }
}
