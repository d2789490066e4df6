package dev.centrifugo4j.dispatch;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * At most one warning per interval about something that may happen on every request (a call
 * refused at a limit, a request without the proxy secret): each occurrence is counted, and the
 * first one after the interval is told to log, with the count of those it stands for. Counting
 * takes two atomic updates and allocates nothing, so a flood of refused requests costs no more
 * than a counter, and the log cannot be flooded by whoever sends them.
 *
 * <pre>{@code
 * long count = this.throttle.occurred();
 * if (count > 0) {
 *     logger.warn("Refused {} request(s) since the last warning", count);
 * }
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class WarningThrottle {

    private final long intervalNanos;

    private final LongSupplier nanoTime;

    private final AtomicLong sinceLastWarning = new AtomicLong();

    private final AtomicLong lastWarning;

    private WarningThrottle(Duration interval, LongSupplier nanoTime) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("'interval' must be positive: " + interval);
        }
        this.intervalNanos = interval.toNanos();
        this.nanoTime = nanoTime;
        this.lastWarning = new AtomicLong(nanoTime.getAsLong() - this.intervalNanos);
    }

    /**
     * A throttle that lets one warning through per interval.
     *
     * @param interval the least time between two warnings
     * @return the throttle
     */
    public static WarningThrottle every(Duration interval) {
        return new WarningThrottle(interval, System::nanoTime);
    }

    /**
     * A throttle on another clock, for tests.
     *
     * @param interval the least time between two warnings
     * @param nanoTime the clock, in nanoseconds as {@link System#nanoTime()}
     * @return the throttle
     */
    public static WarningThrottle every(Duration interval, LongSupplier nanoTime) {
        return new WarningThrottle(interval, nanoTime);
    }

    /**
     * Counts one occurrence and tells whether to warn about it now.
     *
     * @return how many occurrences the warning stands for (this one and those since the last
     *     warning), or {@code 0} when no warning is due
     */
    public long occurred() {
        long count = this.sinceLastWarning.incrementAndGet();
        long now = this.nanoTime.getAsLong();
        long last = this.lastWarning.get();
        if (now - last >= this.intervalNanos && this.lastWarning.compareAndSet(last, now)) {
            this.sinceLastWarning.addAndGet(-count);
            return count;
        }
        return 0;
    }
}
