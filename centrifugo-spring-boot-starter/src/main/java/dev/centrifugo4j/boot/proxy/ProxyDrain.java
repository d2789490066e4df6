package dev.centrifugo4j.boot.proxy;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Graceful shutdown of the proxy endpoints. It counts the proxy calls in flight (synchronous and
 * asynchronous); when the application context closes, it stops before the web server does: calls
 * that arrive from then on are answered with the temporary error 503 "shutting down" (the client
 * retries and reaches another instance), and the calls in flight get up to {@code
 * centrifugo.proxy.shutdown-timeout} to finish. The publisher is closed after it, so handlers that
 * publish while draining still can.
 */
public final class ProxyDrain implements SmartLifecycle {

    /** Before the web server's graceful shutdown ({@code DEFAULT_PHASE - 1024}), so it still serves. */
    public static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 512;

    private static final Logger logger = LoggerFactory.getLogger(ProxyDrain.class);

    private final AtomicInteger inFlight = new AtomicInteger();

    private final Object drained = new Object();

    private final Duration timeout;

    private volatile boolean draining;

    private volatile boolean running;

    /**
     * Creates the drain.
     *
     * @param timeout how long calls in flight may take to finish on shutdown
     */
    public ProxyDrain(Duration timeout) {
        this.timeout = timeout;
    }

    /** A drain that never refuses and never waits, for handlers used without a context. */
    public static ProxyDrain none() {
        return new ProxyDrain(Duration.ZERO);
    }

    /**
     * Counts a call in, unless the application is shutting down.
     *
     * @return whether the call may run; if so, {@link #exit()} must follow once it is answered
     */
    boolean enter() {
        if (this.draining) {
            return false;
        }
        this.inFlight.incrementAndGet();
        if (this.draining) {
            exit();
            return false;
        }
        return true;
    }

    /** Counts an answered call out. */
    void exit() {
        if (this.inFlight.decrementAndGet() == 0 && this.draining) {
            synchronized (this.drained) {
                this.drained.notifyAll();
            }
        }
    }

    /** The calls in flight now. */
    public int inFlight() {
        return this.inFlight.get();
    }

    @Override
    public void start() {
        this.draining = false;
        this.running = true;
    }

    @Override
    public void stop() {
        this.draining = true;
        long deadline = System.nanoTime() + this.timeout.toNanos();
        int left = this.inFlight.get();
        if (left > 0) {
            logger.info("Waiting up to {} for {} Centrifugo proxy call(s) in flight", this.timeout, left);
        }
        synchronized (this.drained) {
            long remaining;
            while (this.inFlight.get() > 0 && (remaining = deadline - System.nanoTime()) > 0) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this.drained, remaining);
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        left = this.inFlight.get();
        if (left > 0) {
            logger.warn(
                    "{} Centrifugo proxy call(s) still in flight after {} (centrifugo.proxy.shutdown-timeout)",
                    left,
                    this.timeout);
        }
        this.running = false;
    }

    @Override
    public boolean isRunning() {
        return this.running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
