package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.dispatch.Bulkhead;
import dev.centrifugo4j.dispatch.HandlerFailures;
import dev.centrifugo4j.dispatch.ProxyCodec;
import dev.centrifugo4j.dispatch.ProxyDispatcher;
import dev.centrifugo4j.dispatch.ProxyInput;
import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.ProxyType;
import dev.centrifugo4j.proxy.ProxyReply;
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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves one of Centrifugo's proxies: checks the shared secret, hands the body, the forwarded
 * headers and the authenticated principal (the request's {@code getUserPrincipal()}, which Spring
 * Security fills from the forwarded session cookie or bearer token) to a {@link ProxyDispatcher} as a
 * {@link ProxyInput}, and answers with HTTP 200 and the reply JSON of its {@link ProxyOutcome}. Synchronous handlers run on the request thread (a virtual thread when
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

    /** Headers of the proxy request itself, not forwarded from the client. */
    private static final String[] TRANSPORT_HEADERS = {
        "content-type", "content-length", "host", "accept-encoding", "connection"
    };

    /** Whether a request that cannot go asynchronous has been logged (once per application). */
    private static final AtomicBoolean warnedNoAsync = new AtomicBoolean();

    private final ProxyType proxy;

    private final ProxyDispatcher dispatcher;

    private final Settings settings;

    /**
     * Creates the endpoint.
     *
     * @param proxy the proxy it serves
     * @param dispatcher answers the proxy's requests
     * @param settings what all proxy endpoints share
     */
    public ProxyEndpoint(ProxyType proxy, ProxyDispatcher dispatcher, Settings settings) {
        this.proxy = proxy;
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    /** The proxy's name (for example {@code rpc}). */
    public String proxy() {
        return this.proxy.proxyName();
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
        String proxy = this.proxy.proxyName();
        CentrifugoProxyObservationContext context = new CentrifugoProxyObservationContext(proxy);
        Observation observation = Observation.createNotStarted(
                this.settings.observationConvention(),
                DefaultCentrifugoProxyObservationConvention.INSTANCE,
                () -> context,
                this.settings.observationRegistry());
        ProxySecretCheck secretCheck = this.settings.secretCheck();
        if (!secretCheck.acceptsValues(request.getHeaders(secretCheck.headerName()))) {
            this.settings.log().unauthorized(proxy, request.getRemoteAddr(), secretCheck.headerName());
            ProxyOutcome.Complete unauthorized = ProxyOutcome.Complete.unauthorized();
            context.ended(unauthorized);
            observation.start().stop();
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setContentLength(0);
            return;
        }
        observation.start();
        ProxyDrain drain = this.settings.drain();
        if (!drain.enter()) {
            byte[] reply = this.proxy.refreshes() ? Replies.refreshLater() : Replies.SHUTTING_DOWN;
            write(response, end(observation, context, endpointReply(reply, HandlerFailures.shuttingDown())));
            return;
        }
        ProxyOutcome outcome;
        try (Observation.Scope scope = observation.openScope()) {
            byte[] body = readBody(request);
            if (body == null) {
                logger.warn(
                        "Rejected a {} proxy request from {} larger than {} bytes (centrifugo.proxy.max-body-size)",
                        proxy,
                        request.getRemoteAddr(),
                        this.settings.maxBodySize());
                drain.exit();
                write(
                        response,
                        end(observation, context, endpointReply(Replies.TOO_LARGE, HandlerFailures.tooLarge())));
                return;
            }
            if (this.settings.log().logsPayloads()) {
                this.settings.log().payload(proxy, "request", body);
            }
            outcome = this.dispatcher.dispatch(
                    new ProxyInput(this.proxy, body, forwardedHeaders(request), request.getUserPrincipal()));
        } catch (IOException | RuntimeException | Error ex) {
            drain.exit();
            observation.error(ex);
            observation.stop();
            throw ex;
        }
        if (outcome instanceof ProxyOutcome.Complete complete) {
            drain.exit();
            write(response, end(observation, context, complete));
            return;
        }
        ProxyOutcome.Pending pending = (ProxyOutcome.Pending) outcome;
        ProxyOutcome.Complete timeout = pending.answeredWith(
                this.proxy.refreshes() ? Replies.refreshLater() : Replies.TIMEOUT, HandlerFailures.timeout(), null);
        Duration limit = this.settings.timeout();
        CompletableFuture<ProxyOutcome.Complete> timed = pending.completion()
                .toCompletableFuture()
                .completeOnTimeout(timeout, limit.toMillis(), TimeUnit.MILLISECONDS);
        // Answered without the handler: its work is cancelled rather than left running for nobody.
        timed.thenAccept((complete) -> {
            if (complete == timeout) {
                pending.cancel();
            }
        });
        if (!request.isAsyncSupported()) {
            // A filter or servlet in front of this one cannot go asynchronous: wait on this thread.
            if (warnedNoAsync.compareAndSet(false, true)) {
                logger.warn(
                        "A {} proxy request waits for an asynchronous handler on the request thread: a filter"
                                + " before the Centrifugo proxy filter does not support async requests"
                                + " (register it with asyncSupported=true)",
                        proxy);
            }
            ProxyOutcome.Complete complete = null;
            Throwable failure = null;
            try {
                complete = timed.join();
            } catch (CompletionException | CancellationException ex) {
                failure = ex;
            }
            write(response, finished(complete, failure, pending, observation, context));
            return;
        }
        AsyncReply async = new AsyncReply(request.startAsync(request, response), pending);
        // The container's own async timeout must not fire before ours does.
        async.context.setTimeout(limit.toMillis() + 5_000);
        async.context.addListener(async);
        timed.whenComplete(
                (complete, failure) -> async.send(finished(complete, failure, pending, observation, context)));
    }

    /** The outcome of a reply the endpoint makes itself (no handler served the call). */
    private static ProxyOutcome.Complete endpointReply(byte[] reply, ProxyReply ending) {
        return ProxyOutcome.Complete.of(reply, ending, ProxyOutcome.NONE, ProxyOutcome.NONE, "", "", null);
    }

    /**
     * Ends a call whose handler completed (or timed out): leaves the drain and returns the reply to
     * send. A dispatcher's stage never completes exceptionally; should one, the client gets an
     * internal error with a reference and the log has the exception.
     */
    private byte[] finished(
            ProxyOutcome.@Nullable Complete complete,
            @Nullable Throwable failure,
            ProxyOutcome.Pending pending,
            Observation observation,
            CentrifugoProxyObservationContext context) {
        this.settings.drain().exit();
        if (failure != null || complete == null) {
            String reference = HandlerFailures.reference();
            logger.error("A {} proxy call failed [ref {}]", this.proxy.proxyName(), reference, failure);
            ProxyReply error = HandlerFailures.internalError(reference);
            return end(
                    observation,
                    context,
                    pending.answeredWith(
                            Replies.CODEC.writeReply(error, false),
                            error,
                            (failure != null) ? failure : new IllegalStateException("no reply")));
        }
        return end(observation, context, complete);
    }

    /** Records the outcome, stops the observation, logs a failed call and returns the reply. */
    private byte[] end(
            Observation observation, CentrifugoProxyObservationContext context, ProxyOutcome.Complete outcome) {
        context.ended(outcome);
        Throwable failure = outcome.failure();
        if (failure != null) {
            observation.error(failure);
        }
        observation.stop();
        ProxyCallLog log = this.settings.log();
        String proxy = this.proxy.proxyName();
        log.ended(proxy, outcome);
        if (log.logsPayloads()) {
            log.payload(proxy, "reply", outcome.reply());
        }
        return outcome.reply();
    }

    /** HTTP 200 with the reply JSON and its Content-Length, in one write. */
    static void write(HttpServletResponse response, byte[] reply) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(JSON);
        response.setContentLength(reply.length);
        response.getOutputStream().write(reply);
    }

    private static final String JSON = "application/json";

    /** The body, or {@code null} when it is larger than allowed. */
    private byte @Nullable [] readBody(HttpServletRequest request) throws IOException {
        long max = this.settings.maxBodySize();
        long length = request.getContentLengthLong();
        if (length > max) {
            return null;
        }
        InputStream in = request.getInputStream();
        if (length >= 0) {
            // The usual case (Centrifugo sends a Content-Length): one array of the exact size.
            byte[] body = new byte[(int) length];
            int read = in.readNBytes(body, 0, body.length);
            return (read == body.length) ? body : Arrays.copyOf(body, read);
        }
        byte[] body = in.readNBytes((int) Math.min(max + 1, Integer.MAX_VALUE));
        return (body.length > max) ? null : body;
    }

    /** The request's headers but those of the proxy request itself: the one copy handlers see. */
    private Map<String, List<String>> forwardedHeaders(HttpServletRequest request) {
        Enumeration<String> names = request.getHeaderNames();
        Map<String, List<String>> headers = null;
        String secretHeader = this.settings.secretCheck().headerName();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (isTransportHeader(name) || name.equalsIgnoreCase(secretHeader)) {
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

    private static boolean isTransportHeader(String name) {
        for (String header : TRANSPORT_HEADERS) {
            if (header.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
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
     * The replies the endpoint writes itself, made on first use: an application that never times
     * out, refuses or drains a call builds no mapper for them.
     */
    private static final class Replies {

        static final ProxyCodec CODEC = new ProxyCodec(JsonMapper.shared());

        /** A handler that did not complete within centrifugo.proxy.timeout. */
        static final byte[] TIMEOUT = CODEC.writeReply(HandlerFailures.timeout(), false);

        /** A request larger than centrifugo.proxy.max-body-size. */
        static final byte[] TOO_LARGE = CODEC.writeReply(HandlerFailures.tooLarge(), false);

        /** A request that arrives while the application shuts down. */
        static final byte[] SHUTTING_DOWN = CODEC.writeReply(HandlerFailures.shuttingDown(), false);

        /** The extension of a refresh or sub_refresh that could not be served (a new array each time). */
        static byte[] refreshLater() {
            return CODEC.writeReply(Bulkhead.retryRefreshLater(), false);
        }
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
