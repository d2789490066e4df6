package dev.centrifugo4j.api;

import java.util.List;

/**
 * Observes the publisher's API calls: the hook that metrics and tracing plug into without the core
 * depending on them (the Spring Boot starter binds it to Micrometer's {@code ObservationRegistry}).
 *
 * <p>{@link #start} runs on the calling thread before the first attempt, so a trace current there is
 * the parent; the returned {@link Stop} runs once when the call ends, on whatever thread completes
 * it. Both must be cheap and must not throw.
 */
@FunctionalInterface
public interface CentrifugoApiObserver {

    /** Observes nothing. */
    CentrifugoApiObserver NOOP = call -> () -> {};

    /**
     * A call starts.
     *
     * @param call the call; add propagation headers to it here
     * @return what to run when the call ends (its outcome is then in {@code call})
     */
    Stop start(ApiCall call);

    /**
     * One observer that runs several, in order (their stops in reverse order).
     *
     * @param observers the observers
     * @return {@link #NOOP} for none, the observer itself for one
     */
    static CentrifugoApiObserver of(List<CentrifugoApiObserver> observers) {
        List<CentrifugoApiObserver> all = List.copyOf(observers);
        if (all.isEmpty()) {
            return NOOP;
        }
        if (all.size() == 1) {
            return all.get(0);
        }
        return call -> {
            Stop[] stops = new Stop[all.size()];
            for (int i = 0; i < stops.length; i++) {
                stops[i] = all.get(i).start(call);
            }
            return () -> {
                for (int i = stops.length - 1; i >= 0; i--) {
                    stops[i].stop();
                }
            };
        };
    }

    /** Ends the observation of one call. */
    @FunctionalInterface
    interface Stop {

        /** The call ended; {@link ApiCall#error()} tells how. */
        void stop();
    }
}
