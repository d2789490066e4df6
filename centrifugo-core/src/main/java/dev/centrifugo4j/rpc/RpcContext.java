package dev.centrifugo4j.rpc;

import dev.centrifugo4j.proxy.ProxyContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What Centrifugo tells the application about the connection that made an RPC call. Declare it as
 * a parameter of a {@link WebSocketRpc} method to receive it.
 */
public final class RpcContext extends ProxyContext {

    private final String method;

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
     * @param headers the forwarded HTTP headers, looked up without regard to case; not copied until
     *     {@link #headers()} is first called, so not to be changed while the call runs
     * @param principal who the application authenticated for the request, if anyone
     */
    public RpcContext(
            String client,
            String user,
            String transport,
            String protocol,
            String encoding,
            String method,
            @Nullable JsonNode meta,
            Map<String, List<String>> headers,
            @Nullable Principal principal) {
        super(client, user, transport, protocol, encoding, meta, headers, principal);
        this.method = method;
    }

    /** The RPC method name the client called. */
    public String method() {
        return this.method;
    }

    @Override
    public String toString() {
        return "RpcContext{client=" + client() + ", user=" + user() + ", method=" + this.method + ", transport="
                + transport() + ", protocol=" + protocol() + ", encoding=" + encoding() + "}";
    }
}
