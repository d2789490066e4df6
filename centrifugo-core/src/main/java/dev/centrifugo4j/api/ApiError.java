package dev.centrifugo4j.api;

/**
 * An error as Centrifugo sends it: {@code {"code":102,"message":"unknown channel"}}.
 *
 * @param code Centrifugo's error code
 * @param message Centrifugo's message
 */
public record ApiError(int code, String message) {

    /** Internal server error (temporary). */
    public static final int INTERNAL = 100;

    /** The channel's namespace is not configured. */
    public static final int UNKNOWN_CHANNEL = 102;

    /** Unknown method. */
    public static final int NOT_FOUND = 104;

    /** Missing channel or data, bad base64, wrong data format. */
    public static final int BAD_REQUEST = 107;

    /** Presence or history is not enabled for the channel. */
    public static final int NOT_AVAILABLE = 108;

    /** Too many requests (temporary). */
    public static final int TOO_MANY_REQUESTS = 111;

    /** The stream position given as {@code since} cannot be recovered. */
    public static final int UNRECOVERABLE_POSITION = 112;

    /** Conflict. */
    public static final int CONFLICT = 113;

    public ApiError {
        if (message == null) {
            throw new IllegalArgumentException("'message' must not be null");
        }
    }

    /** Whether the same call may succeed later (codes 100 and 111). */
    public boolean isTemporary() {
        return this.code == INTERNAL || this.code == TOO_MANY_REQUESTS;
    }

    /** This error as an exception, to throw. */
    public CentrifugoApiException toException() {
        return new CentrifugoApiException(this);
    }
}
