package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.proxy.ProxyReply;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bulkhead of one handler: at most {@link #limit()} of its calls run at once; one more is
 * refused without waiting (the dispatcher answers it with a temporary failure). Entering takes a
 * permit with a non-blocking {@code tryAcquire} and allocates nothing. A refusal is counted ({@link
 * #rejected()}, for metrics) and logged at WARN, at most once every ten seconds per handler with the
 * number refused meanwhile, since a handler at its limit is usually a handler that hangs.
 *
 * <p>Created by the dispatchers from their {@link ConcurrencyLimits}; thread-safe.
 */
public final class Bulkhead {

    private static final Logger logger = LoggerFactory.getLogger(Bulkhead.class);

    private static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);

    private final String proxy;

    private final String handler;

    private final int limit;

    /** What the warnings call it: "RPC method 'x'", "All proxy handlers together", ... */
    private final String description;

    private final Semaphore permits;

    private final LongAdder rejected = new LongAdder();

    private final WarningThrottle warnings = WarningThrottle.every(WARNING_INTERVAL);

    private Bulkhead(String proxy, String handler, int limit, String description) {
        this.proxy = proxy;
        this.handler = handler;
        this.limit = limit;
        this.description = description;
        this.permits = new Semaphore(limit);
    }

    /**
     * The bulkhead of a handler, or {@code null} when its limit is {@code 0} (no limit).
     *
     * @param proxy the proxy the handler serves ({@code rpc}, {@code subscribe}, ...)
     * @param handler the RPC method or channel pattern; the proxy's name for connect and refresh
     * @param async whether the handler is asynchronous
     * @param limits the limits to ask
     * @return the bulkhead, or {@code null}
     * @throws IllegalStateException when the limit is negative
     */
    public static @Nullable Bulkhead of(String proxy, String handler, boolean async, ConcurrencyLimits limits) {
        int limit = limits.maxConcurrentCalls(proxy, handler, async);
        if (limit < 0) {
            throw new IllegalStateException(
                    "The concurrency limit of " + describe(proxy, handler) + " must not be negative, but was " + limit);
        }
        return (limit > 0) ? new Bulkhead(proxy, handler, limit, describe(proxy, handler)) : null;
    }

    /** The {@link #proxy()} and {@link #handler()} of the bulkhead of all handlers together. */
    public static final String ALL = "all";

    /**
     * The bulkhead of all handlers of all proxies together, or {@code null} when its limit is
     * {@code 0} (no limit); its {@link #proxy()} and {@link #handler()} are {@value #ALL}.
     *
     * @param limits the limits to ask ({@link ConcurrencyLimits#maxTotalCalls()})
     * @return the bulkhead, or {@code null}
     * @throws IllegalStateException when the limit is negative
     */
    public static @Nullable Bulkhead total(ConcurrencyLimits limits) {
        int limit = limits.maxTotalCalls();
        if (limit < 0) {
            throw new IllegalStateException(
                    "The concurrency limit of all proxy calls together must not be negative, but was " + limit);
        }
        return (limit > 0) ? new Bulkhead(ALL, ALL, limit, "All proxy handlers together") : null;
    }

    /**
     * Takes a permit if one is free, without waiting. Every {@code true} must be followed by exactly
     * one {@link #exit()}.
     *
     * @return whether the call may run
     */
    public boolean tryEnter() {
        if (this.permits.tryAcquire()) {
            return true;
        }
        this.rejected.increment();
        long meanwhile = this.warnings.occurred();
        if (meanwhile > 0) {
            logger.warn(
                    "{} {} at {} limit of {} concurrent calls: refused {} call(s) with a temporary error since the"
                            + " last warning. {}",
                    this.description,
                    ALL.equals(this.proxy) ? "are" : "is",
                    ALL.equals(this.proxy) ? "their" : "its",
                    this.limit,
                    meanwhile,
                    ALL.equals(this.proxy)
                            ? "Calls of some handlers take too long or hang (their centrifugo4j.proxy.active"
                                    + " meters show which); request threads stay free for everything else. Raise"
                                    + " the limit if this is the normal load."
                            : "Its calls take too long or hang; the other handlers are unaffected. Raise its limit"
                                    + " if this is its normal load.");
        }
        return false;
    }

    /**
     * The reply to a call refused at the limit: error 429 "too many concurrent calls", temporary, so
     * that the SDK retries (a subscription resubscribes, a connection reconnects, both with backoff;
     * an RPC or a publication fails with {@code temporary: true} for the caller to retry).
     */
    public static ProxyReply tooManyCalls() {
        return ProxyReply.error(TOO_MANY_CALLS, "too many concurrent calls", true);
    }

    /**
     * The reply to a refresh or sub_refresh refused at the limit: not expired, asked again in a
     * minute. Centrifugo ignores errors in these replies and expires the connection or subscription
     * without a result; a minute's extension is what it grants itself when the application cannot
     * be reached.
     */
    public static ProxyReply retryRefreshLater() {
        Map<String, Object> fields = new LinkedHashMap<>(); // the order of every other refresh reply
        fields.put("expired", false);
        fields.put("expire_at", Instant.now().getEpochSecond() + REFRESH_RETRY_SECONDS);
        return ProxyReply.fields(fields);
    }

    /** The error code of {@link #tooManyCalls()}. */
    public static final int TOO_MANY_CALLS = 429;

    /** How long {@link #retryRefreshLater()} extends a connection or subscription. */
    public static final long REFRESH_RETRY_SECONDS = 60;

    /** Gives back the permit of a call that {@link #tryEnter() entered}. */
    public void exit() {
        this.permits.release();
    }

    /** The proxy the handler serves: {@code rpc}, {@code connect}, {@code subscribe}, ... */
    public String proxy() {
        return this.proxy;
    }

    /** The RPC method or channel pattern the handler serves; the proxy's name for connect and refresh. */
    public String handler() {
        return this.handler;
    }

    /** How many calls may run at once. */
    public int limit() {
        return this.limit;
    }

    /** How many calls run now. */
    public int active() {
        return this.limit - this.permits.availablePermits();
    }

    /** How many calls were refused since the start. */
    public long rejected() {
        return this.rejected.sum();
    }

    @Override
    public String toString() {
        return this.description + " (limit " + this.limit + ")";
    }

    private static String describe(String proxy, String handler) {
        return switch (proxy) {
            case "rpc" -> "RPC method '" + handler + "'";
            case "connect", "refresh" -> "The " + proxy + " handler";
            default -> "The " + proxy + " handler of '" + handler + "'";
        };
    }
}
