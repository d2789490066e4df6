package dev.centrifugo4j.dispatch;

import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The body of a request from one of Centrifugo's proxies (connect, refresh, subscribe, publish,
 * sub_refresh, rpc); the fields a proxy does not send are empty.
 *
 * <pre>{@code
 * {"client":"9336a229-...","transport":"websocket","protocol":"json","encoding":"json",
 *  "user":"42","method":"system.ping","data":{"message":"Hello"}}
 * }</pre>
 *
 * @param client the connection ID
 * @param transport the client transport, for example {@code websocket}
 * @param protocol the client protocol, {@code json} or {@code protobuf}
 * @param encoding the proxy encoding: {@code json}, or {@code binary} when the proxy has {@code
 *     binary_encoding} enabled
 * @param user the user ID, empty for an anonymous connection
 * @param method the RPC method name, empty when the client sent none (rpc)
 * @param channel the channel (subscribe, publish, sub_refresh)
 * @param name the client SDK's name (connect)
 * @param version the client SDK's version (connect)
 * @param channels the server-side channels the client asks for (connect)
 * @param meta the connection meta, when the proxy has {@code include_connection_meta} enabled
 * @param data the call's data in JSON mode, {@code null} when the client sent none
 * @param b64data the call's data in binary mode (standard base64), {@code null} otherwise
 */
public record ProxyRequest(
        String client,
        String transport,
        String protocol,
        String encoding,
        String user,
        String method,
        String channel,
        String name,
        String version,
        List<String> channels,
        @Nullable JsonNode meta,
        @Nullable JsonNode data,
        @Nullable String b64data) {

    public ProxyRequest {
        channels = List.copyOf(channels);
    }

    /** The {@code encoding} value of a proxy in binary mode. */
    public static final String BINARY_ENCODING = "binary";

    /** Whether the proxy is in binary mode: data arrives in {@code b64data} and leaves the same way. */
    public boolean isBinary() {
        return BINARY_ENCODING.equals(this.encoding);
    }
}
