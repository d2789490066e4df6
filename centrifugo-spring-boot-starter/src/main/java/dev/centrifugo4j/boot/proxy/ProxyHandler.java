package dev.centrifugo4j.boot.proxy;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.security.Principal;
import java.time.Duration;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves one of Centrifugo's proxies: checks the shared secret, hands the body, the forwarded
 * headers and the authenticated principal (the request's {@code getUserPrincipal()}, which Spring
 * Security fills from the forwarded session cookie or bearer token) to a dispatcher, and answers with
 * HTTP 200 and the reply JSON. Synchronous handlers run on the request thread (a virtual thread when
 * the application enables them); asynchronous ones use the servlet container's async support and are
 * answered with the timeout reply when they take too long.
 */
public final class ProxyHandler implements HandlerFunction<ServerResponse> {

    private static final Logger logger = LoggerFactory.getLogger(ProxyHandler.class);

    /** Headers of the proxy request itself, not forwarded from the client. */
    private static final Set<String> TRANSPORT_HEADERS =
            Set.of("content-type", "content-length", "host", "accept-encoding", "connection");

    private final String proxy;

    private final Dispatch dispatch;

    private final ProxySecretCheck secretCheck;

    private final Duration asyncTimeout;

    private final byte[] timeoutReply;

    /**
     * Creates the handler.
     *
     * @param proxy the proxy's name, for the log (for example {@code rpc})
     * @param dispatch produces the reply body
     * @param secretCheck the shared-secret check
     * @param asyncTimeout how long asynchronous handlers may take
     * @param timeoutReply the reply body when they take longer
     */
    public ProxyHandler(
            String proxy, Dispatch dispatch, ProxySecretCheck secretCheck, Duration asyncTimeout, byte[] timeoutReply) {
        this.proxy = proxy;
        this.dispatch = dispatch;
        this.secretCheck = secretCheck;
        this.asyncTimeout = asyncTimeout;
        this.timeoutReply = timeoutReply.clone();
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest servletRequest = request.servletRequest();
        if (!this.secretCheck.accepts(servletRequest.getHeader(this.secretCheck.headerName()))) {
            logger.warn(
                    "Rejected a {} proxy request from {} without a valid '{}' header",
                    this.proxy,
                    servletRequest.getRemoteAddr(),
                    this.secretCheck.headerName());
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        byte[] body = servletRequest.getInputStream().readAllBytes();
        CompletableFuture<byte[]> reply =
                this.dispatch.dispatch(body, forwardedHeaders(servletRequest), servletRequest.getUserPrincipal());
        if (reply.isDone()) {
            return ok(reply.join());
        }
        CompletableFuture<ServerResponse> response = reply.completeOnTimeout(
                        this.timeoutReply, this.asyncTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(ProxyHandler::ok);
        // The container's own async timeout must not fire before ours does.
        return ServerResponse.async(response, this.asyncTimeout.plusSeconds(5));
    }

    private Map<String, List<String>> forwardedHeaders(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            if (TRANSPORT_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                    || name.equalsIgnoreCase(this.secretCheck.headerName())) {
                continue;
            }
            headers.put(name, Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static ServerResponse ok(byte[] body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
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
         * @return the reply body; a future that never completes exceptionally
         */
        CompletableFuture<byte[]> dispatch(
                byte[] body, Map<String, List<String>> headers, @Nullable Principal principal);
    }
}
