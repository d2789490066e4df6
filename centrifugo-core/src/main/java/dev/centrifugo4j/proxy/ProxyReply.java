package dev.centrifugo4j.proxy;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The answer to a proxy request: a result, an error or a disconnect.
 *
 * <pre>{@code
 * {"result":{"data":{"echo":"Pong: Hello"}}}
 * {"error":{"code":422,"message":"...","temporary":false}}
 * {"disconnect":{"code":4501,"reason":"banned"}}
 * }</pre>
 */
public sealed interface ProxyReply {

    /** A successful reply carrying the handler's return value, {@code null} for none. */
    static ProxyReply result(@Nullable Object data) {
        return new Result(data);
    }

    /** A result with the given fields: {@code {"result":{...}}}, serialized with the application's mapper. */
    static ProxyReply fields(Map<String, ?> result) {
        return new Fields(result);
    }

    /** An error reply. */
    static ProxyReply error(int code, String message, boolean temporary) {
        return new Error(new ProxyError(code, message, temporary));
    }

    /** A disconnect reply. */
    static ProxyReply disconnect(int code, String reason) {
        return new Disconnect(new ProxyDisconnect(code, reason));
    }

    /**
     * An RPC result: {@code {"result":{"data":...}}}; in binary mode {@code {"result":{"b64data":"..."}}}.
     *
     * @param data the value to serialize as the reply's data, {@code null} for an empty result
     */
    record Result(@Nullable Object data) implements ProxyReply {}

    /**
     * {@code {"result":{...}}} with the given fields (connect, refresh, subscribe, publish,
     * sub_refresh results).
     *
     * @param result the result's fields, in order
     */
    record Fields(Map<String, ?> result) implements ProxyReply {

        public Fields {
            result = Collections.unmodifiableMap(new LinkedHashMap<>(result));
        }
    }

    /**
     * {@code {"error":{...}}}.
     *
     * @param error the error
     */
    record Error(ProxyError error) implements ProxyReply {}

    /**
     * {@code {"disconnect":{...}}}.
     *
     * @param disconnect the disconnect
     */
    record Disconnect(ProxyDisconnect disconnect) implements ProxyReply {}
}
