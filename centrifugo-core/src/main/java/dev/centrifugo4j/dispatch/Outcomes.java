package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyContext;
import dev.centrifugo4j.proxy.ProxyReply;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
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

    /** The bulkhead of all handlers together, {@code null} for no limit. */
    private final @Nullable Bulkhead total;

    /** How long a synchronous handler may take, {@code 0} for no limit. */
    private final long timeoutNanos;

    private final LongSupplier nanoTime;

    /** Where synchronous handlers run, {@code null} for the caller's thread. */
    private final @Nullable Executor blockingExecutor;

    /** Warnings about calls that the blocking executor refused. */
    private final WarningThrottle executorRefusals = WarningThrottle.every(Duration.ofSeconds(10));

    /** Warnings about synchronous handlers that return after the timeout. */
    private final WarningThrottle overruns = WarningThrottle.every(Duration.ofSeconds(10));

    Outcomes(
            ProxyCodec codec,
            HandlerFailures failures,
            @Nullable Bulkhead total,
            long timeoutNanos,
            LongSupplier nanoTime,
            @Nullable Executor blockingExecutor) {
        this.codec = codec;
        this.failures = failures;
        this.total = total;
        this.timeoutNanos = timeoutNanos;
        this.nanoTime = nanoTime;
        this.blockingExecutor = blockingExecutor;
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

    /** An answer whose reply stands in for another ending (a refresh extended instead of timed out). */
    private ProxyOutcome.Complete answer(
            ProxyReply reply, ProxyReply ending, ProxyType proxy, ProxyRequest request, String method, String pattern) {
        if (reply == ending) {
            return answer(reply, proxy, request, method, pattern);
        }
        return ProxyOutcome.Complete.of(
                this.codec.writeReply(reply, request.isBinary()),
                ending,
                method,
                pattern,
                request.client(),
                request.user(),
                null);
    }

    /**
     * Runs a call: admits it through the handler's bulkhead and then the bulkhead of all handlers
     * together (or answers that one of them is at its limit: error 429, temporary, or a short
     * extension for refresh and sub_refresh, whose errors Centrifugo ignores), invokes the handler
     * and settles what it returned or threw. A synchronous handler that returns after the timeout
     * has its result discarded: the call is answered as timed out.
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
            return refused(handler, proxy, request);
        }
        Bulkhead total = this.total;
        if (total != null && !total.tryEnter()) {
            if (bulkhead != null) {
                bulkhead.exit();
            }
            return refused(handler, proxy, request);
        }
        Executor executor = this.blockingExecutor;
        if (executor != null && !handler.async()) {
            return offloaded(executor, handler, proxy, request, context, prepared);
        }
        boolean timed = this.timeoutNanos > 0 && !handler.async();
        long started = timed ? this.nanoTime.getAsLong() : 0;
        Object result;
        try {
            result = handler.invocation().invoke(context, prepared);
        } catch (Throwable ex) {
            return failed(ex, handler, proxy, request, context);
        }
        if (timed) {
            long took = this.nanoTime.getAsLong() - started;
            if (took > this.timeoutNanos) {
                exit(handler);
                return overran(took, handler, proxy, request);
            }
        }
        return settle(result, handler, proxy, request, context);
    }

    /**
     * Runs an admitted synchronous handler on the blocking executor: a pending outcome that
     * completes when the handler returns. The caller times the call as an asynchronous one; a
     * handler that returns after the caller answered has its result discarded (and is reported as
     * an overrun), and holds its permits until then, since it still runs. A task the executor
     * refuses is answered like a call over a concurrency limit (error 429, temporary): the
     * application is out of room for blocking work, which the client retries with backoff, not a
     * bug in the handler that error 500 would report.
     */
    private ProxyOutcome offloaded(
            Executor executor,
            BoundHandler handler,
            ProxyType proxy,
            ProxyRequest request,
            ProxyContext context,
            @Nullable Object prepared) {
        CompletableFuture<ProxyOutcome.Complete> completion = new CompletableFuture<>();
        try {
            executor.execute(() -> {
                long started = this.nanoTime.getAsLong();
                Object result;
                try {
                    result = handler.invocation().invoke(context, prepared);
                } catch (Throwable ex) {
                    ProxyOutcome.Complete failed = failed(ex, handler, proxy, request, context);
                    completion.complete(failed);
                    return;
                }
                if (completion.isDone()) {
                    // Answered already (timed out): the late result goes nowhere.
                    exit(handler);
                    overran(this.nanoTime.getAsLong() - started, handler, proxy, request);
                    return;
                }
                exit(handler);
                completion.complete(reply(result, handler, proxy, request, context));
            });
        } catch (RejectedExecutionException ex) {
            exit(handler);
            long count = this.executorRefusals.occurred();
            if (count > 0) {
                logger.warn(
                        "The executor of blocking handlers refused {} ({} call(s) refused since the last warning):"
                                + " answered with error 429 (temporary). {}",
                        describe(proxy, request),
                        count,
                        ex.toString());
            }
            return refused(handler, proxy, request);
        }
        return new ProxyOutcome.Pending(
                handler.method(), handler.pattern(), request.client(), request.user(), completion, null);
    }

    /** The answer to a call that a bulkhead refused. */
    private ProxyOutcome.Complete refused(BoundHandler handler, ProxyType proxy, ProxyRequest request) {
        return answer(
                proxy.refreshes() ? Bulkhead.retryRefreshLater() : Bulkhead.tooManyCalls(),
                proxy,
                request,
                handler.method(),
                handler.pattern());
    }

    /**
     * The answer to a call whose synchronous handler returned after the timeout, when Centrifugo
     * had stopped waiting: its result is discarded and the call answered as timed out, and a WARN
     * (at most one every ten seconds) names the handler and how long it took.
     */
    private ProxyOutcome.Complete overran(long tookNanos, BoundHandler handler, ProxyType proxy, ProxyRequest request) {
        long count = this.overruns.occurred();
        if (count > 0) {
            logger.warn(
                    "{} returned after {} ms, past the proxy timeout of {} ms: its result was discarded and the"
                            + " call answered with error 504 (temporary). {} call(s) overran since the last warning."
                            + " Make the handler ({}) faster or asynchronous, or raise the timeouts of Centrifugo's"
                            + " proxy and of the application together.",
                    describe(proxy, request),
                    TimeUnit.NANOSECONDS.toMillis(tookNanos),
                    TimeUnit.NANOSECONDS.toMillis(this.timeoutNanos),
                    count,
                    handler.signature());
        }
        ProxyReply timeout = HandlerFailures.timeout();
        return answer(
                proxy.refreshes() ? Bulkhead.retryRefreshLater() : timeout,
                timeout,
                proxy,
                request,
                handler.method(),
                handler.pattern());
    }

    /**
     * The outcome of a call whose handler returned: for a synchronous handler (or a stage complete
     * already) its result's reply now; for an asynchronous one a pending outcome that completes with
     * its stage. Gives back the bulkheads' permits once the handler is done. A stage that completes
     * after the caller answered the call (a timeout) gives the permits back and nothing more: its
     * value is discarded, and its failure only logged, unless it is the cancellation.
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
        CompletionStage<?> work = (CompletionStage<?>) result;
        CompletableFuture<ProxyOutcome.Complete> completion = new CompletableFuture<>();
        work.whenComplete((value, ex) -> {
            if (completion.isDone()) {
                // Answered already (timed out): the late result goes nowhere.
                if (ex != null && !isCancellation(ex)) {
                    failed(ex, handler, proxy, request, context);
                } else {
                    exit(handler);
                }
                return;
            }
            if (ex != null) {
                completion.complete(failed(ex, handler, proxy, request, context));
                return;
            }
            exit(handler);
            completion.complete(reply(value, handler, proxy, request, context));
        });
        if (completion.isDone()) {
            // A stage that was complete already (a cached value): answered like a synchronous call.
            return completion.join();
        }
        return new ProxyOutcome.Pending(
                handler.method(), handler.pattern(), request.client(), request.user(), completion, work);
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

    private static boolean isCancellation(Throwable ex) {
        return ex instanceof CancellationException
                || (ex instanceof CompletionException && ex.getCause() instanceof CancellationException);
    }

    /** Gives back the permits of a call that {@link #run} admitted. */
    private void exit(BoundHandler handler) {
        Bulkhead bulkhead = handler.bulkhead();
        if (bulkhead != null) {
            bulkhead.exit();
        }
        Bulkhead total = this.total;
        if (total != null) {
            total.exit();
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
