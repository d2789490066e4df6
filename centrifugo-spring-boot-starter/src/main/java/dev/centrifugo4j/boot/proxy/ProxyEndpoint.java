package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.ProxyDispatcher;
import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.ProxyType;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one of Centrifugo's proxies: checks the shared secret, hands the body, the forwarded
 * headers and the authenticated principal (the request's {@code getUserPrincipal()}, which Spring
 * Security fills from the forwarded session cookie or bearer token) to a {@link ProxyDispatcher} as a
 * {@link dev.centrifugo4j.dispatch.ProxyInput}, and answers with HTTP 200 and the reply JSON of its {@link ProxyOutcome}. Synchronous handlers run on the request thread (a virtual thread when
 * the application enables them); asynchronous ones use the servlet container's async support and are
 * answered with the timeout reply when they take too long, their stage then cancelled ({@link
 * ProxyOutcome.Pending#cancel()}). A body larger than the limit is answered
 * with error 413 without reading it further.
 *
 * <p>{@link ProxyFilter} calls it on the servlet request and response directly: no {@code
 * DispatcherServlet}, handler mapping, message converters or async re-dispatch between Centrifugo
 * and the handler.
 *
 * <p>Every call is an {@link Observation} named {@code centrifugo4j.proxy.requests} (see {@link
 * DefaultCentrifugoProxyObservationConvention}): a timer with Micrometer, a span with a tracing
 * bridge, nothing without an {@link ObservationRegistry}. The span is a child of the HTTP server
 * observation, which continues a {@code traceparent} header that Centrifugo forwards. Requests
 * without a valid secret are observed too (outcome {@code unauthorized}); a handler's unexpected
 * exception (error 500) is the observation's error.
 *
 * <p>Each failed call is logged in one line by {@link ProxyCallLog}; while the application shuts
 * down, {@link ProxyDrain} refuses new calls (error 503, temporary) and waits for those in flight.
 */
public final class ProxyEndpoint {

    private static final Logger logger = LoggerFactory.getLogger(ProxyEndpoint.class);

    /** Whether a request that cannot go asynchronous has been logged (once per application). */
    private static final AtomicBoolean warnedNoAsync = new AtomicBoolean();

    private final ProxyCall call;

    /**
     * Creates the endpoint.
     *
     * @param proxy the proxy it serves
     * @param dispatcher answers the proxy's requests
     * @param settings what all proxy endpoints share
     */
    public ProxyEndpoint(ProxyType proxy, ProxyDispatcher dispatcher, Settings settings) {
        this.call = new ProxyCall(proxy, dispatcher, settings);
    }

    /** The proxy's name (for example {@code rpc}). */
    public String proxy() {
        return this.call.proxy().proxyName();
    }

    /**
     * Serves one proxy request: answers it before returning, or starts the request's async mode
     * and answers it when the handler completes.
     *
     * @param request the POST request from Centrifugo
     * @param response its response
     * @throws IOException when the body cannot be read
     */
    public void serve(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ProxyCall call = this.call;
        CentrifugoProxyObservationContext context =
                new CentrifugoProxyObservationContext(call.proxy().proxyName());
        Observation observation = call.observation(context, null);
        ProxySecretCheck secretCheck = call.settings().secretCheck();
        if (!secretCheck.acceptsValues(request.getHeaders(secretCheck.headerName()))) {
            call.unauthorized(observation, context, request.getRemoteAddr());
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentLength(0);
            return;
        }
        observation.start();
        byte[] refused = call.enter(observation, context);
        if (refused != null) {
            write(response, refused);
            return;
        }
        ProxyOutcome outcome;
        try (Observation.Scope scope = observation.openScope()) {
            byte[] body = readBody(request);
            if (body == null) {
                write(response, call.tooLarge(observation, context, request.getRemoteAddr()));
                return;
            }
            outcome = call.dispatch(body, forwardedHeaders(request), request.getUserPrincipal());
        } catch (IOException | RuntimeException | Error ex) {
            call.failed(observation, ex);
            throw ex;
        }
        if (outcome instanceof ProxyOutcome.Complete complete) {
            write(response, call.completed(observation, context, complete));
            return;
        }
        ProxyOutcome.Pending pending = (ProxyOutcome.Pending) outcome;
        CompletableFuture<byte[]> reply = call.reply(pending, observation, context);
        if (!request.isAsyncSupported()) {
            // A filter or servlet in front of this one cannot go asynchronous: wait on this thread.
            if (warnedNoAsync.compareAndSet(false, true)) {
                logger.warn(
                        "A {} proxy request waits for an asynchronous handler on the request thread: a filter"
                                + " before the Centrifugo proxy filter does not support async requests"
                                + " (register it with asyncSupported=true)",
                        call.proxy().proxyName());
            }
            write(response, reply.join());
            return;
        }
        AsyncReply async = new AsyncReply(request.startAsync(request, response), pending);
        // The container's own async timeout must not fire before ours does.
        async.context.setTimeout(call.settings().timeout().toMillis() + 5_000);
        async.context.addListener(async);
        reply.thenAccept(async::send);
    }

    /** HTTP 200 with the reply JSON and its Content-Length, in one write. */
    static void write(HttpServletResponse response, byte[] reply) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(ProxyCall.JSON);
        response.setContentLength(reply.length);
        response.getOutputStream().write(reply);
    }

    /** The body, or {@code null} when it is larger than allowed. */
    private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
        long length = request.getContentLengthLong();
        if (this.call.tooLarge(length)) {
            return null;
        }
        InputStream in = request.getInputStream();
        if (length >= 0) {
            // The usual case (Centrifugo sends a Content-Length): one array of the exact size.
            byte[] body = new byte[(int) length];
            int read = in.readNBytes(body, 0, body.length);
            return (read == body.length) ? body : Arrays.copyOf(body, read);
        }
        long max = this.call.settings().maxBodySize();
        byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
        return this.call.tooLarge(body.length) ? null : body;
    }

    /** The request's headers but those of the proxy request itself: the one copy handlers see. */
    private Map<String, List<String>> forwardedHeaders(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        Map<String, List<String>> headers = null;
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (!this.call.isForwarded(name)) {
                continue;
            }
            if (headers == null) {
                headers = new LinkedHashMap<>(8);
            }
            Enumeration<String> values = request.getHeaders(name);
            String first = values.hasMoreElements() ? values.nextElement() : null;
            headers.put(
                    name,
                    (first == null)
                            ? List.of()
                            : values.hasMoreElements() ? moreValues(first, values) : List.of(first));
        }
        return (headers != null) ? headers : Map.of();
    }

    private static List<String> moreValues(String first, Enumeration<String> rest) {
        List<String> values = new ArrayList<>(4);
        values.add(first);
        while (rest.hasMoreElements()) {
            values.add(rest.nextElement());
        }
        return List.copyOf(values);
    }

    /**
     * The asynchronous end of a call: sends the reply once, unless the container ended the request
     * first (its async timeout, or an error on the connection).
     */
    private static final class AsyncReply implements AsyncListener {

        private final AsyncContext context;

        private final ProxyOutcome.Pending pending;

        private final AtomicBoolean ended = new AtomicBoolean();

        AsyncReply(AsyncContext context, ProxyOutcome.Pending pending) {
            this.context = context;
            this.pending = pending;
        }

        void send(byte[] reply) {
            if (!this.ended.compareAndSet(false, true)) {
                return;
            }
            try {
                write((HttpServletResponse) this.context.getResponse(), reply);
            } catch (IOException | RuntimeException ex) {
                logger.debug("Could not send a proxy reply: {}", ex.toString());
            } finally {
                this.context.complete();
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            if (this.ended.compareAndSet(false, true)) {
                logger.warn("The servlet container timed out a proxy request before its handler ended");
                this.pending.cancel();
                ((HttpServletResponse) this.context.getResponse())
                        .setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                this.context.complete();
            }
        }

        @Override
        public void onError(AsyncEvent event) {
            if (this.ended.compareAndSet(false, true)) {
                // The connection is gone: no one waits for the handler any more.
                this.pending.cancel();
                this.context.complete();
            }
        }

        @Override
        public void onComplete(AsyncEvent event) {
            this.ended.set(true);
        }

        @Override
        public void onStartAsync(AsyncEvent event) {}
    }

    /**
     * What all proxy endpoints share.
     *
     * @param secretCheck the shared-secret check
     * @param timeout how long handlers may take
     * @param maxBodySize the largest request body accepted, in bytes: positive, below 2 GiB
     * @param observationRegistry where proxy calls are observed ({@link ObservationRegistry#NOOP} for nowhere)
     * @param observationConvention the application's convention, or {@code null} for the default
     * @param drain counts calls in flight for graceful shutdown
     * @param log logs failed calls and, when asked, payloads
     */
    public record Settings(
            ProxySecretCheck secretCheck,
            Duration timeout,
            long maxBodySize,
            ObservationRegistry observationRegistry,
            @Nullable CentrifugoProxyObservationConvention observationConvention,
            ProxyDrain drain,
            ProxyCallLog log) {

        public Settings {
            if (maxBodySize <= 0 || maxBodySize > Integer.MAX_VALUE - 8) {
                // A byte array holds the body: larger ones would overflow its int length.
                throw new IllegalArgumentException("'maxBodySize' must be positive and below 2 GiB: " + maxBodySize);
            }
        }
    }
}
