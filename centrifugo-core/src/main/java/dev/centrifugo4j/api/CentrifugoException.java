package dev.centrifugo4j.api;

import org.jspecify.annotations.Nullable;

/**
 * A call to Centrifugo's server HTTP API failed. The subtypes say how: {@link
 * CentrifugoApiException} (Centrifugo answered with an error code), {@link CentrifugoHttpException}
 * (an HTTP status other than 200, {@link CentrifugoUnauthorizedException} for a wrong API key),
 * {@link CentrifugoTransportException} (no answer), {@link CentrifugoDecodeException} (an answer
 * that could not be read) and {@link CentrifugoBackPressureException} (too many asynchronous calls
 * or publications waiting: refused at once, nothing sent).
 */
public abstract class CentrifugoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    protected CentrifugoException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * Whether the same call may succeed when made again later. Whether it is also safe to make it
     * again (a publication without an idempotency key may be delivered twice) is a separate
     * question, which the publisher's retries answer for you.
     *
     * @return {@code true} for temporary failures
     */
    public abstract boolean isRetryable();
}
