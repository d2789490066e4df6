package dev.centrifugo4j.boot.publisher;

import dev.centrifugo4j.api.ApiCall;
import io.micrometer.common.KeyValues;

/**
 * The default names and tags of an API call's observation, beside the proxy's {@code
 * centrifugo4j.proxy.requests} and Centrifugo's own {@code centrifugo_api_*} metrics: the name
 * {@value #NAME} (in Prometheus {@code centrifugo4j_api_requests_seconds}) and the low-cardinality
 * tags
 *
 * <ul>
 *   <li>{@code method}: the API method ({@code publish}, {@code batch}, {@code history}, ...);
 *   <li>{@code outcome}: {@code success} or {@code error};
 *   <li>{@code code}: {@code none}, Centrifugo's error code, the HTTP status, {@code transport} or
 *       {@code decode} (see {@link ApiCall#errorCode()});
 *   <li>{@code retries}: how many times the call was retried ({@code 0} mostly; bounded by the
 *       retry policy's attempts).
 * </ul>
 */
public class DefaultCentrifugoApiObservationConvention implements CentrifugoApiObservationConvention {

    /** The observation's name, and so the timer's. */
    public static final String NAME = "centrifugo4j.api.requests";

    static final DefaultCentrifugoApiObservationConvention INSTANCE = new DefaultCentrifugoApiObservationConvention();

    private static final String[] RETRIES = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(CentrifugoApiObservationContext context) {
        return "centrifugo api " + context.call().method();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(CentrifugoApiObservationContext context) {
        ApiCall call = context.call();
        int retries = call.retries();
        return KeyValues.of(
                "code",
                call.errorCode(),
                "method",
                call.method(),
                "outcome",
                call.succeeded() ? "success" : "error",
                "retries",
                (retries < RETRIES.length) ? RETRIES[retries] : Integer.toString(retries));
    }
}
