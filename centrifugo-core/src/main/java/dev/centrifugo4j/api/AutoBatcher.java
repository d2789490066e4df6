package dev.centrifugo4j.api;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Coalesces publications into batches. Callers only enqueue; one flusher thread forms batches and
 * is the only one that waits for an in-flight slot, so back-pressure never blocks an async caller.
 * The thread starts with the first publication, not when the publisher is built.
 */
final class AutoBatcher implements AutoCloseable {

    private static final Logger logger = LoggerFactory.getLogger(AutoBatcher.class);

    private final AutoBatching settings;

    private final ArrayBlockingQueue<Pending> queue;

    private final Semaphore inFlight;

    private final Function<BatchRequest, CompletableFuture<BatchResult>> sender;

    private final Thread flusher;

    private volatile boolean closed;

    private volatile boolean started;

    AutoBatcher(AutoBatching settings, Function<BatchRequest, CompletableFuture<BatchResult>> sender) {
        this.settings = settings;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.inFlight = new Semaphore(settings.maxInFlightBatches());
        this.sender = sender;
        this.flusher = new Thread(this::run, "centrifugo-auto-batcher");
        this.flusher.setDaemon(true);
    }

    /** Starts the flusher thread once; after that one volatile read. */
    private void start() {
        if (!this.started) {
            synchronized (this) {
                if (!this.started) {
                    this.flusher.start();
                    this.started = true;
                }
            }
        }
    }

    /** Enqueues without waiting; fails the future at once when the queue is full. */
    CompletableFuture<PublishResult> submit(PublishRequest request) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        if (this.closed) {
            pending.future.completeExceptionally(new IllegalStateException("The publisher is closed"));
            return pending.future;
        }
        start();
        if (!this.queue.offer(pending)) {
            pending.future.completeExceptionally(new CentrifugoBackPressureException(this.settings.queueCapacity()));
        }
        return pending.future;
    }

    /** Enqueues, waiting up to {@code timeout} for room. */
    CompletableFuture<PublishResult> submitWaiting(PublishRequest request, Duration timeout) {
        Pending pending = new Pending(request, new CompletableFuture<>());
        try {
            if (this.closed) {
                throw new IllegalStateException("The publisher is closed");
            }
            start();
            if (!this.queue.offer(pending, timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new CentrifugoBackPressureException(this.settings.queueCapacity());
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for room in the auto-batching queue", ex);
        }
        return pending.future;
    }

    /** The settings it batches with. */
    AutoBatching settings() {
        return this.settings;
    }

    /** Publications waiting in the queue. */
    int queued() {
        return this.queue.size();
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(this.settings.maxBatchSize());
        while (!this.closed || !this.queue.isEmpty()) {
            try {
                Pending first = this.queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                fill(batch);
                this.inFlight.acquire();
                send(List.copyOf(batch));
            } catch (InterruptedException ex) {
                if (!this.closed) {
                    logger.warn("The auto-batching thread was interrupted; publications fail until restart");
                }
                List<Pending> left = new ArrayList<>(batch);
                this.queue.drainTo(left);
                left.forEach(p -> p.future.completeExceptionally(ex));
                return;
            } catch (RuntimeException ex) {
                batch.forEach(p -> p.future.completeExceptionally(ex));
            } finally {
                batch.clear();
            }
        }
    }

    private void fill(List<Pending> batch) throws InterruptedException {
        int max = this.settings.maxBatchSize();
        long deadline = System.nanoTime() + this.settings.linger().toNanos();
        while (batch.size() < max) {
            this.queue.drainTo(batch, max - batch.size());
            long remaining = deadline - System.nanoTime();
            if (batch.size() >= max || remaining <= 0) {
                return;
            }
            Pending next = this.queue.poll(remaining, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            batch.add(next);
        }
    }

    private void send(List<Pending> batch) {
        CompletableFuture<BatchResult> sent;
        try {
            sent = this.sender.apply(
                    BatchRequest.of(batch.stream().map(Pending::request).toList()));
        } catch (RuntimeException ex) {
            this.inFlight.release();
            batch.forEach(p -> p.future.completeExceptionally(ex));
            return;
        }
        sent.whenComplete((result, error) -> {
            // The batch counts as on its way until its publications are completed, so that close()
            // returns only when every caller has its answer.
            try {
                complete(batch, result, error);
            } finally {
                this.inFlight.release();
            }
        });
    }

    private static void complete(List<Pending> batch, BatchResult result, Throwable error) {
        if (error != null) {
            Throwable cause =
                    (error instanceof CompletionException && error.getCause() != null) ? error.getCause() : error;
            batch.forEach(p -> p.future.completeExceptionally(cause));
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Reply<?> reply = result.replies().get(i);
            if (reply.error() != null) {
                batch.get(i).future.completeExceptionally(reply.error().toException());
            } else {
                batch.get(i).future.complete((PublishResult) reply.result());
            }
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /**
     * Stops taking publications, sends what is queued and waits for the batches on the way, up to
     * {@code timeout} in all. Publications still queued after it fail.
     */
    void close(Duration timeout) {
        this.closed = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            this.flusher.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            int all = this.settings.maxInFlightBatches();
            long remaining = Math.max(0, deadline - System.nanoTime());
            if (this.inFlight.tryAcquire(all, remaining, TimeUnit.NANOSECONDS)) {
                this.inFlight.release(all);
            } else {
                logger.warn("Auto-batched publications were still on their way after {} on close", timeout);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        if (this.flusher.isAlive()) {
            this.flusher.interrupt();
        }
        List<Pending> left = new ArrayList<>();
        this.queue.drainTo(left);
        if (!left.isEmpty()) {
            logger.warn("{} auto-batched publications were not sent before close", left.size());
            IllegalStateException closed = new IllegalStateException("The publisher closed before sending");
            left.forEach(p -> p.future.completeExceptionally(closed));
        }
    }

    private record Pending(PublishRequest request, CompletableFuture<PublishResult> future) {}
}
