package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyType;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.util.StringUtils;

/**
 * Which request is a proxy request: the one answer that {@link ProxyFilter} (which serves it) and
 * the starter's Spring Security filter chain (which decides what it may do) both ask, so that they
 * can never disagree.
 *
 * <p>A request is a proxy request when its path within the application (the request URI without
 * the context path) is a proxy path, with or without its trailing slash, compared as Spring's
 * {@code PathPattern} compares it, and so as Spring Security's {@code PathPatternRequestMatcher}
 * and Spring MVC do: segment by segment, each with its path parameters ({@code ;x=1}) removed and
 * then percent-decoded, case-sensitively. A segment that decodes to a slash ({@code %2F}), an empty
 * segment ({@code //}) or a dot segment ({@code .}, {@code ..}) never matches. The usual spelling
 * is found with one map look-up and no allocation.
 *
 * <p>The servlet container normalizes more: it maps {@code /centrifugo//rpc/} and {@code
 * /foo/..;/centrifugo/rpc/} to {@code /centrifugo/rpc/}. {@link #isAliasOfAProxyPath} tells such
 * requests apart, and the servlet filter refuses them (400), as Spring Security's {@code StrictHttpFirewall}
 * does: they reach neither a handler nor the rest of the application.
 */
public final class ProxyPaths {

    /** Path within the application (both spellings) to the proxy served there. */
    private final Map<String, ProxyType> proxies;

    /** The proxy's path as configured, with its trailing slash: the HTTP metrics' {@code uri} tag. */
    private final Map<ProxyType, String> patterns;

    private ProxyPaths(Map<String, ProxyType> proxies, Map<ProxyType, String> patterns) {
        this.proxies = proxies;
        this.patterns = patterns;
    }

    /**
     * The paths of some proxies.
     *
     * @param prefix the {@code DispatcherServlet}'s path prefix ({@code ""} when it serves {@code /})
     * @param paths each served proxy and its path as configured (with or without a trailing slash)
     * @return the paths
     * @throws IllegalArgumentException when a path is not usable (see {@link #normalize}) or two
     *     proxies share one
     */
    public static ProxyPaths of(String prefix, Map<ProxyType, String> paths) {
        Map<String, ProxyType> proxies = new HashMap<>();
        Map<ProxyType, String> patterns = new EnumMap<>(ProxyType.class);
        paths.forEach((proxy, path) -> {
            String trimmed = prefix + normalize(path);
            ProxyType other = proxies.put(trimmed, proxy);
            proxies.put(trimmed + "/", proxy);
            if (other != null) {
                throw new IllegalArgumentException("The " + other.proxyName() + " and " + proxy.proxyName()
                        + " proxies share the path '" + trimmed + "': give each proxy its own path");
            }
            patterns.put(proxy, trimmed + "/");
        });
        return new ProxyPaths(Map.copyOf(proxies), patterns);
    }

    /**
     * A configured proxy path with a leading slash and without trailing ones.
     *
     * @param path a path as configured
     * @return the normalized path
     * @throws IllegalArgumentException when it is the root, or has an empty or dot segment or a
     *     character that a request would have to encode ({@code %}, {@code ;}, {@code ?}, {@code #},
     *     a backslash, a space, a control character) or a wildcard: no request could reach it as
     *     written, or two spellings would
     */
    public static String normalize(String path) {
        String trimmed = path.strip();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.startsWith("/")) {
            trimmed = "/" + trimmed;
        }
        if (trimmed.equals("/")) {
            throw new IllegalArgumentException("'" + path + "' is the root: give the proxy a path of its own");
        }
        for (int i = 0; i < trimmed.length(); i++) {
            char c = trimmed.charAt(i);
            if (c <= ' ' || c == 0x7f || "%;?#\\*{}".indexOf(c) >= 0) {
                throw new IllegalArgumentException("'" + path + "' holds '" + c
                        + "', which a request would have to encode: use letters, digits, '-', '_', '.' and '/'");
            }
        }
        for (String segment : trimmed.substring(1).split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new IllegalArgumentException(
                        "'" + path + "' has an empty or dot segment: write the path as requests will spell it");
            }
        }
        return trimmed;
    }

    /**
     * The proxy a request asks, by its path.
     *
     * @param path the request's path within the application (without the context path, raw: not
     *     decoded), {@code null} when it is outside the application
     * @return the proxy, or {@code null} when the path is not a proxy path
     */
    public @Nullable ProxyType proxy(@Nullable String path) {
        if (path == null) {
            return null;
        }
        ProxyType proxy = this.proxies.get(path);
        if (proxy != null || (path.indexOf('%') < 0 && path.indexOf(';') < 0)) {
            return proxy;
        }
        String decoded = decode(path);
        return (decoded != null) ? this.proxies.get(decoded) : null;
    }

    /**
     * Whether a request that is not a proxy request by {@link #proxy} reaches a proxy path by the
     * servlet container's own normalization (its servlet path and path info, which merge {@code
     * //}, resolve dot segments and drop path parameters): another spelling of a proxy path that
     * must not go on to the rest of the application.
     *
     * @param mappedPath the path as the container mapped it (servlet path and path info)
     * @param path the request's raw path within the application
     * @return whether it is such an alias
     */
    public boolean isAliasOfAProxyPath(String mappedPath, @Nullable String path) {
        return this.proxies.containsKey(mappedPath) && proxy(path) == null;
    }

    /** The URL patterns to register the filter for: each path with and without its trailing slash. */
    public List<String> urlPatterns() {
        return new ArrayList<>(new TreeMap<>(this.proxies).keySet());
    }

    /**
     * The path of a proxy with its trailing slash, as configured (below the servlet path).
     *
     * @param proxy the proxy
     * @return its path, or {@code null} when it is not served
     */
    public @Nullable String pattern(ProxyType proxy) {
        return this.patterns.get(proxy);
    }

    /**
     * The endpoints of the served proxies, checked to serve each of them.
     *
     * @param endpoints an endpoint per proxy (of either web stack)
     * @param <E> the endpoint type
     * @return a copy of {@code endpoints}
     * @throws IllegalArgumentException when a proxy of these paths has no endpoint
     */
    <E> Map<ProxyType, E> endpointsOfEach(Map<ProxyType, E> endpoints) {
        for (ProxyType proxy : proxies()) {
            if (!endpoints.containsKey(proxy)) {
                throw new IllegalArgumentException("No endpoint serves the " + proxy.proxyName() + " proxy");
            }
        }
        return new EnumMap<>(endpoints);
    }

    /** The proxies served. */
    public java.util.Set<ProxyType> proxies() {
        return this.patterns.keySet();
    }

    /** Each path (both spellings) and its proxy's name, in path order. */
    public Map<String, String> paths() {
        Map<String, String> paths = new LinkedHashMap<>();
        new TreeMap<>(this.proxies).forEach((path, proxy) -> paths.put(path, proxy.proxyName()));
        return paths;
    }

    @Override
    public String toString() {
        return "ProxyPaths " + this.patterns.values();
    }

    /**
     * The path with each segment's parameters removed and the rest percent-decoded, as {@code
     * PathContainer} reads it; {@code null} when a segment cannot be decoded or decodes to a slash.
     */
    private static @Nullable String decode(String path) {
        StringBuilder decoded = new StringBuilder(path.length());
        int start = 0;
        while (start <= path.length()) {
            int end = path.indexOf('/', start);
            if (end < 0) {
                end = path.length();
            }
            String segment = path.substring(start, end);
            int parameters = segment.indexOf(';');
            if (parameters >= 0) {
                segment = segment.substring(0, parameters);
            }
            String value;
            try {
                value = StringUtils.uriDecode(segment, StandardCharsets.UTF_8);
            } catch (IllegalArgumentException ex) {
                return null;
            }
            if (value.indexOf('/') >= 0 || (value.isEmpty() && end > start)) {
                // A slash inside a segment, or a segment of parameters only (/rpc/;x): never a proxy path.
                return null;
            }
            if (start > 0) {
                decoded.append('/');
            }
            decoded.append(value);
            start = end + 1;
        }
        return decoded.toString();
    }
}
