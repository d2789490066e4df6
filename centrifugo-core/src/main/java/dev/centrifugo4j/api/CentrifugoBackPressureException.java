package dev.centrifugo4j.api;

/**
 * The publisher holds as much asynchronous work as it may and refuses more at once, instead of
 * queueing it without bound until the heap is full: Centrifugo takes calls slower than the
 * application makes them. Two limits lead here:
 *
 * <ul>
 *   <li>without auto-batching, {@link CentrifugoPublisher.Builder#maxConcurrentRequests} calls are
 *       on their way and {@link CentrifugoPublisher.Builder#maxQueuedRequests} more wait (the
 *       {@code ...Async} methods; the synchronous ones wait on the caller's thread instead);
 *   <li>with auto-batching, its queue ({@link AutoBatching#queueCapacity()}) is full ({@code
 *       publishAsync}; the synchronous {@code publish} waits for room instead).
 * </ul>
 *
 * <p>Retryable once calls in flight complete; nothing was sent. A caller that cannot drop the
 * publication slows down (waits for earlier futures) or uses the synchronous method.
 *
 * <pre>{@code
 * publisher.publishAsync(channel, event).exceptionally(ex -> {
 *     if (ex.getCause() instanceof CentrifugoBackPressureException) {
 *         overloaded.increment(); // or retry later, or publish synchronously
 *     }
 *     return null;
 * });
 * }</pre>
 */
public class CentrifugoBackPressureException extends CentrifugoException {

    private static final long serialVersionUID = 1L;

    /**
     * The auto-batching queue is full.
     *
     * @param capacity the queue's capacity
     */
    public CentrifugoBackPressureException(int capacity) {
        super("The auto-batching queue is full (" + capacity + " publications waiting)", null);
    }

    /**
     * A call was refused.
     *
     * @param message which limit was reached
     */
    public CentrifugoBackPressureException(String message) {
        super(message, null);
    }

    @Override
    public boolean isRetryable() {
        return true;
    }
}
