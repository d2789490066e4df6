package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyContext;
import dev.centrifugo4j.proxy.ProxyReply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part of a call that is the same for every dispatcher: reading the request, admission through
 * the handler's bulkhead, the invocation, what becomes of the handler's result (now, or when its
 * stage completes) or failure, and the encoding of the reply into a {@link ProxyOutcome}. One per
 * {@link DispatchSettings}.
 *
 * <p>The path of a synchronous call allocates nothing here beyond the reply bytes and the outcome;
 * what is said in the log is put together only when there is something to log.
 */
final class Outcomes {

    private static final Logger logger = LoggerFactory.getLogger(ProxyDispatcher.class);

    private final ProxyCodec codec;

    private final HandlerFailures failures;

    Outcomes(ProxyCodec codec, HandlerFailures failures) {
        this.codec = codec;
        this.failures = failures;
    }

    ProxyCodec codec() {
        return this.codec;
    }

    /**
     * Reads the request of an input.
     *
     * @param input the input
     * @return the request
     * @throws MalformedProxyRequestException when it is malformed, after logging it
     */
    ProxyRequest read(ProxyInput input) {
        try {
            return this.codec.readRequest(input.body());
        } catch (MalformedProxyRequestException ex) {
            logger.warn(
                    "Rejected a malformed {} proxy request: {}",
                    (input.proxy() == ProxyType.RPC) ? "RPC" : input.proxy().proxyName(),
                    ex.getMessage());
            throw ex;
        }
    }

    /**
     * The outcome of a malformed request: error 400 with the reason.
     *
     * @param malformed what {@link #read} threw
     * @return the outcome
     */
    ProxyOutcome.Complete malformed(MalformedProxyRequestException malformed) {
        return malformed(HandlerFailures.malformedRequest(malformed.getMessage()));
    }

    /**
     * The outcome of a malformed request.
     *
     * @param reply the reply: error 400, or an expiry where Centrifugo ignores errors
     * @return the outcome
     */
    ProxyOutcome.Complete malformed(ProxyReply reply) {
        return encoded(reply, false, null, null, ProxyOutcome.NONE, ProxyOutcome.NONE, null);
    }

    /**
     * The outcome of a request answered without its handler (no handler, bad data, a refusal).
     *
     * @param reply the reply
     * @param proxy the proxy
     * @param request the request
     * @param method the RPC method that serves the call, or {@link ProxyOutcome#NONE}
     * @param pattern the channel pattern that serves the call, or {@link ProxyOutcome#NONE}
     * @return the outcome
     */
    ProxyOutcome.Complete answer(
            ProxyReply reply, ProxyType proxy, ProxyRequest request, String method, String pattern) {
        return encoded(reply, request.isBinary(), proxy, request, method, pattern, null);
    }

    /**
     * Runs a call: admits it through the handler's bulkhead (or answers that the handler is at its
     * limit: error 429, temporary, or a short extension for refresh and sub_refresh, whose errors
     * Centrifugo ignores), invokes the handler and settles what it returned or threw.
     *
     * @param handler the handler
     * @param proxy the proxy
     * @param request the request
     * @param context the handler's context
     * @param prepared what the dispatcher prepared for the invocation
     * @return the outcome
     */
    ProxyOutcome run(
            BoundHandler handler,
            ProxyType proxy,
            ProxyRequest request,
            ProxyContext context,
            @Nullable Object prepared) {
        Bulkhead bulkhead = handler.bulkhead();
        if (bulkhead != null && !bulkhead.tryEnter()) {
            return answer(
                    proxy.refreshes() ? Bulkhead.retryRefreshLater() : Bulkhead.tooManyCalls(),
                    proxy,
                    request,
                    handler.method(),
                    handler.pattern());
        }
        Object result;
        try {
            result = handler.invocation().invoke(context, prepared);
        } catch (Throwable ex) {
            return failed(ex, handler, proxy, request, context);
        }
        return settle(result, handler, proxy, request, context);
    }

    /**
     * The outcome of a call whose handler returned: for a synchronous handler (or a stage complete
     * already) its result's reply now; for an asynchronous one a pending outcome that completes with
     * its stage. Gives back the bulkhead's permit once the handler is done.
     *
     * @param result what the handler returned
     * @param handler the handler
     * @param proxy the proxy
     * @param request the request
     * @param context the handler's context, for the log of a failure
     * @return the outcome
     */
    private ProxyOutcome settle(
            @Nullable Object result,
            BoundHandler handler,
            ProxyType proxy,
            ProxyRequest request,
            ProxyContext context) {
        if (!handler.async()) {
            exit(handler);
            return reply(result, handler, proxy, request, context);
        }
        if (result == null) {
            return failed(
                    new IllegalStateException("Asynchronous handler " + handler.signature()
                            + " returned null instead of a CompletionStage"),
                    handler,
                    proxy,
                    request,
                    context);
        }
        CompletableFuture<ProxyOutcome.Complete> completion = ((CompletionStage<?>) result)
                .handle((value, ex) -> {
                    if (ex != null) {
                        return failed(ex, handler, proxy, request, context);
                    }
                    exit(handler);
                    return reply(value, handler, proxy, request, context);
                })
                .toCompletableFuture();
        if (completion.isDone()) {
            // A stage that was complete already (a cached value): answered like a synchronous call.
            return completion.join();
        }
        return new ProxyOutcome.Pending(
                handler.method(), handler.pattern(), request.client(), request.user(), completion);
    }

    /**
     * The outcome of a call whose handler threw (or whose result could not be made into a reply).
     * Gives back the bulkhead's permit.
     *
     * @param failure what was thrown
     * @param handler the handler
     * @param proxy the proxy
     * @param request the request
     * @param context the handler's context, for the log
     * @return the outcome
     */
    private ProxyOutcome.Complete failed(
            Throwable failure, BoundHandler handler, ProxyType proxy, ProxyRequest request, ProxyContext context) {
        exit(handler);
        return failedBeforeAdmission(failure, handler, proxy, request, context);
    }

    private ProxyOutcome.Complete reply(
            @Nullable Object value, BoundHandler handler, ProxyType proxy, ProxyRequest request, ProxyContext context) {
        ProxyReply reply;
        try {
            reply = handler.replies().reply(value, request.isBinary());
        } catch (RuntimeException ex) {
            return failedBeforeAdmission(ex, handler, proxy, request, context); // the permit is given back
        }
        return encoded(reply, request.isBinary(), proxy, request, handler.method(), handler.pattern(), null);
    }

    /**
     * The outcome of a call that failed while it held no permit of the bulkhead (before it was
     * admitted, or after it gave it back), like {@link #failed}.
     */
    ProxyOutcome.Complete failedBeforeAdmission(
            Throwable failure, BoundHandler handler, ProxyType proxy, ProxyRequest request, ProxyContext context) {
        HandlerFailures.Failure mapped = this.failures.handle(failure, describe(proxy, request), context);
        ProxyReply failureReply = handler.failureReply();
        return encoded(
                (failureReply != null) ? failureReply : mapped.reply(),
                request.isBinary(),
                proxy,
                request,
                handler.method(),
                handler.pattern(),
                mapped.unexpected());
    }

    private static void exit(BoundHandler handler) {
        Bulkhead bulkhead = handler.bulkhead();
        if (bulkhead != null) {
            bulkhead.exit();
        }
    }

    /**
     * Encodes a reply into the outcome; never throws: a result that cannot be serialized becomes
     * error 500, logged with its reference.
     */
    private ProxyOutcome.Complete encoded(
            ProxyReply reply,
            boolean binary,
            @Nullable ProxyType proxy,
            @Nullable ProxyRequest request,
            String method,
            String pattern,
            @Nullable Throwable failure) {
        ProxyReply written = reply;
        Throwable unexpected = failure;
        byte[] body;
        try {
            body = this.codec.writeReply(reply, binary);
        } catch (RuntimeException ex) {
            String reference = HandlerFailures.reference();
            logger.error(
                    "{} produced a result that cannot be serialized [ref {}]",
                    (proxy != null && request != null) ? describe(proxy, request) : "A proxy call",
                    reference,
                    ex);
            written = HandlerFailures.internalError(reference);
            unexpected = ex;
            body = this.codec.writeReply(written, binary);
        }
        return ProxyOutcome.Complete.of(
                body,
                written,
                method,
                pattern,
                (request != null) ? request.client() : "",
                (request != null) ? request.user() : "",
                unexpected);
    }

    /** What a call is about, for the log: {@code RPC 'system.ping'}, {@code subscribe 'chat:1'}, ... */
    static String describe(ProxyType proxy, ProxyRequest request) {
        return switch (proxy) {
            case RPC -> "RPC '" + request.method() + "'";
            case CONNECT -> "connect";
            case REFRESH -> "refresh of user '" + request.user() + "'";
            case SUBSCRIBE, PUBLISH, SUB_REFRESH -> proxy.proxyName() + " '" + request.channel() + "'";
        };
    }
}
