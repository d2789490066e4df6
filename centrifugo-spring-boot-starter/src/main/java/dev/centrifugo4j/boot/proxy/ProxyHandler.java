package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.proxy.Bulkhead;
import dev.centrifugo4j.proxy.HandlerFailures;
import dev.centrifugo4j.proxy.ProxyCall;
import dev.centrifugo4j.proxy.ProxyCodec;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Serves one of Centrifugo's proxies: checks the shared secret, hands the body, the forwarded
 * headers and the authenticated principal (the request's {@code getUserPrincipal()}, which Spring
 * Security fills from the forwarded session cookie or bearer token) to a dispatcher, and answers with
 * HTTP 200 and the reply JSON. Synchronous handlers run on the request thread (a virtual thread when
 * the application enables them); asynchronous ones use the servlet container's async support and are
 * answered with the timeout reply when they take too long. A body larger than the limit is answered
 * with error 413 without reading it further.
 *
 * <p>Every call is an {@link Observation} named {@code centrifugo4j.proxy.requests} (see {@link
 * DefaultCentrifugoProxyObservationConvention}): a timer with Micrometer, a span with a tracing
 * bridge, nothing without an {@link ObservationRegistry}. The span is a child of the HTTP server
 * observation, which continues a {@code traceparent} header that Centrifugo forwards. Requests
 * without a valid secret are observed too (outcome {@code unauthorized}).
 *
 * <p>Each failed call is logged in one line by {@link ProxyCallLog}; while the application shuts
 * down, {@link ProxyDrain} refuses new calls (error 503, temporary) and waits for those in flight.
 */
public final class ProxyHandler implements HandlerFunction<ServerResponse> {

    private static final Logger logger = LoggerFactory.getLogger(ProxyHandler.class);

    /** Headers of the proxy request itself, not forwarded from the client. */
    private static final String[] TRANSPORT_HEADERS = {
        "content-type", "content-length", "host", "accept-encoding", "connection"
    };

    private final String proxy;

    /**
     * Whether this endpoint serves refresh or sub_refresh: Centrifugo ignores an error in their
     * replies and expires the connection or subscription, so a call refused while draining or timed
     * out gets a short extension instead ({@link Bulkhead#retryRefreshLater()}).
     */
    private final boolean refreshes;

    private final Dispatch dispatch;

    private final Settings settings;

    /**
     * Creates the handler.
     *
     * @param proxy the proxy's name, for the log and the metrics (for example {@code rpc})
     * @param dispatch produces the reply body
     * @param settings what all proxy endpoints share
     */
    public ProxyHandler(String proxy, Dispatch dispatch, Settings settings) {
        this.proxy = proxy;
        this.refreshes = "refresh".equals(proxy) || "sub_refresh".equals(proxy);
        this.dispatch = dispatch;
        this.settings = settings;
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest servletRequest = request.servletRequest();
        CentrifugoProxyObservationContext context = new CentrifugoProxyObservationContext(this.proxy);
        Observation observation = Observation.createNotStarted(
                this.settings.observationConvention(),
                DefaultCentrifugoProxyObservationConvention.INSTANCE,
                () -> context,
                this.settings.observationRegistry());
        ProxySecretCheck secretCheck = this.settings.secretCheck();
        if (!secretCheck.accepts(servletRequest.getHeader(secretCheck.headerName()))) {
            logger.warn(
                    "Rejected a {} proxy request from {} without a valid '{}' header",
                    this.proxy,
                    servletRequest.getRemoteAddr(),
                    secretCheck.headerName());
            context.call().unauthorized();
            observation.start().stop();
            this.settings.log().ended(this.proxy, context.call());
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        observation.start();
        ProxyDrain drain = this.settings.drain();
        if (!drain.enter()) {
            context.call().replied(HandlerFailures.shuttingDown());
            return end(observation, context, this.refreshes ? RefreshLater.reply() : this.settings.shuttingDownReply());
        }
        CompletableFuture<byte[]> reply;
        try (Observation.Scope scope = observation.openScope()) {
            byte[] body = readBody(servletRequest);
            if (body == null) {
                logger.warn(
                        "Rejected a {} proxy request from {} larger than {} bytes (centrifugo.proxy.max-body-size)",
                        this.proxy,
                        servletRequest.getRemoteAddr(),
                        this.settings.maxBodySize());
                context.call().replied(HandlerFailures.tooLarge());
                drain.exit();
                return end(observation, context, this.settings.tooLargeReply());
            }
            if (this.settings.log().logsPayloads()) {
                this.settings.log().payload(this.proxy, "request", body);
            }
            reply = this.dispatch.dispatch(
                    body, forwardedHeaders(servletRequest), servletRequest.getUserPrincipal(), context.call());
        } catch (IOException | RuntimeException | Error ex) {
            drain.exit();
            observation.error(ex);
            observation.stop();
            throw ex;
        }
        if (reply.isDone()) {
            drain.exit();
            return end(observation, context, reply.join());
        }
        byte[] timeoutReply = this.refreshes ? RefreshLater.reply() : this.settings.timeoutReply();
        Duration timeout = this.settings.asyncTimeout();
        CompletableFuture<ServerResponse> response = reply.completeOnTimeout(
                        timeoutReply, timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((bytes, failure) -> {
                    drain.exit();
                    if (failure != null) {
                        // Dispatchers complete normally; should one not, the call still ends here.
                        observation.error(failure);
                        observation.stop();
                        throw (failure instanceof CompletionException completion)
                                ? completion
                                : new CompletionException(failure);
                    }
                    if (bytes == timeoutReply) {
                        context.timedOut();
                    }
                    return end(observation, context, bytes);
                });
        // The container's own async timeout must not fire before ours does.
        return ServerResponse.async(response, timeout.plusSeconds(5));
    }

    /** Stops the observation, logs a failed call and answers with the reply. */
    private ServerResponse end(Observation observation, CentrifugoProxyObservationContext context, byte[] reply) {
        observation.stop();
        ProxyCallLog log = this.settings.log();
        log.ended(this.proxy, context.call());
        if (log.logsPayloads()) {
            log.payload(this.proxy, "reply", reply);
        }
        return ok(reply);
    }

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

    private static ServerResponse ok(byte[] body) {
        return new JsonReply(body);
    }

    /**
     * HTTP 200 with a JSON body, written straight to the servlet response with its Content-Length:
     * the reply is already bytes, so the message converters and content negotiation that {@code
     * ServerResponse.ok().body(...)} goes through have nothing to do.
     */
    private static final class JsonReply implements ServerResponse {

        private final byte[] body;

        JsonReply(byte[] body) {
            this.body = body;
        }

        @Override
        public HttpStatusCode statusCode() {
            return HttpStatus.OK;
        }

        @Override
        public HttpHeaders headers() {
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.APPLICATION_JSON);
            headers.setContentLength(this.body.length);
            return HttpHeaders.readOnlyHttpHeaders(headers);
        }

        @Override
        public MultiValueMap<String, Cookie> cookies() {
            return new LinkedMultiValueMap<>(0);
        }

        @Override
        public @Nullable ModelAndView writeTo(
                HttpServletRequest request, HttpServletResponse response, ServerResponse.Context context)
                throws IOException {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(MediaType.APPLICATION_JSON_VALUE);
            response.setContentLength(this.body.length);
            response.getOutputStream().write(this.body);
            return null;
        }
    }

    /** The extension reply of refresh and sub_refresh calls that could not be served (made when needed). */
    private static final class RefreshLater {

        private static final ProxyCodec CODEC = new ProxyCodec(JsonMapper.shared());

        static byte[] reply() {
            return CODEC.writeReply(Bulkhead.retryRefreshLater(), false);
        }
    }

    /**
     * What all proxy endpoints share.
     *
     * @param secretCheck the shared-secret check
     * @param asyncTimeout how long asynchronous handlers may take
     * @param timeoutReply the reply body when they take longer
     * @param maxBodySize the largest request body accepted, in bytes
     * @param tooLargeReply the reply body for larger requests
     * @param observationRegistry where proxy calls are observed ({@link ObservationRegistry#NOOP} for nowhere)
     * @param observationConvention the application's convention, or {@code null} for the default
     * @param shuttingDownReply the reply body for calls that arrive while the application drains
     * @param drain counts calls in flight for graceful shutdown
     * @param log logs failed calls and, when asked, payloads
     */
    public record Settings(
            ProxySecretCheck secretCheck,
            Duration asyncTimeout,
            byte[] timeoutReply,
            long maxBodySize,
            byte[] tooLargeReply,
            ObservationRegistry observationRegistry,
            @Nullable CentrifugoProxyObservationConvention observationConvention,
            byte[] shuttingDownReply,
            ProxyDrain drain,
            ProxyCallLog log) {

        public Settings {
            if (maxBodySize < 0) {
                throw new IllegalArgumentException("'maxBodySize' must not be negative: " + maxBodySize);
            }
        }
    }

    /** Produces the reply body of one proxy request. */
    @FunctionalInterface
    public interface Dispatch {

        /**
         * Dispatches a request.
         *
         * @param body the request body
         * @param headers the forwarded headers
         * @param principal the authenticated principal, if any
         * @param call where to record the served method or pattern and the outcome
         * @return the reply body; a future that never completes exceptionally
         */
        CompletableFuture<byte[]> dispatch(
                byte[] body, Map<String, List<String>> headers, @Nullable Principal principal, ProxyCall call);
    }
}
