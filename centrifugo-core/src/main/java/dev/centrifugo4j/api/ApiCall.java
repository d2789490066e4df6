package dev.centrifugo4j.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the publisher knows about one call of Centrifugo's server API, for metrics, traces and logs:
 * the API method, how many attempts it took, how it ended and, for a {@code batch}, how many
 * commands it carried. A {@link CentrifugoApiObserver} receives it when the call starts and reads it
 * again when the call ends; it may add headers (such as W3C {@code traceparent}) that go out with
 * every attempt.
 */
public final class ApiCall {

    /** The tag value for "no error". */
    public static final String NONE = "none";

    private final String method;

    private final int batchSize;

    private final boolean autoBatch;

    private volatile int attempts;

    private volatile @Nullable Throwable error;

    private final Map<String, String> headers = new LinkedHashMap<>(4);

    ApiCall(String method, int batchSize, boolean autoBatch) {
        this.method = method;
        this.batchSize = batchSize;
        this.autoBatch = autoBatch;
    }

    /** The API method, for example {@code publish} or {@code batch}. */
    public String method() {
        return this.method;
    }

    /** The commands in a {@code batch} call, {@code 0} for other methods. */
    public int batchSize() {
        return this.batchSize;
    }

    /** Whether the call is a batch formed by auto-batching. */
    public boolean autoBatch() {
        return this.autoBatch;
    }

    /** The attempts made so far (1 once the first request went out). */
    public int attempts() {
        return this.attempts;
    }

    /** The retries made: attempts after the first. */
    public int retries() {
        return Math.max(0, this.attempts - 1);
    }

    /** The failure that ended the call, {@code null} for a success (or while it runs). */
    public @Nullable Throwable error() {
        return this.error;
    }

    /** Whether the call ended with an answer. */
    public boolean succeeded() {
        return this.error == null;
    }

    /**
     * The error code: {@value #NONE} for a success, Centrifugo's error code for an API error
     * ({@code 102}), the HTTP status for other answers ({@code 401}, {@code 503}), {@code transport}
     * when no answer came, {@code decode} for an unreadable answer, {@code client} for a failure on
     * this side.
     */
    public String errorCode() {
        Throwable failure = this.error;
        if (failure == null) {
            return NONE;
        }
        if (failure instanceof CentrifugoApiException api) {
            return Integer.toString(api.code());
        }
        if (failure instanceof CentrifugoHttpException http) {
            return Integer.toString(http.status());
        }
        if (failure instanceof CentrifugoTransportException) {
            return "transport";
        }
        if (failure instanceof CentrifugoDecodeException) {
            return "decode";
        }
        return "client";
    }

    /**
     * Adds a header sent with every attempt of this call (for trace propagation). Call it from
     * {@link CentrifugoApiObserver#start}, before the first attempt.
     *
     * @param name the header's name
     * @param value its value
     */
    public void header(String name, String value) {
        synchronized (this.headers) {
            this.headers.put(name, value);
        }
    }

    /** The headers added with {@link #header}. */
    public Map<String, String> headers() {
        synchronized (this.headers) {
            return this.headers.isEmpty() ? Map.of() : Map.copyOf(this.headers);
        }
    }

    void attempt() {
        this.attempts++;
    }

    void failed(Throwable failure) {
        this.error = failure;
    }

    @Override
    public String toString() {
        return "ApiCall[" + this.method + ", attempts=" + this.attempts + ", error=" + errorCode() + "]";
    }
}
