package dev.centrifugo4j.api;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How the publisher retries failed calls: exponential backoff with jitter, only for failures that
 * are {@link CentrifugoException#isRetryable() retryable}, and only for calls that are safe to
 * repeat: reads ({@code presence}, {@code presence_stats}, {@code history}, {@code channels},
 * {@code info}) and publications ({@code publish}, {@code broadcast}) that carry an idempotency
 * key. A batch is retried when all its commands are.
 *
 * @param maxAttempts how many attempts in all (1 disables retries)
 * @param initialBackoff the pause before the second attempt
 * @param maxBackoff the longest pause
 * @param multiplier how much the pause grows per attempt
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier) {

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("'maxAttempts' must be at least 1, was " + maxAttempts);
        }
        Checks.requireNonNull(initialBackoff, "initialBackoff");
        Checks.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("'initialBackoff' must not be negative nor above 'maxBackoff'");
        }
        if (!(multiplier >= 1.0)) {
            throw new IllegalArgumentException("'multiplier' must be at least 1.0, was " + multiplier);
        }
    }

    /** No retries. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0);
    }

    /** 3 attempts, pauses of about 100 ms and 200 ms (at most 2 s). */
    public static RetryPolicy defaults() {
        return new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2), 2.0);
    }

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier);
    }

    /** Whether more than one attempt is made. */
    public boolean retries() {
        return this.maxAttempts > 1;
    }

    /**
     * The pause after the given failed attempt: the exponential step, of which a random half is
     * taken away so that clients that failed together do not retry together.
     *
     * @param failedAttempt the attempt that failed, from 1
     * @return the pause
     */
    public Duration backoff(int failedAttempt) {
        double step = this.initialBackoff.toNanos() * Math.pow(this.multiplier, failedAttempt - 1);
        long capped = (long) Math.min(step, this.maxBackoff.toNanos());
        long half = capped / 2;
        return Duration.ofNanos(half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0));
    }
}
