package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyType;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * a servlet and its filters. Which request is a proxy request is decided by {@link ProxyPaths}, the
 * same decision the starter's Spring Security filter chain makes; another spelling that the servlet
 * container maps onto a proxy path ({@code //}, {@code /..;/}) is refused with 400. Another method
 * than POST on a proxy path gets 405.
 */
public final class ProxyFilter implements Filter {

    private static final Logger logger = LoggerFactory.getLogger(ProxyFilter.class);

    private final ProxyPaths paths;

    private final Map<ProxyType, ProxyEndpoint> endpoints;

    /**
     * Creates the filter.
     *
     * @param paths the paths of the proxies, as the starter's Spring Security filter chain matches them too
     * @param endpoints the endpoint of each proxy in {@code paths}
     * @throws IllegalArgumentException when a proxy of {@code paths} has no endpoint
     */
    public ProxyFilter(ProxyPaths paths, Map<ProxyType, ProxyEndpoint> endpoints) {
        this.paths = paths;
        this.endpoints = paths.endpointsOfEach(endpoints);
    }

    /** The proxy paths this filter serves, each with its proxy's name, in path order. */
    public Map<String, String> paths() {
        return this.paths.paths();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && response instanceof HttpServletResponse httpResponse) {
            ProxyType proxy = proxy(this.paths, http);
            if (proxy != null) {
                if (!"POST".equals(http.getMethod())) {
                    httpResponse.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                    httpResponse.setHeader("Allow", "POST");
                    httpResponse.setContentLength(0);
                    return;
                }
                if (http.getAttribute(ServerHttpObservationFilter.CURRENT_OBSERVATION_CONTEXT_ATTRIBUTE)
                        instanceof ServerRequestObservationContext observed) {
                    // The HTTP server metric's uri tag: the proxy path, as a handler mapping would set it.
                    observed.setPathPattern(this.paths.pattern(proxy));
                }
                this.endpoints.get(proxy).serve(http, httpResponse);
                return;
            }
            if (isAliasOfAProxyPath(this.paths, http)) {
                // The container maps another spelling (//, dot segments, path parameters) onto a proxy path:
                // refused, as Spring Security's StrictHttpFirewall refuses it, rather than passed on.
                logger.debug("Refused a request for '{}', another spelling of a proxy path", http.getRequestURI());
                httpResponse.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                httpResponse.setContentLength(0);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The proxy a servlet request asks, by its path within the application.
     *
     * @param paths the proxy paths
     * @param request the request
     * @return the proxy, or {@code null} when the request is not a proxy request
     */
    public static @Nullable ProxyType proxy(ProxyPaths paths, HttpServletRequest request) {
        return paths.proxy(pathWithinApplication(request));
    }

    /**
     * Whether a servlet request that is not a proxy request reaches a proxy path by the container's
     * own normalization (see {@link ProxyPaths#isAliasOfAProxyPath}).
     *
     * @param paths the proxy paths
     * @param request the request
     * @return whether it is such an alias
     */
    static boolean isAliasOfAProxyPath(ProxyPaths paths, HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String mapped = (pathInfo != null) ? servletPath + pathInfo : servletPath;
        return paths.isAliasOfAProxyPath(mapped, pathWithinApplication(request));
    }

    private static @Nullable String pathWithinApplication(HttpServletRequest request) {
        String uri = request.getRequestURI();
        String contextPath = request.getContextPath();
        if (contextPath.isEmpty()) {
            return uri;
        }
        return uri.startsWith(contextPath) ? uri.substring(contextPath.length()) : null;
    }
}
