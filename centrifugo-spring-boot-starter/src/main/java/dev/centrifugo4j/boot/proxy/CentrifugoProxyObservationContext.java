package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.proxy.HandlerFailures;
import dev.centrifugo4j.proxy.ProxyCall;
import io.micrometer.observation.Observation;

/**
 * The observation context of one proxy call: which proxy Centrifugo called and, once the call ends,
 * what the dispatcher recorded (the RPC method or channel pattern, the outcome and the code).
 */
public final class CentrifugoProxyObservationContext extends Observation.Context {

    private final String proxy;

    private ProxyCall call = new ProxyCall();

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

    /** What the dispatcher recorded about the call; complete once the observation stops. */
    public ProxyCall call() {
        return this.call;
    }

    /**
     * Records that the handler did not complete in time. The dispatcher may still finish the call
     * later, so the outcome moves to a call of its own.
     */
    void timedOut() {
        ProxyCall timedOut = this.call.copy();
        timedOut.replied(HandlerFailures.timeout());
        this.call = timedOut;
    }
}
