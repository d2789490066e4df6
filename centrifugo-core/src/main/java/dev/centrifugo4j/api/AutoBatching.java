package dev.centrifugo4j.api;

import java.time.Duration;

/**
 * Settings for auto-batching: concurrent {@code publish} calls are queued and sent together as
 * {@code batch} requests, each caller still getting its own result or error.
 *
 * <p>A batch is sent when it holds {@code maxBatchSize} publications, or {@code linger} after its
 * first publication arrived. At most {@code maxInFlightBatches} batches are on the way at once;
 * while they are, publications wait in a queue of {@code queueCapacity}. When the queue is full,
 * {@code publishAsync} fails at once with a {@link CentrifugoBackPressureException} and {@code
 * publish} waits for room (up to the request timeout).
 *
 * <p>Order: the commands of one batch run in order; a caller that waits for each result before the
 * next publication sees its publications arrive in order.
 *
 * @param maxBatchSize publications per batch
 * @param linger how long a batch waits for more publications
 * @param maxInFlightBatches batches on the way at once
 * @param queueCapacity publications waiting at most
 */
public record AutoBatching(int maxBatchSize, Duration linger, int maxInFlightBatches, int queueCapacity) {

    public AutoBatching {
        if (maxBatchSize < 1) {
            throw new IllegalArgumentException("'maxBatchSize' must be at least 1, was " + maxBatchSize);
        }
        Checks.requireNonNull(linger, "linger");
        if (linger.isNegative()) {
            throw new IllegalArgumentException("'linger' must not be negative");
        }
        if (maxInFlightBatches < 1) {
            throw new IllegalArgumentException("'maxInFlightBatches' must be at least 1, was " + maxInFlightBatches);
        }
        if (queueCapacity < maxBatchSize) {
            throw new IllegalArgumentException(
                    "'queueCapacity' must be at least 'maxBatchSize' (" + maxBatchSize + "), was " + queueCapacity);
        }
    }

    /** Batches of up to 200, 2 ms linger, 4 in flight, 10,000 waiting. */
    public static AutoBatching defaults() {
        return new AutoBatching(200, Duration.ofMillis(2), 4, 10_000);
    }

    public AutoBatching withMaxBatchSize(int maxBatchSize) {
        return new AutoBatching(maxBatchSize, linger, maxInFlightBatches, queueCapacity);
    }

    public AutoBatching withLinger(Duration linger) {
        return new AutoBatching(maxBatchSize, linger, maxInFlightBatches, queueCapacity);
    }

    public AutoBatching withMaxInFlightBatches(int maxInFlightBatches) {
        return new AutoBatching(maxBatchSize, linger, maxInFlightBatches, queueCapacity);
    }

    public AutoBatching withQueueCapacity(int queueCapacity) {
        return new AutoBatching(maxBatchSize, linger, maxInFlightBatches, queueCapacity);
    }
}
