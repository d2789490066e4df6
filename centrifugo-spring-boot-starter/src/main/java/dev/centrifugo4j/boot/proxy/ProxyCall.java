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
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a proxy call is on either web stack, without its transport: the observation, the refusal of
 * a request without the secret, the drain, the body limit, the dispatch, the timeout of a pending
 * call and the end of the call (its log line, its payload, its observation). {@link ProxyEndpoint}
 * (servlet) and {@link ReactiveProxyEndpoint} (WebFlux) read and write HTTP and call these in the
 * same order. One per proxy endpoint.
 */
final class ProxyCall {

    private static final Logger logger = LoggerFactory.getLogger(ProxyCall.class);

    /** Headers of the proxy request itself, not forwarded from the client. */
    private static final String[] TRANSPORT_HEADERS = {
        "content-type", "content-length", "host", "accept-encoding", "connection"
    };

    static final String JSON = "application/json";

    private final ProxyType proxy;

    private final ProxyDispatcher dispatcher;

    private final ProxyEndpoint.Settings settings;

    ProxyCall(ProxyType proxy, ProxyDispatcher dispatcher, ProxyEndpoint.Settings settings) {
        this.proxy = proxy;
        this.dispatcher = dispatcher;
        this.settings = settings;
    }

    ProxyType proxy() {
        return this.proxy;
    }

    ProxyEndpoint.Settings settings() {
        return this.settings;
    }

    /**
     * The observation of one call, not started.
     *
     * @param context its context
     * @param parent the HTTP server observation, when the caller knows it (WebFlux); {@code null} for
     *     the current one (servlet)
     * @return the observation
     */
    Observation observation(CentrifugoProxyObservationContext context, @Nullable Observation parent) {
        Observation observation = Observation.createNotStarted(
                this.settings.observationConvention(),
                DefaultCentrifugoProxyObservationConvention.INSTANCE,
                () -> context,
                this.settings.observationRegistry());
        if (parent != null) {
            observation.parentObservation(parent);
        }
        return observation;
    }

    /** Records a request refused for lack of a valid secret (HTTP 401, nothing read). */
    void unauthorized(Observation observation, CentrifugoProxyObservationContext context, String remoteAddress) {
        this.settings
                .log()
                .unauthorized(
                        this.proxy.proxyName(),
                        remoteAddress,
                        this.settings.secretCheck().headerName());
        context.ended(ProxyOutcome.Complete.unauthorized());
        observation.start().stop();
    }

    /**
     * Counts the call in the drain, the observation started.
     *
     * @return {@code null} when the call may go on, else the reply that refuses it (the call ended)
     */
    byte @Nullable [] enter(Observation observation, CentrifugoProxyObservationContext context) {
        if (this.settings.drain().enter()) {
            return null;
        }
        byte[] reply = this.proxy.refreshes() ? Replies.refreshLater() : Replies.SHUTTING_DOWN;
        return end(observation, context, endpointReply(reply, HandlerFailures.shuttingDown()));
    }

    /** Whether a body of this length (from Content-Length, {@code -1} when unknown) is over the limit. */
    boolean tooLarge(long length) {
        return length > this.settings.maxBodySize();
    }

    /** Ends a call whose body is over the limit: error 413, the body not read further. */
    byte[] tooLarge(Observation observation, CentrifugoProxyObservationContext context, String remoteAddress) {
        logger.warn(
                "Rejected a {} proxy request from {} larger than {} bytes (centrifugo.proxy.max-body-size)",
                this.proxy.proxyName(),
                remoteAddress,
                this.settings.maxBodySize());
        return completed(observation, context, endpointReply(Replies.TOO_LARGE, HandlerFailures.tooLarge()));
    }

    /** Hands the body to the dispatcher (logging it first, when payloads are logged). */
    ProxyOutcome dispatch(byte[] body, Map<String, List<String>> headers, @Nullable Principal principal) {
        ProxyCallLog log = this.settings.log();
        if (log.logsPayloads()) {
            log.payload(this.proxy.proxyName(), "request", body);
        }
        return this.dispatcher.dispatch(new ProxyInput(this.proxy, body, headers, principal));
    }

    /** Ends a call whose dispatch threw (never expected): the drain left, the observation failed. */
    void failed(Observation observation, Throwable failure) {
        this.settings.drain().exit();
        observation.error(failure);
        observation.stop();
    }

    /** Ends a call answered at once: leaves the drain and returns the reply. */
    byte[] completed(
            Observation observation, CentrifugoProxyObservationContext context, ProxyOutcome.Complete complete) {
        this.settings.drain().exit();
        return end(observation, context, complete);
    }

    /**
     * The end of a pending call: the reply to send once the handler completes, or the timeout reply
     * after {@code centrifugo.proxy.timeout} (the handler's work then cancelled). Completes with the
     * reply whoever waits for it, so that the drain and the observation always end.
     */
    CompletableFuture<byte[]> reply(
            ProxyOutcome.Pending pending, Observation observation, CentrifugoProxyObservationContext context) {
        ProxyOutcome.Complete timeout = pending.answeredWith(
                this.proxy.refreshes() ? Replies.refreshLater() : Replies.TIMEOUT, HandlerFailures.timeout(), null);
        CompletableFuture<ProxyOutcome.Complete> timed = pending.completion()
                .toCompletableFuture()
                .completeOnTimeout(timeout, this.settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        return timed.handle((complete, failure) -> {
            if (complete == timeout) {
                // Answered without the handler: its work is cancelled rather than left running for nobody.
                pending.cancel();
            }
            return finished(complete, failure, pending, observation, context);
        });
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
        if (failure != null || complete == null) {
            String reference = HandlerFailures.reference();
            logger.error("A {} proxy call failed [ref {}]", this.proxy.proxyName(), reference, failure);
            ProxyReply error = HandlerFailures.internalError(reference);
            return completed(
                    observation,
                    context,
                    pending.answeredWith(
                            Replies.CODEC.writeReply(error, false),
                            error,
                            (failure != null) ? failure : new IllegalStateException("no reply")));
        }
        return completed(observation, context, complete);
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

    /** Whether a request header goes on to the handlers: not one of the proxy request itself, nor the secret. */
    boolean isForwarded(String name) {
        for (String header : TRANSPORT_HEADERS) {
            if (header.equalsIgnoreCase(name)) {
                return false;
            }
        }
        return !name.equalsIgnoreCase(this.settings.secretCheck().headerName());
    }

    /** The outcome of a reply the endpoint makes itself (no handler served the call). */
    private static ProxyOutcome.Complete endpointReply(byte[] reply, ProxyReply ending) {
        return ProxyOutcome.Complete.of(reply, ending, ProxyOutcome.NONE, ProxyOutcome.NONE, "", "", null);
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
}
