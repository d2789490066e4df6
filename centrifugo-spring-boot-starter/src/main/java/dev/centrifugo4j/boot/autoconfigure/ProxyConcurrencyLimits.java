package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.proxy.ConcurrencyLimits;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * The concurrency limits of the proxy handlers from {@code centrifugo.proxy.concurrency.*}: a
 * handler's own entry, else {@code max-calls-per-handler}, else the default, a quarter of the web
 * server's request threads for synchronous handlers. Threads are what a handler that hangs takes
 * away from the others: with a quarter each, it takes at most a quarter, and the other handlers keep
 * answering. Asynchronous handlers hold no request thread while they run and get no default limit;
 * nor does anything with virtual threads, where threads are not scarce.
 */
final class ProxyConcurrencyLimits implements ConcurrencyLimits {

    /** Boot's default of server.tomcat.threads.max and server.jetty.threads.max. */
    static final int DEFAULT_REQUEST_THREADS = 200;

    /** The share of the request threads that one synchronous handler may hold by default. */
    static final int DEFAULT_SHARE_DIVISOR = 4;

    private final CentrifugoProperties.Proxy.Concurrency properties;

    private final int defaultLimit;

    private final String defaultReason;

    private ProxyConcurrencyLimits(
            CentrifugoProperties.Proxy.Concurrency properties, int defaultLimit, String defaultReason) {
        this.properties = properties;
        this.defaultLimit = defaultLimit;
        this.defaultReason = defaultReason;
    }

    static ProxyConcurrencyLimits of(CentrifugoProperties properties, Environment environment) {
        CentrifugoProperties.Proxy.Concurrency concurrency =
                properties.getProxy().getConcurrency();
        check("centrifugo.proxy.concurrency.max-calls-per-handler", concurrency.getMaxCallsPerHandler());
        check("centrifugo.proxy.concurrency.connect", concurrency.getConnect());
        check("centrifugo.proxy.concurrency.refresh", concurrency.getRefresh());
        checkAll("centrifugo.proxy.concurrency.rpc", concurrency.getRpc());
        checkAll("centrifugo.proxy.concurrency.subscribe", concurrency.getSubscribe());
        checkAll("centrifugo.proxy.concurrency.publish", concurrency.getPublish());
        checkAll("centrifugo.proxy.concurrency.sub-refresh", concurrency.getSubRefresh());
        if (Threading.VIRTUAL.isActive(environment)) {
            return new ProxyConcurrencyLimits(concurrency, 0, "virtual threads: no default limit");
        }
        String server = webServer();
        // The environment resolves relaxed names (SERVER_TOMCAT_THREADS_MAX) as a Binder would,
        // without building one.
        int threads = (server != null)
                ? environment.getProperty("server." + server + ".threads.max", Integer.class, DEFAULT_REQUEST_THREADS)
                : DEFAULT_REQUEST_THREADS;
        int limit = Math.max(1, threads / DEFAULT_SHARE_DIVISOR);
        String reason = "a quarter of the " + threads + " request threads"
                + ((server != null) ? " (server." + server + ".threads.max)" : "");
        return new ProxyConcurrencyLimits(concurrency, limit, reason);
    }

    private static @Nullable String webServer() {
        ClassLoader classLoader = ProxyConcurrencyLimits.class.getClassLoader();
        if (ClassUtils.isPresent("org.apache.catalina.startup.Tomcat", classLoader)) {
            return "tomcat";
        }
        if (ClassUtils.isPresent("org.eclipse.jetty.server.Server", classLoader)) {
            return "jetty";
        }
        return null;
    }

    @Override
    public int maxConcurrentCalls(String proxy, String handler, boolean async) {
        Integer own = switch (proxy) {
            case "rpc" -> this.properties.getRpc().get(handler);
            case "subscribe" -> this.properties.getSubscribe().get(handler);
            case "publish" -> this.properties.getPublish().get(handler);
            case "sub_refresh" -> this.properties.getSubRefresh().get(handler);
            case "connect" -> this.properties.getConnect();
            case "refresh" -> this.properties.getRefresh();
            default -> null;
        };
        if (own != null) {
            return own;
        }
        Integer each = this.properties.getMaxCallsPerHandler();
        if (each != null) {
            return each;
        }
        return async ? 0 : this.defaultLimit;
    }

    /** How the default was chosen, for the start-up log. */
    String describeDefault() {
        Integer each = this.properties.getMaxCallsPerHandler();
        if (each != null) {
            return (each == 0)
                    ? "no limit (centrifugo.proxy.concurrency.max-calls-per-handler=0)"
                    : each + " calls at once";
        }
        if (this.defaultLimit == 0) {
            return "no limit (" + this.defaultReason + ")";
        }
        return this.defaultLimit + " calls at once for synchronous handlers (" + this.defaultReason
                + "), no limit for asynchronous ones";
    }

    /**
     * Fails when a per-handler entry names no handler: a misspelt name would otherwise leave the
     * handler at the default without a word.
     */
    static void checkNames(String property, Map<String, Integer> limits, Collection<String> handlers) {
        Set<String> unknown = new TreeSet<>(limits.keySet());
        unknown.removeAll(handlers);
        if (!unknown.isEmpty()) {
            throw new InvalidCentrifugoPropertyException(
                    property,
                    "it names " + unknown + ", but no such handler exists",
                    "Use the names of the served handlers " + new TreeSet<>(handlers)
                            + ", in brackets when they hold dots or colons (" + property
                            + "[chat:{room}]=8), or remove the entries.",
                    null);
        }
    }

    private static void check(String property, @Nullable Integer limit) {
        if (limit != null && limit < 0) {
            throw new InvalidCentrifugoPropertyException(
                    property,
                    "it is negative (" + limit + ")",
                    "Set 0 for no limit, or a positive number of calls.",
                    null);
        }
    }

    private static void checkAll(String property, Map<String, Integer> limits) {
        limits.forEach((handler, limit) -> check(property + "[" + handler + "]", limit));
    }
}
