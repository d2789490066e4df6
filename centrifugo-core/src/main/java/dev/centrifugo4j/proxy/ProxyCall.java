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

    private String message = "";

    private String client = "";

    private String user = "";

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

    /** The error message or disconnect reason of the reply, empty for a success. */
    public String message() {
        return this.message;
    }

    /** The client (connection id) that made the call, empty when the request could not be read. */
    public String client() {
        return this.client;
    }

    /** The user of the connection, empty for anonymous connections and unreadable requests. */
    public String user() {
        return this.user;
    }

    /**
     * Records who made the call.
     *
     * @param request the decoded request
     */
    public void request(ProxyRequest request) {
        this.client = request.client();
        this.user = request.user();
    }

    /**
     * A new call for the same request (method, pattern, client, user) whose outcome is yet to be
     * recorded; for a reply that replaces the dispatcher's, such as a timeout.
     */
    public ProxyCall copy() {
        ProxyCall copy = new ProxyCall();
        copy.method = this.method;
        copy.pattern = this.pattern;
        copy.client = this.client;
        copy.user = this.user;
        return copy;
    }

    /** Records that the request was refused before dispatch: no valid proxy secret (HTTP 401). */
    public void unauthorized() {
        this.outcome = Outcome.UNAUTHORIZED;
        this.code = 401;
        this.message = "unauthorized";
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
            this.message = error.error().message();
        } else if (reply instanceof ProxyReply.Disconnect disconnect) {
            this.outcome = Outcome.DISCONNECT;
            this.code = disconnect.disconnect().code();
            this.message = disconnect.disconnect().reason();
        } else if (reply instanceof ProxyReply.Fields fields
                && Boolean.TRUE.equals(fields.result().get("expired"))) {
            // A refresh or sub_refresh that ends the connection or subscription.
            this.outcome = Outcome.EXPIRED;
            this.code = 0;
            this.message = "expired";
        } else {
            this.outcome = Outcome.SUCCESS;
            this.code = 0;
            this.message = "";
        }
    }

    /** How a proxy call ended. */
    public enum Outcome {
        /** A result. */
        SUCCESS,
        /** An error reply. */
        ERROR,
        /** A disconnect reply. */
        DISCONNECT,
        /** A refresh or sub_refresh reply that expires the connection or subscription. */
        EXPIRED,
        /** Refused before dispatch for lack of a valid proxy secret (HTTP 401). */
        UNAUTHORIZED
    }
}
