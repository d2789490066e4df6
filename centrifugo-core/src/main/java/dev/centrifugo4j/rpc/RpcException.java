package dev.centrifugo4j.rpc;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by an RPC handler to answer the call with an application error. The client receives the
 * code, the message and the temporary flag exactly as given, for example as the rejection of
 * {@code centrifuge.rpc(...)} in JavaScript.
 *
 * <p>Codes are restricted to {@value #MIN_CODE}–{@value #MAX_CODE}, the range Centrifugo leaves to
 * applications; every other code is reserved by Centrifugo itself.
 *
 * <pre>{@code
 * throw new RpcException(1001, "insufficient funds");
 * throw new RpcException(1002, "try again later", true);
 * }</pre>
 */
public class RpcException extends RuntimeException {

    /** The lowest code an application may use. */
    public static final int MIN_CODE = 400;

    /** The highest code an application may use. */
    public static final int MAX_CODE = 1999;

    private final int code;

    private final boolean temporary;

    /**
     * An application error that is not temporary.
     *
     * @param code the error code, {@value #MIN_CODE}–{@value #MAX_CODE}
     * @param message the message the client sees (ASCII recommended)
     */
    public RpcException(int code, String message) {
        this(code, message, false, null);
    }

    /**
     * An application error.
     *
     * @param code the error code, {@value #MIN_CODE}–{@value #MAX_CODE}
     * @param message the message the client sees (ASCII recommended)
     * @param temporary whether the client may retry the same call later
     */
    public RpcException(int code, String message, boolean temporary) {
        this(code, message, temporary, null);
    }

    /**
     * An application error with a cause, which is logged but never sent to the client.
     *
     * @param code the error code, {@value #MIN_CODE}–{@value #MAX_CODE}
     * @param message the message the client sees (ASCII recommended)
     * @param temporary whether the client may retry the same call later
     * @param cause the underlying failure
     */
    public RpcException(int code, String message, boolean temporary, @Nullable Throwable cause) {
        super(requireMessage(message), cause);
        if (code < MIN_CODE || code > MAX_CODE) {
            throw new IllegalArgumentException("'code' must be between " + MIN_CODE + " and " + MAX_CODE
                    + " (Centrifugo reserves the other codes), but was " + code);
        }
        this.code = code;
        this.temporary = temporary;
    }

    private static String requireMessage(@Nullable String message) {
        if (message == null) {
            throw new IllegalArgumentException("'message' must not be null");
        }
        return message;
    }

    /** The error code the client receives. */
    public int getCode() {
        return this.code;
    }

    /** Whether the client may retry the same call later. */
    public boolean isTemporary() {
        return this.temporary;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return (message != null) ? message : "";
    }
}
