package dev.centrifugo4j.channel;

import dev.centrifugo4j.proxy.ProxyContext;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The connection and channel behind a subscribe, publish or sub_refresh proxy request. Declare it
 * as a parameter of an {@link OnSubscribe}, {@link OnPublish} or {@link OnSubRefresh} method.
 */
public final class ChannelContext extends ProxyContext {

    private final ChannelOperation operation;

    private final String channel;

    private final String pattern;

    private final Map<String, String> variables;

    /**
     * Creates a context; the proxy endpoint does this for every request.
     *
     * @param operation the proxy question
     * @param channel the channel
     * @param pattern the pattern of the handler that answers
     * @param variables the pattern variables extracted from the channel
     * @param client the connection ID
     * @param user the user ID, empty for an anonymous connection
     * @param transport the client transport
     * @param protocol the client protocol
     * @param encoding the proxy encoding
     * @param meta the connection meta, when the proxy includes it
     * @param headers the forwarded HTTP headers
     * @param principal who the application authenticated for the request, if anyone
     */
    public ChannelContext(
            ChannelOperation operation,
            String channel,
            String pattern,
            Map<String, String> variables,
            String client,
            String user,
            String transport,
            String protocol,
            String encoding,
            @Nullable JsonNode meta,
            Map<String, List<String>> headers,
            @Nullable Principal principal) {
        super(client, user, transport, protocol, encoding, meta, headers, principal);
        this.operation = operation;
        this.channel = channel;
        this.pattern = pattern;
        this.variables = Map.copyOf(variables);
    }

    /** The proxy question being answered. */
    public ChannelOperation operation() {
        return this.operation;
    }

    /** The channel, for example {@code chat:room:42}. */
    public String channel() {
        return this.channel;
    }

    /** The pattern of the handler that answers, for example {@code chat:room:{roomId}}. */
    public String pattern() {
        return this.pattern;
    }

    /** The pattern variables as they appear in the channel, for example {@code roomId=42}. */
    public Map<String, String> variables() {
        return this.variables;
    }

    @Override
    public String toString() {
        return "ChannelContext{" + this.operation + " " + this.channel + ", client=" + client() + ", user=" + user()
                + "}";
    }
}
