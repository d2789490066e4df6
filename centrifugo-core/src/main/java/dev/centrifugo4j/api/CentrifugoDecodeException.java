package dev.centrifugo4j.api;

import org.jspecify.annotations.Nullable;

/**
 * Centrifugo's answer could not be read: not JSON, an unexpected shape, or data that does not bind
 * to the requested type. Not retryable.
 */
public class CentrifugoDecodeException extends CentrifugoException {

    private static final long serialVersionUID = 1L;

    public CentrifugoDecodeException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
