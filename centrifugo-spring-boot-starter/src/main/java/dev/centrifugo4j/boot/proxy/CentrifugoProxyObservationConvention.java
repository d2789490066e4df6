package dev.centrifugo4j.boot.proxy;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a proxy call. Declare a bean to replace {@link
 * DefaultCentrifugoProxyObservationConvention}, usually by extending it.
 */
public interface CentrifugoProxyObservationConvention extends ObservationConvention<CentrifugoProxyObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof CentrifugoProxyObservationContext;
    }
}
