package dev.centrifugo4j.rpc;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What Centrifugo tells the application about the connection that made an RPC call. Declare it as
 * a parameter of a {@link WebSocketRpc} method to receive it.
 */
public final class RpcContext {

    private final String client;

    private final String user;

    private final String transport;

    private final String protocol;

    private final String encoding;

    private final String method;

    private final @Nullable JsonNode meta;

    private final Map<String, List<String>> headers;

    /**
     * Creates a context; the proxy endpoint does this for every call.
     *
     * @param client the connection ID
     * @param user the user ID, empty for an anonymous connection
     * @param transport the client transport, for example {@code websocket}
     * @param protocol the client protocol, {@code json} or {@code protobuf}
     * @param encoding the proxy encoding, {@code json} or {@code binary}
     * @param method the RPC method name
     * @param meta the connection meta, when the proxy includes it
     * @param headers the forwarded HTTP headers, looked up without regard to case
     */
    public RpcContext(
            String client,
            String user,
            String transport,
            String protocol,
            String encoding,
            String method,
            @Nullable JsonNode meta,
            Map<String, List<String>> headers) {
        this.client = client;
        this.user = user;
        this.transport = transport;
        this.protocol = protocol;
        this.encoding = encoding;
        this.method = method;
        this.meta = meta;
        this.headers = caseInsensitive(headers);
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        if (headers.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new java.util.ArrayList<>(a);
            both.addAll(b);
            return List.copyOf(both);
        }));
        return Collections.unmodifiableMap(copy);
    }

    /** The ID of the client connection (a UUID assigned by Centrifugo). */
    public String client() {
        return this.client;
    }

    /** The user ID of the connection; empty for an anonymous connection. */
    public String user() {
        return this.user;
    }

    /** Whether the connection is anonymous (has no user ID). */
    public boolean isAnonymous() {
        return this.user.isEmpty();
    }

    /** The client transport: {@code websocket}, {@code sse}, {@code http_stream}, ... */
    public String transport() {
        return this.transport;
    }

    /** The client protocol: {@code json} or {@code protobuf}. */
    public String protocol() {
        return this.protocol;
    }

    /** The proxy encoding: {@code json}, or {@code binary} when the proxy uses binary encoding. */
    public String encoding() {
        return this.encoding;
    }

    /** The RPC method name the client called. */
    public String method() {
        return this.method;
    }

    /**
     * The connection meta (set by the connection token's {@code meta} claim or by the connect
     * proxy), when the RPC proxy has {@code include_connection_meta} enabled; otherwise {@code
     * null}.
     */
    public @Nullable JsonNode meta() {
        return this.meta;
    }

    /**
     * The HTTP headers Centrifugo forwarded with the call (those listed in the proxy's {@code
     * http_headers} and {@code emulated_headers}), keyed without regard to case.
     */
    public Map<String, List<String>> headers() {
        return this.headers;
    }

    /** The first value of a forwarded header, or {@code null} when it is absent. */
    public @Nullable String header(String name) {
        List<String> values = this.headers.get(name);
        return (values == null || values.isEmpty()) ? null : values.get(0);
    }

    @Override
    public String toString() {
        return "RpcContext{client=" + this.client + ", user=" + this.user + ", method=" + this.method
                + ", transport=" + this.transport + ", protocol=" + this.protocol + ", encoding="
                + this.encoding + "}";
    }
}
