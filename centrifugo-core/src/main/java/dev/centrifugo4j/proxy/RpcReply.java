package dev.centrifugo4j.proxy;

import org.jspecify.annotations.Nullable;

/**
 * The answer to an RPC proxy request: a result, an error or a disconnect.
 *
 * <pre>{@code
 * {"result":{"data":{"echo":"Pong: Hello"}}}
 * {"error":{"code":422,"message":"...","temporary":false}}
 * {"disconnect":{"code":4501,"reason":"banned"}}
 * }</pre>
 */
public sealed interface RpcReply {

    /** A successful reply carrying the handler's return value, {@code null} for none. */
    static RpcReply result(@Nullable Object data) {
        return new Result(data);
    }

    /** An error reply. */
    static RpcReply error(int code, String message, boolean temporary) {
        return new Error(new ProxyError(code, message, temporary));
    }

    /** A disconnect reply. */
    static RpcReply disconnect(int code, String reason) {
        return new Disconnect(new ProxyDisconnect(code, reason));
    }

    /**
     * {@code {"result":{"data":...}}}; in binary mode {@code {"result":{"b64data":"..."}}}.
     *
     * @param data the value to serialize as the reply's data, {@code null} for an empty result
     */
    record Result(@Nullable Object data) implements RpcReply {}

    /**
     * {@code {"error":{...}}}.
     *
     * @param error the error
     */
    record Error(ProxyError error) implements RpcReply {}

    /**
     * {@code {"disconnect":{...}}}.
     *
     * @param disconnect the disconnect
     */
    record Disconnect(ProxyDisconnect disconnect) implements RpcReply {}
}
