package dev.centrifugo4j.api;

/**
 * The auto-batching queue is full: publications are requested faster than Centrifugo takes them.
 * Retryable once the queue drains; the synchronous {@code publish} waits for room instead.
 */
public class CentrifugoBackPressureException extends CentrifugoException {

    private static final long serialVersionUID = 1L;

    public CentrifugoBackPressureException(int capacity) {
        super("The auto-batching queue is full (" + capacity + " publications waiting)", null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
