package dev.centrifugo4j.connect;

import dev.centrifugo4j.channel.ChannelDispatcher;
import dev.centrifugo4j.channel.ProxyRejection;
import dev.centrifugo4j.proxy.Bulkhead;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.proxy.HandlerFailures;
import dev.centrifugo4j.proxy.MalformedProxyRequestException;
import dev.centrifugo4j.proxy.ProxyCall;
import dev.centrifugo4j.proxy.ProxyCodec;
import dev.centrifugo4j.proxy.ProxyExceptionTranslator;
import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.proxy.ProxyRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.ObjectMapper;

/**
 * Answers Centrifugo's connect and refresh proxies with a {@link ConnectHandler} and a {@link
 * RefreshHandler}. A refresh that fails in any way answers {@code expired}: Centrifugo ignores errors
 * there, and a connection that cannot be re-checked should not be extended.
 */
public final class ConnectionDispatcher {

    private static final Logger logger = LoggerFactory.getLogger(ConnectionDispatcher.class);

    private final @Nullable ConnectHandler connectHandler;

    private final @Nullable RefreshHandler refreshHandler;

    private final ProxyCodec codec;

    private final HandlerFailures failures;

    private final @Nullable Bulkhead connectBulkhead;

    private final @Nullable Bulkhead refreshBulkhead;

    /**
     * Creates a dispatcher.
     *
     * @param mapper the application's mapper
     * @param connectHandler answers connect, or {@code null} to refuse every connection
     * @param refreshHandler answers refresh, or {@code null} to expire every connection
     * @param translators translators for exceptions the library does not know
     */
    public ConnectionDispatcher(
            ObjectMapper mapper,
            @Nullable ConnectHandler connectHandler,
            @Nullable RefreshHandler refreshHandler,
            List<ProxyExceptionTranslator> translators) {
        this(mapper, connectHandler, refreshHandler, translators, ConcurrencyLimits.NONE);
    }

    /**
     * Creates a dispatcher whose handlers run at most a number of calls at once (asked with the proxy
     * and handler names {@code connect} and {@code refresh}). A connect over the limit gets error 429
     * "too many concurrent calls" (temporary: the SDK reconnects with backoff); a refresh over the
     * limit keeps the connection and is asked again in a minute.
     *
     * @param mapper the application's mapper
     * @param connectHandler answers connect, or {@code null} to refuse every connection
     * @param refreshHandler answers refresh, or {@code null} to expire every connection
     * @param translators translators for exceptions the library does not know
     * @param limits the concurrency limits of the two handlers
     */
    public ConnectionDispatcher(
            ObjectMapper mapper,
            @Nullable ConnectHandler connectHandler,
            @Nullable RefreshHandler refreshHandler,
            List<ProxyExceptionTranslator> translators,
            ConcurrencyLimits limits) {
        this.codec = new ProxyCodec(mapper);
        this.connectHandler = connectHandler;
        this.refreshHandler = refreshHandler;
        this.failures = new HandlerFailures(translators);
        this.connectBulkhead = (connectHandler != null) ? Bulkhead.of("connect", "connect", false, limits) : null;
        this.refreshBulkhead = (refreshHandler != null) ? Bulkhead.of("refresh", "refresh", false, limits) : null;
    }

    /** The bulkheads of the connect and refresh handlers, those that have a concurrency limit. */
    public List<Bulkhead> bulkheads() {
        List<Bulkhead> bulkheads = new ArrayList<>(2);
        if (this.connectBulkhead != null) {
            bulkheads.add(this.connectBulkhead);
        }
        if (this.refreshBulkhead != null) {
            bulkheads.add(this.refreshBulkhead);
        }
        return List.copyOf(bulkheads);
    }

    /**
     * Answers a connect proxy request.
     *
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @return the HTTP body to answer with (status 200)
     */
    public byte[] connect(byte[] body, Map<String, List<String>> headers, @Nullable Principal principal) {
        return connect(body, headers, principal, null);
    }

    /**
     * Answers a connect proxy request like {@link #connect(byte[], Map, Principal)} and records the outcome
     * in the call.
     *
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @param call where to record the outcome, if anywhere
     * @return the HTTP body to answer with (status 200)
     */
    public byte[] connect(
            byte[] body, Map<String, List<String>> headers, @Nullable Principal principal, @Nullable ProxyCall call) {
        ProxyRequest request;
        try {
            request = this.codec.readRequest(body);
        } catch (MalformedProxyRequestException ex) {
            logger.warn("Rejected a malformed connect proxy request: {}", ex.getMessage());
            return this.codec.encode(HandlerFailures.malformedRequest(), false, "connect", call);
        }
        if (call != null) {
            call.request(request);
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
                headers,
                principal);
        ProxyReply reply;
        ConnectHandler handler = this.connectHandler;
        Bulkhead bulkhead = this.connectBulkhead;
        if (handler == null) {
            reply = ProxyReply.disconnect(4501, "unauthorized");
        } else if (bulkhead != null && !bulkhead.tryEnter()) {
            reply = Bulkhead.tooManyCalls();
        } else {
            try {
                reply = connectReply(handler.connect(context), request.isBinary());
            } catch (Throwable ex) {
                reply = this.failures.toReply(ex, "connect", context);
            } finally {
                if (bulkhead != null) {
                    bulkhead.exit();
                }
            }
        }
        return this.codec.encode(reply, request.isBinary(), "connect", call);
    }

    /**
     * Answers a refresh proxy request.
     *
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @return the HTTP body to answer with (status 200)
     */
    public byte[] refresh(byte[] body, Map<String, List<String>> headers, @Nullable Principal principal) {
        return refresh(body, headers, principal, null);
    }

    /**
     * Answers a refresh proxy request like {@link #refresh(byte[], Map, Principal)} and records the outcome
     * in the call.
     *
     * @param body the HTTP body Centrifugo sent
     * @param headers the HTTP headers of the proxy request
     * @param principal who the application authenticated for the request, if anyone
     * @param call where to record the outcome, if anywhere
     * @return the HTTP body to answer with (status 200)
     */
    public byte[] refresh(
            byte[] body, Map<String, List<String>> headers, @Nullable Principal principal, @Nullable ProxyCall call) {
        ProxyRequest request;
        try {
            request = this.codec.readRequest(body);
        } catch (MalformedProxyRequestException ex) {
            logger.warn("Rejected a malformed refresh proxy request: {}", ex.getMessage());
            return this.codec.encode(expired(), false, "refresh", call);
        }
        if (call != null) {
            call.request(request);
        }
        RefreshContext context = new RefreshContext(
                request.client(),
                request.user(),
                request.transport(),
                request.protocol(),
                request.encoding(),
                request.meta(),
                headers,
                principal);
        ProxyReply reply;
        RefreshHandler handler = this.refreshHandler;
        Bulkhead bulkhead = this.refreshBulkhead;
        if (handler == null) {
            reply = expired();
        } else if (bulkhead != null && !bulkhead.tryEnter()) {
            reply = Bulkhead.retryRefreshLater();
        } else {
            try {
                reply = refreshReply(handler.refresh(context), request.isBinary());
            } catch (Throwable ex) {
                // Logged (with a reference for unexpected failures); the connection expires.
                this.failures.toReply(ex, "refresh of user '" + context.user() + "'", context);
                reply = expired();
            } finally {
                if (bulkhead != null) {
                    bulkhead.exit();
                }
            }
        }
        return this.codec.encode(reply, request.isBinary(), "refresh", call);
    }

    private ProxyReply connectReply(@Nullable ConnectResult result, boolean binary) {
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
        this.codec.putPayload(fields, "info", result.info(), binary);
        this.codec.putPayload(fields, "data", result.data(), binary);
        if (!result.channels().isEmpty()) {
            fields.put("channels", result.channels());
        }
        if (!result.subs().isEmpty()) {
            Map<String, Object> subs = new LinkedHashMap<>();
            result.subs().forEach((channel, subscription) -> {
                Map<String, Object> options = new LinkedHashMap<>();
                this.codec.putPayload(options, "info", subscription.info(), binary);
                this.codec.putPayload(options, "data", subscription.data(), binary);
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

    private ProxyReply refreshReply(@Nullable RefreshResult result, boolean binary) {
        if (result == null || result.isExpired()) {
            return expired();
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("expired", false);
        if (result.expireAt() != null) {
            fields.put("expire_at", result.expireAt().getEpochSecond());
        }
        this.codec.putPayload(fields, "info", result.info(), binary);
        if (result.meta() != null) {
            fields.put("meta", result.meta());
        }
        return ProxyReply.fields(fields);
    }

    private static ProxyReply expired() {
        return ProxyReply.fields(Map.of("expired", true));
    }
}
