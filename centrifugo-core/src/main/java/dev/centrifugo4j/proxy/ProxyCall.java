package dev.centrifugo4j.proxy;

/**
 * What a dispatcher learned about one proxy call, for metrics, traces and logs: the RPC method or
 * channel pattern that served it (never the raw channel, whose values are unbounded) and how it
 * ended. The caller creates one per request and passes it to the dispatcher; the dispatcher fills it
 * in before the reply future completes, so reading it after completion is safe.
 *
 * <pre>{@code
 * ProxyCall call = new ProxyCall();
 * byte[] reply = rpcDispatcher.dispatch(body, headers, principal, call).join();
 * meter(call.method(), call.outcome(), call.code());
 * }</pre>
 */
public final class ProxyCall {

    /** The tag value for a call that no handler served (unknown method, unmatched channel). */
    public static final String NONE = "none";

    private String method = NONE;

    private String pattern = NONE;

    private Outcome outcome = Outcome.SUCCESS;

    private int code;

    /** The RPC method that served the call, {@value #NONE} when none did or for other proxies. */
    public String method() {
        return this.method;
    }

    /** The channel pattern that served the call, {@value #NONE} when none did or for other proxies. */
    public String pattern() {
        return this.pattern;
    }

    /** How the call ended. */
    public Outcome outcome() {
        return this.outcome;
    }

    /** The error or disconnect code of the reply, {@code 0} for a success. */
    public int code() {
        return this.code;
    }

    /**
     * Records the RPC method that serves the call.
     *
     * @param method a registered method's name
     */
    public void method(String method) {
        this.method = method;
    }

    /**
     * Records the channel pattern that serves the call.
     *
     * @param pattern the pattern's text
     */
    public void pattern(String pattern) {
        this.pattern = pattern;
    }

    /**
     * Records the reply that ends the call.
     *
     * @param reply the reply written to the wire
     */
    public void replied(ProxyReply reply) {
        if (reply instanceof ProxyReply.Error error) {
            this.outcome = Outcome.ERROR;
            this.code = error.error().code();
        } else if (reply instanceof ProxyReply.Disconnect disconnect) {
            this.outcome = Outcome.DISCONNECT;
            this.code = disconnect.disconnect().code();
        } else {
            this.outcome = Outcome.SUCCESS;
            this.code = 0;
        }
    }

    /** How a proxy call ended. */
    public enum Outcome {
        /** A result. */
        SUCCESS,
        /** An error reply. */
        ERROR,
        /** A disconnect reply. */
        DISCONNECT
    }
}
