package dev.centrifugo4j.rpc;

/**
 * The error codes the dispatcher answers with when a call does not reach a handler or the handler
 * fails unexpectedly. All lie in the application range (400–1999), so they never collide with
 * Centrifugo's own codes (100–113, 2000+, 3000+).
 *
 * <table>
 *   <caption>Error replies</caption>
 *   <tr><th>code</th><th>when</th><th>message</th></tr>
 *   <tr><td>400</td><td>the data cannot be bound to the parameters type</td><td>names the field when known</td></tr>
 *   <tr><td>404</td><td>no handler for the method</td><td>{@code method not found}</td></tr>
 *   <tr><td>422</td><td>bean validation failed</td><td>a JSON object, see {@link #VALIDATION_FAILED}</td></tr>
 *   <tr><td>413</td><td>the proxy request body exceeds the configured limit</td><td>{@code request too large}</td></tr>
 *   <tr><td>429</td><td>the method is at its concurrency limit (temporary)</td><td>{@code too many concurrent calls}</td></tr>
 *   <tr><td>500</td><td>the handler threw an unexpected exception</td><td>{@code internal error (ref: ...)}</td></tr>
 *   <tr><td>503</td><td>the application is shutting down (temporary: the client retries, reaching another instance)</td><td>{@code shutting down}</td></tr>
 *   <tr><td>504</td><td>an asynchronous handler did not complete in time</td><td>{@code handler timed out}</td></tr>
 * </table>
 */
public final class RpcErrorCodes {

    /** The call's data cannot be decoded into the handler's parameters type. */
    public static final int BAD_REQUEST = 400;

    /** The proxy request body is larger than {@code centrifugo.proxy.max-body-size}. */
    public static final int TOO_LARGE = 413;

    /** No handler is registered for the called method. */
    public static final int METHOD_NOT_FOUND = 404;

    /** The method is at its concurrency limit; the error is temporary. */
    public static final int TOO_MANY_CALLS = 429;

    /**
     * The parameters violate their constraints. The message is a JSON object (ASCII only, other
     * characters escaped) listing every violation:
     *
     * <pre>{@code
     * {"message":"validation failed",
     *  "violations":[{"field":"message","constraint":"NotBlank","message":"must not be blank"}]}
     * }</pre>
     *
     * {@code field} is the property path inside the call's data ({@code items[0].name}), empty for a
     * constraint on the data as a whole.
     */
    public static final int VALIDATION_FAILED = 422;

    /** The handler failed unexpectedly; the message carries a reference that the server log repeats. */
    public static final int INTERNAL_ERROR = 500;

    /** The application is shutting down and takes no new calls; the error is temporary. */
    public static final int SHUTTING_DOWN = 503;

    /** An asynchronous handler did not complete within the configured timeout (temporary). */
    public static final int TIMEOUT = 504;

    private RpcErrorCodes() {}
}
