package dev.centrifugo4j.proxy;

/**
 * How many calls of each handler may run at once (its bulkhead), asked once per handler when a
 * dispatcher is built, and how many calls of all handlers together ({@link #maxTotalCalls()}),
 * asked once when the dispatch settings are built. A call over either limit is answered at once,
 * without running, with a temporary failure the client's SDK retries later; so a handler that hangs
 * holds at most its own calls, and hanging handlers together hold at most the total, never all of
 * the web server's request threads.
 *
 * <pre>{@code
 * ConcurrencyLimits limits = (proxy, handler, async) -> "report.build".equals(handler) ? 4 : 50;
 * }</pre>
 */
@FunctionalInterface
public interface ConcurrencyLimits {

    /** No handler is limited. */
    ConcurrencyLimits NONE = (proxy, handler, async) -> 0;

    /**
     * The limit of one handler.
     *
     * @param proxy the proxy the handler serves: {@code rpc}, {@code connect}, {@code refresh},
     *     {@code subscribe}, {@code publish} or {@code sub_refresh}
     * @param handler the RPC method or the channel pattern it serves; the proxy's name for connect and
     *     refresh
     * @param async whether the handler answers later: returns a {@code CompletionStage} or a {@code
     *     Mono}, or is a Kotlin {@code suspend fun} (it then holds no request thread while it runs)
     * @return calls at once, {@code 0} for no limit
     */
    int maxConcurrentCalls(String proxy, String handler, boolean async);

    /**
     * How many calls of all handlers of all proxies together may run at once: one more is refused
     * like a call over its handler's limit. A call counts from its admission until its handler is
     * done (an asynchronous one: until its stage completes).
     *
     * @return calls at once, {@code 0} (the default) for no limit
     */
    default int maxTotalCalls() {
        return 0;
    }

    /**
     * The same limit for every handler.
     *
     * @param maxConcurrentCalls calls at once per handler, {@code 0} for no limit
     * @return the limits
     */
    static ConcurrencyLimits each(int maxConcurrentCalls) {
        if (maxConcurrentCalls < 0) {
            throw new IllegalArgumentException("'maxConcurrentCalls' must not be negative: " + maxConcurrentCalls);
        }
        return (proxy, handler, async) -> maxConcurrentCalls;
    }
}
