package dev.centrifugo4j.boot.publisher;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/**
 * Names and tags the observation of a call of Centrifugo's server API. Declare a bean to replace
 * {@link DefaultCentrifugoApiObservationConvention}, usually by extending it.
 */
public interface CentrifugoApiObservationConvention extends ObservationConvention<CentrifugoApiObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof CentrifugoApiObservationContext;
    }
}
