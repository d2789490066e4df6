package dev.centrifugo4j.proxy;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What Centrifugo tells the application about the connection behind a proxy request. The base of
 * {@link dev.centrifugo4j.rpc.RpcContext} and {@link dev.centrifugo4j.channel.ChannelContext}.
 */
public abstract class ProxyContext {

    private final String client;

    private final String user;

    private final String transport;

    private final String protocol;

    private final String encoding;

    private final @Nullable JsonNode meta;

    private final Map<String, List<String>> headers;

    private final @Nullable Principal principal;

    protected ProxyContext(
            String client,
            String user,
            String transport,
            String protocol,
            String encoding,
            @Nullable JsonNode meta,
            Map<String, List<String>> headers,
            @Nullable Principal principal) {
        this.client = client;
        this.user = user;
        this.transport = transport;
        this.protocol = protocol;
        this.encoding = encoding;
        this.meta = meta;
        this.headers = caseInsensitive(headers);
        this.principal = principal;
    }

    private static Map<String, List<String>> caseInsensitive(Map<String, List<String>> headers) {
        if (headers.isEmpty()) {
            return Map.of();
        }
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((name, values) -> copy.merge(name, List.copyOf(values), (a, b) -> {
            List<String> both = new ArrayList<>(a);
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

    /**
     * The connection meta (set by the connection token's {@code meta} claim or by the connect
     * proxy), when the proxy has {@code include_connection_meta} enabled; otherwise {@code null}.
     */
    public @Nullable JsonNode meta() {
        return this.meta;
    }

    /**
     * The HTTP headers Centrifugo forwarded with the request (those listed in the proxy's {@code
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

    /**
     * Who the application authenticated for this request, when it did: with Spring Security, the
     * {@code Authentication} that the forwarded session cookie or bearer token established. {@code
     * null} when the request carried no credentials the application recognised.
     */
    public @Nullable Principal principal() {
        return this.principal;
    }
}
