package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyOutcome;
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
 *
 * <p>When the observation starts, before the call has an outcome, the tags are those of a call no
 * handler served: {@code method} and {@code pattern} {@code none}, {@code outcome} {@code success},
 * {@code code} {@code none}.
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
        ProxyOutcome.Complete outcome = context.outcome();
        if (outcome != null && !ProxyOutcome.NONE.equals(outcome.method())) {
            return "centrifugo rpc " + outcome.method();
        }
        if (outcome != null && !ProxyOutcome.NONE.equals(outcome.pattern())) {
            return "centrifugo " + context.proxy() + " " + outcome.pattern();
        }
        return "centrifugo " + context.proxy();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CentrifugoProxyObservationContext context) {
        ProxyOutcome.Complete outcome = context.outcome();
        if (outcome == null) {
            return KeyValues.of(
                    "code", ProxyOutcome.NONE,
                    "method", ProxyOutcome.NONE,
                    "outcome", "success",
                    "pattern", ProxyOutcome.NONE,
                    "proxy", context.proxy());
        }
        return KeyValues.of(
                "code", code(outcome),
                "method", outcome.method(),
                "outcome", outcome(outcome.status()),
                "pattern", outcome.pattern(),
                "proxy", context.proxy());
    }

    private static String code(ProxyOutcome.Complete outcome) {
        if (outcome.status() == ProxyOutcome.Status.SUCCESS || outcome.status() == ProxyOutcome.Status.EXPIRED) {
            return ProxyOutcome.NONE;
        }
        int code = outcome.code();
        return (code >= 0 && code < SMALL_CODES.length) ? SMALL_CODES[code] : Integer.toString(code);
    }

    private static String outcome(ProxyOutcome.Status status) {
        return switch (status) {
            case SUCCESS -> "success";
            case ERROR -> "error";
            case DISCONNECT -> "disconnect";
            case EXPIRED -> "expired";
            case UNAUTHORIZED -> "unauthorized";
        };
    }
}
