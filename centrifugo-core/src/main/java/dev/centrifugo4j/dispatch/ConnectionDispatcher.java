package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.channel.ProxyRejection;
import dev.centrifugo4j.connect.ConnectContext;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.connect.RefreshContext;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.connect.RefreshResult;
import dev.centrifugo4j.proxy.ProxyReply;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Answers Centrifugo's connect and refresh proxies with a {@link ConnectHandler} and a {@link
 * RefreshHandler}. A refresh that fails in any way answers {@code expired}: Centrifugo ignores errors
 * there, and a connection that cannot be re-checked should not be extended.
 *
 * <p>The handlers run at most the number of calls at once that the settings' concurrency limits give
 * them (asked with the proxy and handler names {@code connect} and {@code refresh}). A connect over
 * the limit gets error 429 "too many concurrent calls" (temporary: the SDK reconnects with backoff);
 * a refresh over the limit keeps the connection and is asked again in a minute.
 */
public final class ConnectionDispatcher implements ProxyDispatcher {

    private static final ProxyReply EXPIRED = ProxyReply.fields(Map.of("expired", true));

    private static final ProxyReply UNAUTHORIZED = ProxyReply.disconnect(4501, "unauthorized");

    private final Outcomes outcomes;

    /** The connect handler, {@code null} to refuse every connection. */
    private final @Nullable BoundHandler connect;

    /** The refresh handler, {@code null} to expire every connection. */
    private final @Nullable BoundHandler refresh;

    /**
     * Creates a dispatcher.
     *
     * @param settings what the application's dispatchers share
     * @param connectHandler answers connect, or {@code null} to refuse every connection
     * @param refreshHandler answers refresh, or {@code null} to expire every connection
     * @throws IllegalStateException when a concurrency limit is negative
     */
    public ConnectionDispatcher(
            DispatchSettings settings,
            @Nullable ConnectHandler connectHandler,
            @Nullable RefreshHandler refreshHandler) {
        if (settings == null) {
            throw new IllegalArgumentException("'settings' must not be null");
        }
        this.outcomes = settings.outcomes();
        ProxyCodec codec = settings.codec();
        this.connect = (connectHandler != null)
                ? new BoundHandler(
                        ProxyOutcome.NONE,
                        ProxyOutcome.NONE,
                        "ConnectHandler.connect(ConnectContext)",
                        false,
                        settings.bulkhead(ProxyType.CONNECT, "connect", false),
                        (context, prepared) -> connectHandler.connect((ConnectContext) context),
                        (result, binary) -> connectReply(codec, (ConnectResult) result, binary),
                        null)
                : null;
        // A refresh that fails in any way expires the connection (after the failure is logged).
        this.refresh = (refreshHandler != null)
                ? new BoundHandler(
                        ProxyOutcome.NONE,
                        ProxyOutcome.NONE,
                        "RefreshHandler.refresh(RefreshContext)",
                        false,
                        settings.bulkhead(ProxyType.REFRESH, "refresh", false),
                        (context, prepared) -> refreshHandler.refresh((RefreshContext) context),
                        (result, binary) -> refreshReply(codec, (RefreshResult) result, binary),
                        EXPIRED)
                : null;
    }

    @Override
    public Set<ProxyType> proxies() {
        return Set.of(ProxyType.CONNECT, ProxyType.REFRESH);
    }

    /** The bulkheads of the connect and refresh handlers, those that have a concurrency limit. */
    @Override
    public List<Bulkhead> bulkheads() {
        List<Bulkhead> bulkheads = new ArrayList<>(2);
        for (BoundHandler handler : Arrays.asList(this.connect, this.refresh)) {
            if (handler != null && handler.bulkhead() != null) {
                bulkheads.add(handler.bulkhead());
            }
        }
        return List.copyOf(bulkheads);
    }

    @Override
    public ProxyOutcome dispatch(ProxyInput input) {
        return switch (input.proxy()) {
            case CONNECT -> connect(input);
            case REFRESH -> refresh(input);
            case RPC, SUBSCRIBE, PUBLISH, SUB_REFRESH ->
                throw new IllegalArgumentException(
                        "The connection dispatcher does not answer the " + input.proxy() + " proxy");
        };
    }

    private ProxyOutcome connect(ProxyInput input) {
        ProxyRequest request;
        try {
            request = this.outcomes.read(input);
        } catch (MalformedProxyRequestException ex) {
            return this.outcomes.malformed(ex);
        }
        BoundHandler handler = this.connect;
        if (handler == null) {
            return this.outcomes.answer(UNAUTHORIZED, ProxyType.CONNECT, request, ProxyOutcome.NONE, ProxyOutcome.NONE);
        }
        ConnectContext context = new ConnectContext(
                request.client(),
                request.transport(),
                request.protocol(),
                request.encoding(),
                request.name(),
                request.version(),
                request.data(),
                request.channels(),
                input.headers(),
                input.principal());
        return this.outcomes.run(handler, ProxyType.CONNECT, request, context, null);
    }

    private ProxyOutcome refresh(ProxyInput input) {
        ProxyRequest request;
        try {
            request = this.outcomes.read(input);
        } catch (MalformedProxyRequestException ex) {
            return this.outcomes.malformed(EXPIRED);
        }
        BoundHandler handler = this.refresh;
        if (handler == null) {
            return this.outcomes.answer(EXPIRED, ProxyType.REFRESH, request, ProxyOutcome.NONE, ProxyOutcome.NONE);
        }
        RefreshContext context = new RefreshContext(
                request.client(),
                request.user(),
                request.transport(),
                request.protocol(),
                request.encoding(),
                request.meta(),
                input.headers(),
                input.principal());
        return this.outcomes.run(handler, ProxyType.REFRESH, request, context, null);
    }

    private static ProxyReply connectReply(ProxyCodec codec, @Nullable ConnectResult result, boolean binary) {
        if (result == null) {
            throw new IllegalStateException("ConnectHandler returned null");
        }
        ProxyRejection rejection = result.rejection();
        if (rejection != null) {
            return rejection.toReply();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("user", result.user());
        if (result.expireAt() != null) {
            fields.put("expire_at", result.expireAt().getEpochSecond());
        }
        codec.putPayload(fields, "info", result.info(), binary);
        codec.putPayload(fields, "data", result.data(), binary);
        if (!result.channels().isEmpty()) {
            fields.put("channels", result.channels());
        }
        if (!result.subs().isEmpty()) {
            Map<String, Object> subs = new LinkedHashMap<>();
            result.subs().forEach((channel, subscription) -> {
                Map<String, Object> options = new LinkedHashMap<>();
                codec.putPayload(options, "info", subscription.info(), binary);
                codec.putPayload(options, "data", subscription.data(), binary);
                if (!subscription.override().isEmpty()) {
                    options.put("override", ChannelDispatcher.override(subscription.override()));
                }
                subs.put(channel, options);
            });
            fields.put("subs", subs);
        }
        if (result.meta() != null) {
            fields.put("meta", result.meta());
        }
        return ProxyReply.fields(fields);
    }

    private static ProxyReply refreshReply(ProxyCodec codec, @Nullable RefreshResult result, boolean binary) {
        if (result == null || result.isExpired()) {
            return EXPIRED;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("expired", false);
        if (result.expireAt() != null) {
            fields.put("expire_at", result.expireAt().getEpochSecond());
        }
        codec.putPayload(fields, "info", result.info(), binary);
        if (result.meta() != null) {
            fields.put("meta", result.meta());
        }
        return ProxyReply.fields(fields);
    }
}
