package dev.centrifugo4j.connect;

import dev.centrifugo4j.proxy.ProxyContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** A connection whose expiry has come (Centrifugo's refresh proxy). */
public final class RefreshContext extends ProxyContext {

    /**
     * Creates a context; the proxy endpoint does this for every request.
     *
     * @param client the connection ID
     * @param user the connection's user ID
     * @param transport the client transport
     * @param protocol the client protocol
     * @param encoding the proxy encoding
     * @param meta the connection meta, when the proxy includes it
     * @param headers the forwarded HTTP headers
     * @param principal who the application authenticated for the request, if anyone
     */
    public RefreshContext(
            String client,
            String user,
            String transport,
            String protocol,
            String encoding,
            @Nullable JsonNode meta,
            Map<String, List<String>> headers,
            @Nullable Principal principal) {
        super(client, user, transport, protocol, encoding, meta, headers, principal);
    }

    @Override
    public String toString() {
        return "RefreshContext{client=" + client() + ", user=" + user() + "}";
    }
}
