package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyType;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Serves the proxy endpoints on WebFlux as the last web filter, the analogue of {@link
 * ProxyFilter}: a POST to one of the proxy paths is answered here and goes no further; every other
 * request passes on untouched. The filters before it (Spring Security's {@code WebFilterChainProxy},
 * which puts the forwarded user into the exchange's principal, and the application's own) see proxy
 * requests as they see every other request, while the {@code DispatcherHandler} with its handler
 * mappings and message codecs does not take part. Because it is a filter, the same path serves
 * {@code WebTestClient} tests.
 *
 * <p>Which request is a proxy request is decided by {@link ProxyPaths} on the path within the
 * application ({@code spring.webflux.base-path} removed), as the starter's Spring Security chain for
 * WebFlux decides it. Another method than POST on a proxy path gets 405.
 */
public final class ProxyWebFilter implements WebFilter, Ordered {

    private final ProxyPaths paths;

    private final Map<ProxyType, ReactiveProxyEndpoint> endpoints;

    /**
     * Creates the filter.
     *
     * @param paths the paths of the proxies
     * @param endpoints the endpoint of each proxy in {@code paths}
     * @throws IllegalArgumentException when a proxy of {@code paths} has no endpoint
     */
    public ProxyWebFilter(ProxyPaths paths, Map<ProxyType, ReactiveProxyEndpoint> endpoints) {
        this.paths = paths;
        this.endpoints = paths.endpointsOfEach(endpoints);
    }

    /** The proxy paths this filter serves, each with its proxy's name, in path order. */
    public Map<String, String> paths() {
        return this.paths.paths();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ProxyType proxy = proxy(this.paths, exchange.getRequest());
        if (proxy == null) {
            return chain.filter(exchange);
        }
        if (exchange.getRequest().getMethod() != HttpMethod.POST) {
            ServerHttpResponse response = exchange.getResponse();
            response.setStatusCode(HttpStatus.METHOD_NOT_ALLOWED);
            response.getHeaders().set(HttpHeaders.ALLOW, "POST");
            response.getHeaders().setContentLength(0);
            return response.setComplete();
        }
        return this.endpoints.get(proxy).serve(exchange);
    }

    /**
     * The proxy a WebFlux request asks, by its path within the application.
     *
     * @param paths the proxy paths
     * @param request the request
     * @return the proxy, or {@code null} when the request is not a proxy request
     */
    public static @Nullable ProxyType proxy(ProxyPaths paths, ServerHttpRequest request) {
        return paths.proxy(request.getPath().pathWithinApplication().value());
    }

    /** After every other web filter, as the servlet filter runs after every other filter. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
