package dev.centrifugo4j.boot.publisher;

import dev.centrifugo4j.api.ApiCall;
import dev.centrifugo4j.api.CentrifugoApiObserver;
import dev.centrifugo4j.api.CentrifugoPublisher;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The publisher's meters beside the timers of its observations:
 *
 * <ul>
 *   <li>{@code centrifugo4j.api.retries} (counter, tag {@code method}): retries made;
 *   <li>{@code centrifugo4j.api.batch.size} (distribution summary, tag {@code auto}: {@code true}
 *       for batches formed by auto-batching): commands per {@code batch} call;
 *   <li>{@code centrifugo4j.api.queue.size} (gauge): publications waiting in the auto-batching
 *       queue.
 * </ul>
 */
public final class CentrifugoPublisherMetrics implements CentrifugoApiObserver {

    /** Retries made, by API method. */
    public static final String RETRIES = "centrifugo4j.api.retries";

    /** Commands per batch call. */
    public static final String BATCH_SIZE = "centrifugo4j.api.batch.size";

    /** Publications waiting in the auto-batching queue. */
    public static final String QUEUE_SIZE = "centrifugo4j.api.queue.size";

    private final MeterRegistry registry;

    /**
     * Creates the meters.
     *
     * @param registry where they are registered
     */
    public CentrifugoPublisherMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    // Meters are looked up per call (the registry caches them), so that they survive a registry clear().
    private static DistributionSummary batchSize(MeterRegistry registry, String auto) {
        return DistributionSummary.builder(BATCH_SIZE)
                .description("Commands per batch call of Centrifugo's server API")
                .baseUnit("commands")
                .tag("auto", auto)
                .register(registry);
    }

    /**
     * Registers the gauge of a publisher's auto-batching queue.
     *
     * @param publisher finds the publisher when the gauge is first read (not while beans are being
     *     created, which would tie the publisher to the meter registry's creation)
     * @param registry where the gauge is registered
     */
    public static void bindQueue(Supplier<@Nullable CentrifugoPublisher> publisher, MeterRegistry registry) {
        AtomicReference<@Nullable CentrifugoPublisher> found = new AtomicReference<>();
        Gauge.builder(QUEUE_SIZE, () -> {
                    CentrifugoPublisher current = found.get();
                    if (current == null) {
                        current = publisher.get();
                        found.set(current);
                    }
                    return (current != null) ? current.queuedPublications() : 0;
                })
                .description("Publications waiting in the auto-batching queue")
                .baseUnit("publications")
                .register(registry);
    }

    @Override
    public Stop start(ApiCall call) {
        if (call.batchSize() > 0) {
            batchSize(this.registry, call.autoBatch() ? "true" : "false").record(call.batchSize());
        }
        return () -> {
            int retried = call.retries();
            if (retried > 0) {
                Counter.builder(RETRIES)
                        .description("Retries of calls of Centrifugo's server API")
                        .tag("method", call.method())
                        .register(this.registry)
                        .increment(retried);
            }
        };
    }
}
