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
 * What Centrifugo tells the application about the connection behind a proxy request: the base of
 * each handler's context ({@code RpcContext}, {@code ChannelContext}, {@code ConnectContext}, {@code
 * RefreshContext}).
 */
public abstract class ProxyContext {

    private final String client;

    private final String user;

    private final String transport;

    private final String protocol;

    private final String encoding;

    private final @Nullable JsonNode meta;

    /** The forwarded headers as the dispatcher got them, not copied. */
    private final Map<String, List<String>> forwarded;

    /** The case-insensitive copy of {@link #forwarded}, made when a handler first asks for it. */
    private volatile @Nullable Map<String, List<String>> headers;

    private final @Nullable Principal principal;

    // The forwarded headers are not copied here (a case-insensitive copy is made when a handler
    // first asks for headers()): the caller must not change the map while the call runs.
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
        this.forwarded = headers;
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
     * http_headers} and {@code emulated_headers}), keyed without regard to case; values of names
     * that differ only in case are merged. Unmodifiable.
     */
    public Map<String, List<String>> headers() {
        // Copied on first use only: most handlers never look at the headers, and the dispatcher's
        // caller hands over a map it does not change during the call.
        Map<String, List<String>> headers = this.headers;
        if (headers == null) {
            headers = caseInsensitive(this.forwarded);
            this.headers = headers;
        }
        return headers;
    }

    /** The first value of a forwarded header (its name compared without regard to case), or {@code null}. */
    public @Nullable String header(String name) {
        Map<String, List<String>> headers = this.headers;
        if (headers != null) {
            List<String> values = headers.get(name);
            return (values == null || values.isEmpty()) ? null : values.get(0);
        }
        // Without the copy: the first value of the first name that matches, as the merged copy has it.
        for (Map.Entry<String, List<String>> entry : this.forwarded.entrySet()) {
            List<String> values = entry.getValue();
            if (entry.getKey().equalsIgnoreCase(name) && !values.isEmpty()) {
                return values.get(0);
            }
        }
        return null;
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
