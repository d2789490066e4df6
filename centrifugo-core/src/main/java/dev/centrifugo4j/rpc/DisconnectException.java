package dev.centrifugo4j.rpc;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Thrown by a handler to close the client's connection. Codes are restricted to {@value
 * #MIN_CODE}–{@value #MAX_CODE}: with a code below {@value #TERMINAL_CODE} the client reconnects,
 * from {@value #TERMINAL_CODE} on it does not. The reason is at most {@value #MAX_REASON_BYTES}
 * bytes, as Centrifugo requires.
 *
 * <pre>{@code
 * throw new DisconnectException(4501, "banned");
 * }</pre>
 */
public class DisconnectException extends RuntimeException {

    /** The lowest disconnect code an application may use. */
    public static final int MIN_CODE = 4000;

    /** The highest disconnect code an application may use. */
    public static final int MAX_CODE = 4999;

    /** The first code after which clients do not reconnect. */
    public static final int TERMINAL_CODE = 4500;

    /** The longest reason Centrifugo accepts, in UTF-8 bytes. */
    public static final int MAX_REASON_BYTES = 32;

    private final int code;

    private final String reason;

    /**
     * A disconnect with the given code and reason.
     *
     * @param code the disconnect code, {@value #MIN_CODE}–{@value #MAX_CODE}
     * @param reason a short reason, at most {@value #MAX_REASON_BYTES} bytes
     */
    public DisconnectException(int code, String reason) {
        this(code, reason, null);
    }

    /**
     * A disconnect with a cause, which is logged but never sent to the client.
     *
     * @param code the disconnect code, {@value #MIN_CODE}–{@value #MAX_CODE}
     * @param reason a short reason, at most {@value #MAX_REASON_BYTES} bytes
     * @param cause the underlying failure
     */
    public DisconnectException(int code, String reason, @Nullable Throwable cause) {
        super(reason, cause);
        if (code < MIN_CODE || code > MAX_CODE) {
            throw new IllegalArgumentException("'code' must be between " + MIN_CODE + " and " + MAX_CODE
                    + " (Centrifugo reserves the other codes), but was " + code);
        }
        if (reason == null) {
            throw new IllegalArgumentException("'reason' must not be null");
        }
        int length = reason.getBytes(StandardCharsets.UTF_8).length;
        if (length > MAX_REASON_BYTES) {
            throw new IllegalArgumentException(
                    "'reason' must be at most " + MAX_REASON_BYTES + " bytes, but '" + reason + "' has " + length);
        }
        this.code = code;
        this.reason = reason;
    }

    /** The disconnect code the client receives. */
    public int getCode() {
        return this.code;
    }

    /** The disconnect reason the client receives. */
    public String getReason() {
        return this.reason;
    }

    /** Whether the client will not try to reconnect. */
    public boolean isTerminal() {
        return this.code >= TERMINAL_CODE;
    }
}
