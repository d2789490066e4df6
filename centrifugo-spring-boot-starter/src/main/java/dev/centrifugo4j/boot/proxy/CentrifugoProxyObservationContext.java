package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyOutcome;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * The observation context of one proxy call: which proxy Centrifugo called and, once the call ends,
 * its {@link ProxyOutcome.Complete outcome} (the RPC method or channel pattern, the status and the
 * code).
 */
public final class CentrifugoProxyObservationContext extends Observation.Context {

    private final String proxy;

    private ProxyOutcome.@Nullable Complete outcome;

    /**
     * Creates the context.
     *
     * @param proxy the proxy's name: {@code rpc}, {@code connect}, {@code refresh}, {@code subscribe},
     *     {@code publish} or {@code sub_refresh}
     */
    public CentrifugoProxyObservationContext(String proxy) {
        this.proxy = proxy;
    }

    /** The proxy's name, for example {@code rpc}. */
    public String proxy() {
        return this.proxy;
    }

    /** How the call ended; {@code null} until it has (when the observation starts). */
    public ProxyOutcome.@Nullable Complete outcome() {
        return this.outcome;
    }

    /** Records how the call ended, before the observation stops. */
    void ended(ProxyOutcome.Complete outcome) {
        this.outcome = outcome;
    }
}
