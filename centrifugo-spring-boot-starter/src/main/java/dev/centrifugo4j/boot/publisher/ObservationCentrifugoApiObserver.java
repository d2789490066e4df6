package dev.centrifugo4j.boot.publisher;

import dev.centrifugo4j.api.ApiCall;
import dev.centrifugo4j.api.CentrifugoApiObserver;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Observes each API call of the publisher as a Micrometer {@link Observation} named {@value
 * DefaultCentrifugoApiObservationConvention#NAME}: a timer with a meter registry, a client span
 * with a tracing bridge (whose {@code traceparent} goes out with the call), nothing with {@link
 * ObservationRegistry#NOOP}.
 */
public final class ObservationCentrifugoApiObserver implements CentrifugoApiObserver {

    private final ObservationRegistry registry;

    private final @Nullable CentrifugoApiObservationConvention convention;

    /**
     * Creates the observer.
     *
     * @param registry where calls are observed
     * @param convention the application's convention, or {@code null} for the default
     */
    public ObservationCentrifugoApiObserver(
            ObservationRegistry registry, @Nullable CentrifugoApiObservationConvention convention) {
        this.registry = registry;
        this.convention = convention;
    }

    @Override
    public Stop start(ApiCall call) {
        if (this.registry.isNoop()) {
            return () -> {};
        }
        CentrifugoApiObservationContext context = new CentrifugoApiObservationContext(call);
        Observation observation = Observation.createNotStarted(
                        this.convention,
                        DefaultCentrifugoApiObservationConvention.INSTANCE,
                        () -> context,
                        this.registry)
                .start();
        return () -> {
            Throwable error = call.error();
            if (error != null) {
                observation.error(error);
            }
            observation.stop();
        };
    }
}
