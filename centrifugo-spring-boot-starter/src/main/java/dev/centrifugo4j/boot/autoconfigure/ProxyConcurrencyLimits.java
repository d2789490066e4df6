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
 * server's request threads; and {@code max-calls} for all of them together, by default three
 * quarters of the request threads.
 *
 * <p>Threads are what a synchronous handler that hangs takes away from the others: with a quarter
 * each, it takes at most a quarter, and the other handlers keep answering; with three quarters for
 * all of them, hanging handlers leave a quarter of the threads to the application's other requests
 * (health probes, its own pages) and to answering the calls they refuse, which would otherwise wait
 * for a thread until Centrifugo's timeout. Asynchronous handlers hold no request thread, but what
 * they wait for (a connection pool, a remote service) is as scarce, and a stuck dependency would
 * otherwise pile up their calls without bound: they get the same limits, and so does everything with
 * virtual threads, counted against Boot's default of 200 request threads. On WebFlux synchronous
 * handlers run on a pool of their own, of as many threads.
 */
final class ProxyConcurrencyLimits implements ConcurrencyLimits {

    /** Boot's default of server.tomcat.threads.max and server.jetty.threads.max. */
    static final int DEFAULT_REQUEST_THREADS = 200;

    /** The share of the request threads that one handler may hold by default. */
    static final int DEFAULT_SHARE_DIVISOR = 4;

    private final CentrifugoProperties.Proxy.Concurrency properties;

    private final int defaultLimit;

    private final int defaultTotal;

    private final String defaultReason;

    private ProxyConcurrencyLimits(
            CentrifugoProperties.Proxy.Concurrency properties,
            int defaultLimit,
            int defaultTotal,
            String defaultReason) {
        this.properties = properties;
        this.defaultLimit = defaultLimit;
        this.defaultTotal = defaultTotal;
        this.defaultReason = defaultReason;
    }

    /**
     * The limits of the application's proxies.
     *
     * @param properties the starter's properties
     * @param environment where the web server's thread settings are
     * @param reactive whether the application is a WebFlux one, whose synchronous handlers run on
     *     {@link #blockingThreads threads of their own} rather than the web server's
     * @return the limits
     */
    static ProxyConcurrencyLimits of(CentrifugoProperties properties, Environment environment, boolean reactive) {
        CentrifugoProperties.Proxy.Concurrency concurrency =
                properties.getProxy().getConcurrency();
        check("centrifugo.proxy.concurrency.max-calls", concurrency.getMaxCalls());
        check("centrifugo.proxy.concurrency.max-calls-per-handler", concurrency.getMaxCallsPerHandler());
        check("centrifugo.proxy.concurrency.connect", concurrency.getConnect());
        check("centrifugo.proxy.concurrency.refresh", concurrency.getRefresh());
        checkAll("centrifugo.proxy.concurrency.rpc", concurrency.getRpc());
        checkAll("centrifugo.proxy.concurrency.subscribe", concurrency.getSubscribe());
        checkAll("centrifugo.proxy.concurrency.publish", concurrency.getPublish());
        checkAll("centrifugo.proxy.concurrency.sub-refresh", concurrency.getSubRefresh());
        int threads;
        String reason;
        if (Threading.VIRTUAL.isActive(environment)) {
            threads = DEFAULT_REQUEST_THREADS;
            reason = "virtual threads: as for Boot's default of " + threads + " request threads";
        } else if (reactive) {
            threads = DEFAULT_REQUEST_THREADS;
            reason = "of the " + threads + " threads that run synchronous handlers on WebFlux";
        } else {
            String server = webServer();
            // The environment resolves relaxed names (SERVER_TOMCAT_THREADS_MAX) as a Binder would,
            // without building one.
            threads = (server != null)
                    ? environment.getProperty(
                            "server." + server + ".threads.max", Integer.class, DEFAULT_REQUEST_THREADS)
                    : DEFAULT_REQUEST_THREADS;
            reason = "of the " + threads + " request threads"
                    + ((server != null) ? " (server." + server + ".threads.max)" : "");
        }
        int limit = Math.max(1, threads / DEFAULT_SHARE_DIVISOR);
        int total = Math.max(1, (int) (threads * 3L / DEFAULT_SHARE_DIVISOR));
        return new ProxyConcurrencyLimits(concurrency, limit, total, reason);
    }

    /**
     * How many threads run synchronous handlers on WebFlux (without virtual threads): as many as
     * Boot's default of request threads, on which the default limits are counted, or as many as
     * {@code centrifugo.proxy.concurrency.max-calls} lets run at once when that is more, so that no
     * call the limits admit is refused for want of a thread.
     */
    static int blockingThreads(CentrifugoProperties properties) {
        Integer total = properties.getProxy().getConcurrency().getMaxCalls();
        return (total != null && total > DEFAULT_REQUEST_THREADS) ? total : DEFAULT_REQUEST_THREADS;
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
        return (each != null) ? each : this.defaultLimit;
    }

    @Override
    public int maxTotalCalls() {
        Integer total = this.properties.getMaxCalls();
        return (total != null) ? total : this.defaultTotal;
    }

    /** The limits and how they were chosen, for the start-up log. */
    String describe() {
        Integer total = this.properties.getMaxCalls();
        Integer each = this.properties.getMaxCallsPerHandler();
        String all = (total != null)
                ? ((total == 0) ? "no limit" : Integer.toString(total)) + " (centrifugo.proxy.concurrency.max-calls)"
                : this.defaultTotal + " (three quarters " + this.defaultReason + ")";
        String handler = (each != null)
                ? ((each == 0) ? "no limit" : Integer.toString(each))
                        + " (centrifugo.proxy.concurrency.max-calls-per-handler)"
                : this.defaultLimit + " (a quarter " + this.defaultReason + ")";
        return "in all " + all + ", per handler " + handler;
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
