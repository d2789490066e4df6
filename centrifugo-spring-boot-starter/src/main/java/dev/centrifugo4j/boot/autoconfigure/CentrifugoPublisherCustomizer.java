package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.api.CentrifugoPublisher;

/**
 * Changes the builder of the auto-configured {@link CentrifugoPublisher} (retry policy,
 * auto-batching, ...) after the {@code centrifugo.publisher.*} settings are applied.
 */
@FunctionalInterface
public interface CentrifugoPublisherCustomizer {

    /** Changes the builder. */
    void customize(CentrifugoPublisher.Builder builder);
}
