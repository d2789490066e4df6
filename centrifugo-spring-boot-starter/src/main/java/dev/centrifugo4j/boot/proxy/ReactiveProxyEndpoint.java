package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyDispatcher;
import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.ProxyType;
import io.micrometer.observation.Observation;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Serves one of Centrifugo's proxies on WebFlux, as {@link ProxyEndpoint} does on servlets and with
 * the same {@link ProxyCall}: the shared secret is checked before the body is read (HTTP 401
 * without it), the body is read up to {@code centrifugo.proxy.max-body-size} (error 413 past it),
 * handed to the {@link ProxyDispatcher} with the forwarded headers and the exchange's principal
 * (which Spring Security's WebFlux filter chain sets), and answered with HTTP 200 and the reply
 * JSON.
 *
 * <p>Nothing here blocks: the request is read and dispatched on the event loop, while synchronous
 * handlers run on the dispatcher's blocking executor ({@code
 * DispatchSettings.Builder#blockingHandlerExecutor}, which the starter sets on WebFlux) and
 * asynchronous ones complete on their own threads; the reply is written when the call's stage
 * completes, or with the timeout reply after {@code centrifugo.proxy.timeout}. A connection that
 * closes before the reply cancels the handler's work.
 *
 * <p>The call's observation is a child of the HTTP server observation that WebFlux keeps in the
 * Reactor context, and sets the server observation's {@code uri} to the proxy path.
 */
public final class ReactiveProxyEndpoint {

    /** The Reactor context key of the current observation (Micrometer's {@code ObservationThreadLocalAccessor.KEY}). */
    private static final String OBSERVATION_KEY = "micrometer.observation";

    private final ProxyCall call;

    private final String pattern;

    private final ReactivePrincipalScope principalScope;

    /**
     * Creates the endpoint.
     *
     * @param proxy the proxy it serves
     * @param dispatcher answers the proxy's requests
     * @param settings what all proxy endpoints share
     * @param pattern the proxy's path, the HTTP server observation's {@code uri}
     */
    public ReactiveProxyEndpoint(
            ProxyType proxy, ProxyDispatcher dispatcher, ProxyEndpoint.Settings settings, String pattern) {
        this(proxy, dispatcher, settings, pattern, ReactivePrincipalScope.NONE);
    }

    /**
     * Creates the endpoint.
     *
     * @param proxy the proxy it serves
     * @param dispatcher answers the proxy's requests
     * @param settings what all proxy endpoints share
     * @param pattern the proxy's path, the HTTP server observation's {@code uri}
     * @param principalScope makes the principal current while the call is dispatched
     */
    public ReactiveProxyEndpoint(
            ProxyType proxy,
            ProxyDispatcher dispatcher,
            ProxyEndpoint.Settings settings,
            String pattern,
            ReactivePrincipalScope principalScope) {
        this.call = new ProxyCall(proxy, dispatcher, settings);
        this.pattern = pattern;
        this.principalScope = principalScope;
    }

    /** The proxy's name (for example {@code rpc}). */
    public String proxy() {
        return this.call.proxy().proxyName();
    }

    /**
     * Serves one proxy request.
     *
     * @param exchange the POST request from Centrifugo and its response
     * @return completes when the reply is written
     */
    public Mono<Void> serve(ServerWebExchange exchange) {
        return Mono.deferContextual((reactorContext) -> {
            Observation parent = reactorContext.getOrDefault(OBSERVATION_KEY, null);
            return serve(exchange, parent);
        });
    }

    private Mono<Void> serve(ServerWebExchange exchange, @Nullable Observation parent) {
        ProxyCall call = this.call;
        ServerHttpRequest request = exchange.getRequest();
        ServerHttpResponse response = exchange.getResponse();
        ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .ifPresent((observed) -> observed.setPathPattern(this.pattern));
        CentrifugoProxyObservationContext context =
                new CentrifugoProxyObservationContext(call.proxy().proxyName());
        Observation observation = call.observation(context, parent);
        ProxySecretCheck secretCheck = call.settings().secretCheck();
        if (!secretCheck.acceptsList(request.getHeaders().get(secretCheck.headerName()))) {
            call.unauthorized(observation, context, remoteAddress(request));
            response.setStatusCode(HttpStatus.UNAUTHORIZED);
            response.getHeaders().setContentLength(0);
            return response.setComplete();
        }
        observation.start();
        byte[] refused = call.enter(observation, context);
        if (refused != null) {
            return write(response, refused);
        }
        if (call.tooLarge(request.getHeaders().getContentLength())) {
            return write(response, call.tooLarge(observation, context, remoteAddress(request)));
        }
        int max = (int) call.settings().maxBodySize();
        // Until the body is read the call is this method's to end; then the dispatch's (a reply is
        // always produced), or the body limit's. A request that breaks off or is abandoned before its
        // body arrived must end too, or the graceful drain would wait for it.
        AtomicBoolean reading = new AtomicBoolean(true);
        return DataBufferUtils.join(request.getBody(), max)
                .map(ReactiveProxyEndpoint::bytes)
                .defaultIfEmpty(EMPTY)
                .doOnCancel(() -> {
                    if (reading.compareAndSet(true, false)) {
                        call.failed(observation, new CancellationException("abandoned before its body was read"));
                    }
                })
                .onErrorResume((ex) -> {
                    if (!reading.compareAndSet(true, false)) {
                        return Mono.error(ex);
                    }
                    if (ex instanceof DataBufferLimitException) {
                        return Mono.fromSupplier(() -> call.tooLarge(observation, context, remoteAddress(request)))
                                .flatMap((reply) -> write(response, reply))
                                .then(Mono.empty());
                    }
                    call.failed(observation, ex);
                    return Mono.error(ex);
                })
                .flatMap((body) -> reading.compareAndSet(true, false)
                        ? exchange.getPrincipal()
                                .flatMap((principal) -> dispatched(exchange, observation, context, body, principal))
                                .switchIfEmpty(Mono.defer(() -> dispatched(exchange, observation, context, body, null)))
                        : Mono.empty())
                .flatMap((reply) -> write(response, reply));
    }

    private static final byte[] EMPTY = {};

    /** Dispatches the body: the reply, now or once the handler completes. */
    private Mono<byte[]> dispatched(
            ServerWebExchange exchange,
            Observation observation,
            CentrifugoProxyObservationContext context,
            byte[] body,
            @Nullable Principal principal) {
        ProxyCall call = this.call;
        ProxyOutcome outcome;
        try (Observation.Scope scope = observation.openScope();
                ReactivePrincipalScope.Scope current = this.principalScope.open(principal)) {
            outcome = call.dispatch(body, forwardedHeaders(exchange.getRequest().getHeaders()), principal);
        } catch (RuntimeException | Error ex) {
            call.failed(observation, ex);
            return Mono.error(ex);
        }
        if (outcome instanceof ProxyOutcome.Complete complete) {
            return Mono.just(call.completed(observation, context, complete));
        }
        ProxyOutcome.Pending pending = (ProxyOutcome.Pending) outcome;
        // The reply completes (and the call ends) whoever waits for it; a connection that closes first
        // cancels the handler's work, since no one waits for it any more.
        return Mono.fromFuture(call.reply(pending, observation, context), true).doOnCancel(pending::cancel);
    }

    /** HTTP 200 with the reply JSON and its Content-Length, in one write. */
    private static Mono<Void> write(ServerHttpResponse response, byte[] reply) {
        response.setStatusCode(HttpStatus.OK);
        HttpHeaders headers = response.getHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setContentLength(reply.length);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(reply)));
    }

    private static byte[] bytes(DataBuffer buffer) {
        try {
            byte[] body = new byte[buffer.readableByteCount()];
            buffer.read(body);
            return body;
        } finally {
            DataBufferUtils.release(buffer);
        }
    }

    /** The request's headers but those of the proxy request itself: the one copy handlers see. */
    private Map<String, List<String>> forwardedHeaders(HttpHeaders requestHeaders) {
        Map<String, List<String>> headers = new LinkedHashMap<>(8);
        requestHeaders.forEach((name, values) -> {
            if (this.call.isForwarded(name)) {
                headers.put(name, List.copyOf(values));
            }
        });
        return headers.isEmpty() ? Map.of() : headers;
    }

    private static String remoteAddress(ServerHttpRequest request) {
        InetSocketAddress address = request.getRemoteAddress();
        if (address == null) {
            return "unknown";
        }
        return (address.getAddress() != null) ? address.getAddress().getHostAddress() : address.getHostString();
    }
}
