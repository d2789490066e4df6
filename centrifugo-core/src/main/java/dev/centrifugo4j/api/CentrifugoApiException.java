package dev.centrifugo4j.api;

/**
 * Centrifugo understood the call and answered with an error, such as {@code 102 unknown channel}.
 * Codes 100 (internal error) and 111 (too many requests) are retryable.
 */
public class CentrifugoApiException extends CentrifugoException {

    private static final long serialVersionUID = 1L;

    private final ApiError error;

    public CentrifugoApiException(ApiError error) {
        super(error.code() + " " + error.message(), null);
        this.error = error;
    }

    /** The error as Centrifugo sent it. */
    public ApiError error() {
        return this.error;
    }

    /** Centrifugo's error code, for example {@link ApiError#UNKNOWN_CHANNEL}. */
    public int code() {
        return this.error.code();
    }

    @Override
    public boolean isRetryable() {
        return this.error.isTemporary();
    }
}
