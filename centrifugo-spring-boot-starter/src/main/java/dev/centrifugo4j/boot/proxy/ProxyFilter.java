package dev.centrifugo4j.boot.proxy;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.observation.ServerRequestObservationContext;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * Serves the proxy endpoints as the last filter in front of the application's servlets: a POST to
 * one of the proxy paths is answered here and goes no further; every other request passes on
 * untouched. The filters before it (Spring Security, which puts the forwarded user into the
 * request's principal; the HTTP server observation, which continues Centrifugo's trace; the
 * application's own) see proxy requests as they see every other request, while the {@code
 * DispatcherServlet} with its handler mapping, message converters and async re-dispatch does not
 * take part: the shortest path the servlet container offers. Because it is a filter, the same path
 * serves MockMvc tests.
 *
 * <p>Each path is served with and without its trailing slash, below the {@code DispatcherServlet}'s
 * path ({@code spring.mvc.servlet.path}) as Spring MVC endpoints are, so that the request reaches
 * a servlet and its filters. Another method than POST on a proxy path gets 405.
 */
public final class ProxyFilter implements Filter {

    /** Path within the application (both spellings) to its endpoint. */
    private final Map<String, Route> routes;

    /**
     * Creates the filter.
     *
     * @param prefix the {@code DispatcherServlet}'s path prefix ({@code ""} when it serves {@code /})
     * @param endpoints each proxy path (as configured, with or without a trailing slash) and its endpoint
     */
    public ProxyFilter(String prefix, Map<String, ProxyEndpoint> endpoints) {
        Map<String, Route> routes = new HashMap<>();
        endpoints.forEach((path, endpoint) -> {
            String trimmed = prefix + withoutTrailingSlash(path);
            Route route = new Route(trimmed + "/", endpoint);
            if (routes.put(trimmed, route) != null || routes.put(trimmed + "/", route) != null) {
                throw new IllegalArgumentException(
                        "Two Centrifugo proxies share the path '" + trimmed + "': give each proxy its own path");
            }
        });
        this.routes = Map.copyOf(routes);
    }

    /**
     * The URL patterns to register the filter for: each path with and without its trailing slash.
     *
     * @param prefix the {@code DispatcherServlet}'s path prefix ({@code ""} when it serves {@code /})
     * @param paths the proxy paths as configured
     * @return the exact-match patterns
     */
    public static List<String> urlPatterns(String prefix, Iterable<String> paths) {
        List<String> patterns = new ArrayList<>();
        for (String path : paths) {
            String trimmed = prefix + withoutTrailingSlash(path);
            patterns.add(trimmed);
            patterns.add(trimmed + "/");
        }
        return patterns;
    }

    /**
     * The path with a leading slash and without trailing ones ({@code /} stays as it is).
     *
     * @param path a path as configured
     * @return the normalized path
     */
    public static String withoutTrailingSlash(String path) {
        String trimmed = path.strip();
        while (trimmed.length() > 1 && trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
    }

    /** The proxy paths this filter serves, each with its proxy's name, in path order. */
    public Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        this.routes.entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .forEach((entry) ->
                        paths.put(entry.getKey(), entry.getValue().endpoint.proxy()));
        return paths;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            Route route = route(http);
            if (route != null) {
                if (!"POST".equals(http.getMethod())) {
                    httpResponse.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                    httpResponse.setHeader("Allow", "POST");
                    httpResponse.setContentLength(0);
                    return;
                }
                if (http.getAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE)
                        instanceof ServerRequestObservationContext observed) {
                    // The HTTP server metric's uri tag: the proxy path, as a handler mapping would set it.
                    observed.setPathPattern(route.pattern);
                }
                route.endpoint.serve(http, httpResponse);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private @Nullable Route route(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (!contextPath.isEmpty()) {
            if (!uri.startsWith(contextPath)) {
                return null;
            }
            uri = uri.substring(contextPath.length());
        }
        return this.routes.get(uri);
    }

    private record Route(String pattern, ProxyEndpoint endpoint) {}
}
