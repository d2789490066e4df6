package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.proxy.ProxyCall;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of a proxy call's observation, chosen to sit beside Centrifugo's own
 * {@code centrifugo_proxy_*} metrics: the name {@value #NAME} (in Prometheus {@code
 * centrifugo4j_proxy_requests_seconds}) and the low-cardinality tags
 *
 * <ul>
 *   <li>{@code proxy}: {@code rpc}, {@code connect}, {@code refresh}, {@code subscribe}, {@code
 *       publish} or {@code sub_refresh};
 *   <li>{@code method}: the RPC method, {@code none} for other proxies and unknown methods;
 *   <li>{@code pattern}: the channel pattern of the handler that served the call (never the channel
 *       itself, whose values are unbounded), {@code none} for other proxies and unmatched channels;
 *   <li>{@code outcome}: {@code success}, {@code error}, {@code disconnect}, {@code expired} (a
 *       refresh or sub_refresh that ends the connection or subscription, also when the handler
 *       failed) or {@code unauthorized} (no valid proxy secret);
 *   <li>{@code code}: the error or disconnect code ({@code 401} for unauthorized), {@code none} for
 *       a success or an expiry.
 * </ul>
 */
public class DefaultCentrifugoProxyObservationConvention implements CentrifugoProxyObservationConvention {

    /** The observation's name, and so the timer's. */
    public static final String NAME = "centrifugo4j.proxy.requests";

    static final DefaultCentrifugoProxyObservationConvention INSTANCE =
            new DefaultCentrifugoProxyObservationConvention();

    private static final String[] SMALL_CODES = new String[600];

    static {
        for (int i = 0; i < SMALL_CODES.length; i++) {
            SMALL_CODES[i] = Integer.toString(i);
        }
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CentrifugoProxyObservationContext context) {
        ProxyCall call = context.call();
        if (!ProxyCall.NONE.equals(call.method())) {
            return "centrifugo rpc " + call.method();
        }
        if (!ProxyCall.NONE.equals(call.pattern())) {
            return "centrifugo " + context.proxy() + " " + call.pattern();
        }
        return "centrifugo " + context.proxy();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CentrifugoProxyObservationContext context) {
        ProxyCall call = context.call();
        return KeyValues.of(
                "code", code(call),
                "method", call.method(),
                "outcome", outcome(call.outcome()),
                "pattern", call.pattern(),
                "proxy", context.proxy());
    }

    private static String code(ProxyCall call) {
        if (call.outcome() == ProxyCall.Outcome.SUCCESS || call.outcome() == ProxyCall.Outcome.EXPIRED) {
            return ProxyCall.NONE;
        }
        int code = call.code();
        return (code >= 0 && code < SMALL_CODES.length) ? SMALL_CODES[code] : Integer.toString(code);
    }

    private static String outcome(ProxyCall.Outcome outcome) {
        return switch (outcome) {
            case SUCCESS -> "success";
            case ERROR -> "error";
            case DISCONNECT -> "disconnect";
            case EXPIRED -> "expired";
            case UNAUTHORIZED -> "unauthorized";
        };
    }
}
