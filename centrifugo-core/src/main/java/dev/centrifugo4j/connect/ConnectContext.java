package dev.centrifugo4j.connect;

import dev.centrifugo4j.proxy.ProxyContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A connection that asks to come in (Centrifugo's connect proxy, called when a client connects
 * without a token). {@link #user()} is empty: deciding who it is is the handler's job, usually from
 * {@link #principal()} (the Spring Security user of the forwarded session cookie or bearer token).
 */
public final class ConnectContext extends ProxyContext {

    private final String name;

    private final String version;

    private final @Nullable JsonNode data;

    private final List<String> channels;

    /**
     * Creates a context; the proxy endpoint does this for every request.
     *
     * @param client the connection ID
     * @param transport the client transport
     * @param protocol the client protocol
     * @param encoding the proxy encoding
     * @param name the client SDK's name
     * @param version the client SDK's version
     * @param data the data the client sent with the connect command
     * @param channels the server-side channels the client asks for
     * @param headers the forwarded HTTP headers
     * @param principal who the application authenticated for the request, if anyone
     */
    public ConnectContext(
            String client,
            String transport,
            String protocol,
            String encoding,
            String name,
            String version,
            @Nullable JsonNode data,
            List<String> channels,
            Map<String, List<String>> headers,
            @Nullable Principal principal) {
        super(client, "", transport, protocol, encoding, null, headers, principal);
        this.name = name;
        this.version = version;
        this.data = data;
        this.channels = List.copyOf(channels);
    }

    /** The client SDK's name, for example {@code js}. */
    public String name() {
        return this.name;
    }

    /** The client SDK's version. */
    public String version() {
        return this.version;
    }

    /** The data the client sent with the connect command, or {@code null}. */
    public @Nullable JsonNode data() {
        return this.data;
    }

    /** The server-side channels the client asks for. */
    public List<String> channels() {
        return this.channels;
    }

    @Override
    public String toString() {
        return "ConnectContext{client=" + client() + ", transport=" + transport() + ", name=" + this.name + "}";
    }
}
