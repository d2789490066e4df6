package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyContext;
import dev.centrifugo4j.proxy.ProxyReply;
import org.jspecify.annotations.Nullable;

/**
 * What a dispatcher knows of one handler before any call: the names its calls are tagged with, how
 * it is called, how its results become replies, its bulkhead. Made when the dispatcher is built, so
 * that a call allocates nothing for it.
 *
 * @param method the RPC method, or {@link ProxyOutcome#NONE}
 * @param pattern the channel pattern, or {@link ProxyOutcome#NONE}
 * @param signature the Java method, for messages
 * @param async whether the handler answers later (a {@code CompletionStage}, a {@code Mono}, a Kotlin {@code suspend fun})
 * @param bulkhead the bulkhead, {@code null} when the handler has no concurrency limit
 * @param invocation calls the handler
 * @param replies makes the reply of a result
 * @param failureReply the reply to every failure (after it is logged) where Centrifugo ignores errors
 *     (refresh: the connection expires), {@code null} to answer with the failure's error
 */
record BoundHandler(
        String method,
        String pattern,
        String signature,
        boolean async,
        @Nullable Bulkhead bulkhead,
        Invocation invocation,
        ResultReplies replies,
        @Nullable ProxyReply failureReply) {

    /** Calls a handler. */
    @FunctionalInterface
    interface Invocation {

        /**
         * Calls the handler.
         *
         * @param context the handler's context (of the dispatcher's kind)
         * @param prepared what the dispatcher prepared before admitting the call: the bound
         *     parameters of an RPC method, the request of a channel handler (whose arguments are
         *     resolved inside the call), nothing for connect and refresh
         * @return what the handler returned
         * @throws Exception whatever the handler throws
         */
        @Nullable
        Object invoke(ProxyContext context, @Nullable Object prepared) throws Exception;
    }

    /** Makes the reply of what a handler returned. */
    @FunctionalInterface
    interface ResultReplies {

        /**
         * The reply of a result.
         *
         * @param result what the handler returned (its stage's value for an asynchronous one)
         * @param binary whether the proxy is in binary mode
         * @return the reply
         * @throws RuntimeException when the result cannot be a reply (answered like a handler failure)
         */
        ProxyReply reply(@Nullable Object result, boolean binary);
    }
}
