package dev.centrifugo4j.boot.proxy;

import dev.centrifugo4j.rpc.RpcDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Serves Centrifugo's RPC proxy: checks the shared secret, hands the body to the {@link
 * RpcDispatcher} and answers with HTTP 200 and the reply JSON. Synchronous handlers run on the
 * request thread (a virtual thread when the application enables them); asynchronous ones use the
 * servlet container's async support and are answered with error 504 when they exceed the timeout.
 */
public final class RpcProxyHandler implements HandlerFunction<ServerResponse> {

    private static final Logger logger = LoggerFactory.getLogger(RpcProxyHandler.class);

    /** Headers of the proxy request itself, not forwarded from the client. */
    private static final Set<String> TRANSPORT_HEADERS =
            Set.of("content-type", "content-length", "host", "accept-encoding", "connection");

    private final RpcDispatcher dispatcher;

    private final ProxySecretCheck secretCheck;

    private final Duration asyncTimeout;

    private final byte[] timeoutReply;

    /**
     * Creates the handler.
     *
     * @param dispatcher the dispatcher
     * @param secretCheck the shared-secret check
     * @param asyncTimeout how long asynchronous handlers may take
     */
    public RpcProxyHandler(RpcDispatcher dispatcher, ProxySecretCheck secretCheck, Duration asyncTimeout) {
        this.dispatcher = dispatcher;
        this.secretCheck = secretCheck;
        this.asyncTimeout = asyncTimeout;
        this.timeoutReply = dispatcher.encode(RpcDispatcher.timeoutReply(), false, "");
    }

    @Override
    public ServerResponse handle(ServerRequest request) throws IOException {
        HttpServletRequest servletRequest = request.servletRequest();
        if (!this.secretCheck.accepts(servletRequest.getHeader(this.secretCheck.headerName()))) {
            logger.warn(
                    "Rejected an RPC proxy request from {} without a valid '{}' header",
                    servletRequest.getRemoteAddr(),
                    this.secretCheck.headerName());
            return ServerResponse.status(HttpStatus.UNAUTHORIZED).build();
        }
        byte[] body = servletRequest.getInputStream().readAllBytes();
        CompletableFuture<byte[]> reply = this.dispatcher.dispatch(body, forwardedHeaders(servletRequest));
        if (reply.isDone()) {
            return ok(reply.join());
        }
        CompletableFuture<ServerResponse> response = reply.completeOnTimeout(
                        this.timeoutReply, this.asyncTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .thenApply(RpcProxyHandler::ok);
        // The container's own async timeout must not fire before ours does.
        return ServerResponse.async(response, this.asyncTimeout.plusSeconds(5));
    }

    private Map<String, List<String>> forwardedHeaders(HttpServletRequest request) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        Enumeration<String> names = request.getHeaderNames();
        while (names.hasMoreElements()) {
            String name = names.nextElement();
            String lower = name.toLowerCase(Locale.ROOT);
            if (TRANSPORT_HEADERS.contains(lower) || name.equalsIgnoreCase(this.secretCheck.headerName())) {
                continue;
            }
            headers.put(name, java.util.Collections.list(request.getHeaders(name)));
        }
        return headers;
    }

    private static ServerResponse ok(byte[] body) {
        return ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }
}
