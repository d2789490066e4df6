package dev.centrifugo4j.boot.publisher;

import dev.centrifugo4j.api.ApiCall;
import io.micrometer.observation.transport.Kind;
import io.micrometer.observation.transport.SenderContext;

/**
 * The observation context of one call of Centrifugo's server API. It is a {@link SenderContext}
 * whose carrier is the {@link ApiCall}: a tracing bridge injects its propagation headers (W3C
 * {@code traceparent}) into the call, and the publisher sends them with every attempt, also for
 * asynchronous calls that OkHttp runs on its own threads.
 */
public final class CentrifugoApiObservationContext extends SenderContext<ApiCall> {

    private final ApiCall call;

    /**
     * Creates the context.
     *
     * @param call the call being observed
     */
    public CentrifugoApiObservationContext(ApiCall call) {
        super(
                (carrier, key, value) -> {
                    if (carrier != null) {
                        carrier.header(key, value);
                    }
                },
                Kind.CLIENT);
        this.call = call;
        setCarrier(call);
        setRemoteServiceName("centrifugo");
    }

    /** The call: its method, attempts and, once it ended, its error. */
    public ApiCall call() {
        return this.call;
    }
}
