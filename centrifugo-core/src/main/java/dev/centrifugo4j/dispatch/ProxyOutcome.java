package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyReply;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link ProxyDispatcher} made of one request: {@link Complete} with the reply bytes, or
 * {@link Pending} while an asynchronous handler runs. Either says who made the call and which
 * handler serves it, for metrics and logs: the RPC method or the channel pattern, never the raw
 * channel, whose values are unbounded.
 *
 * <pre>{@code
 * ProxyOutcome outcome = dispatcher.dispatch(input);
 * if (outcome instanceof ProxyOutcome.Complete complete) {
 *     answer(complete.reply());
 * } else {
 *     outcome.completion().thenAccept((complete) -> answer(complete.reply()));
 * }
 * }</pre>
 */
public sealed interface ProxyOutcome permits ProxyOutcome.Complete, ProxyOutcome.Pending {

    /** The tag value for a call that no handler served (unknown method, unmatched channel, other proxies). */
    String NONE = "none";

    /** The RPC method that serves the call, {@value #NONE} when none does or for other proxies. */
    String method();

    /** The channel pattern that serves the call, {@value #NONE} when none does or for other proxies. */
    String pattern();

    /** The client (connection ID) that made the call, empty when the request could not be read. */
    String client();

    /** The user of the connection, empty for anonymous connections and unreadable requests. */
    String user();

    /**
     * The complete outcome: this one, or the one the asynchronous handler ends with. The stage never
     * completes exceptionally.
     */
    CompletionStage<Complete> completion();

    /**
     * A call that has its reply.
     *
     * @param reply the HTTP body to answer with (status 200); empty for {@link Status#UNAUTHORIZED}
     * @param method the RPC method that served the call, or {@value #NONE}
     * @param pattern the channel pattern that served the call, or {@value #NONE}
     * @param status how the call ended
     * @param code the error or disconnect code of the reply ({@code 401} for {@link
     *     Status#UNAUTHORIZED}), {@code 0} otherwise
     * @param message the error message or disconnect reason of the reply, empty otherwise
     * @param client the client that made the call, empty when unknown
     * @param user the user of the connection, empty when anonymous or unknown
     * @param failure the unexpected exception behind an internal error (error 500 with a reference,
     *     logged with its stack trace where it happened), {@code null} for every other reply
     */
    record Complete(
            byte[] reply,
            String method,
            String pattern,
            Status status,
            int code,
            String message,
            String client,
            String user,
            @Nullable Throwable failure)
            implements ProxyOutcome {

        private static final byte[] NO_BODY = new byte[0];

        public Complete {
            if (reply == null || method == null || pattern == null || status == null) {
                throw new IllegalArgumentException("'reply', 'method', 'pattern' and 'status' must not be null");
            }
            if (message == null || client == null || user == null) {
                throw new IllegalArgumentException("'message', 'client' and 'user' must not be null");
            }
        }

        /**
         * The outcome of a call answered with a reply.
         *
         * @param reply the HTTP body to answer with
         * @param ending the reply that tells how the call ended: the one {@code reply} encodes, or the
         *     error it stands in for (a refresh extended instead of answered with a timeout)
         * @param method the RPC method that served the call, or {@value #NONE}
         * @param pattern the channel pattern that served the call, or {@value #NONE}
         * @param client the client that made the call, empty when unknown
         * @param user the user of the connection, empty when anonymous or unknown
         * @param failure the unexpected exception behind an internal error, if that is the reply
         * @return the outcome
         */
        public static Complete of(
                byte[] reply,
                ProxyReply ending,
                String method,
                String pattern,
                String client,
                String user,
                @Nullable Throwable failure) {
            if (ending instanceof ProxyReply.Error error) {
                return new Complete(
                        reply,
                        method,
                        pattern,
                        Status.ERROR,
                        error.error().code(),
                        error.error().message(),
                        client,
                        user,
                        failure);
            }
            if (ending instanceof ProxyReply.Disconnect disconnect) {
                return new Complete(
                        reply,
                        method,
                        pattern,
                        Status.DISCONNECT,
                        disconnect.disconnect().code(),
                        disconnect.disconnect().reason(),
                        client,
                        user,
                        failure);
            }
            if (ending instanceof ProxyReply.Fields fields
                    && Boolean.TRUE.equals(fields.result().get("expired"))) {
                // A refresh or sub_refresh that ends the connection or subscription.
                return new Complete(reply, method, pattern, Status.EXPIRED, 0, "expired", client, user, failure);
            }
            return new Complete(reply, method, pattern, Status.SUCCESS, 0, "", client, user, failure);
        }

        /** A request refused before dispatch for lack of a valid proxy secret (HTTP 401, no body). */
        public static Complete unauthorized() {
            return new Complete(NO_BODY, NONE, NONE, Status.UNAUTHORIZED, 401, "unauthorized", "", "", null);
        }

        /** Whether the call did not end with a success (an error, a disconnect, an expiry, unauthorized). */
        public boolean failed() {
            return this.status != Status.SUCCESS;
        }

        @Override
        public CompletionStage<Complete> completion() {
            return CompletableFuture.completedFuture(this);
        }
    }

    /**
     * A call whose asynchronous handler still runs.
     *
     * @param method the RPC method that serves the call, or {@value #NONE}
     * @param pattern the channel pattern that serves the call, or {@value #NONE}
     * @param client the client that made the call
     * @param user the user of the connection, empty when anonymous
     * @param completion completes with the outcome when the handler's stage does; never exceptionally
     * @param work the stage the handler returned, which {@link #cancel()} cancels; {@code null} for
     *     none
     */
    record Pending(
            String method,
            String pattern,
            String client,
            String user,
            CompletionStage<Complete> completion,
            @Nullable CompletionStage<?> work)
            implements ProxyOutcome {

        public Pending {
            if (method == null || pattern == null || client == null || user == null || completion == null) {
                throw new IllegalArgumentException(
                        "'method', 'pattern', 'client', 'user' and 'completion' must not be null");
            }
        }

        /**
         * A call whose handler's work cannot be cancelled.
         *
         * @param method the RPC method that serves the call, or {@value #NONE}
         * @param pattern the channel pattern that serves the call, or {@value #NONE}
         * @param client the client that made the call
         * @param user the user of the connection, empty when anonymous
         * @param completion completes with the outcome when the handler's stage does
         */
        public Pending(
                String method, String pattern, String client, String user, CompletionStage<Complete> completion) {
            this(method, pattern, client, user, completion, null);
        }

        /**
         * Cancels the handler's work, for a caller that answered the call without waiting for it (a
         * timeout, a connection that closed): {@code toCompletableFuture().cancel(true)} on the stage
         * the handler returned. A {@code CompletableFuture} completes with the cancellation at once,
         * which gives back the call's places in its bulkheads; what runs behind it stops if it watches
         * for cancellation (a Reactor {@code Mono.toFuture()} cancels its subscription), or else runs
         * to its end on its own executor. A stage that cannot be cancelled keeps its places until it
         * completes. {@link #completion()} is not changed: it has the caller's answer already, and
         * the handler's late result is discarded.
         */
        public void cancel() {
            CompletionStage<?> work = this.work;
            if (work == null) {
                return;
            }
            try {
                work.toCompletableFuture().cancel(true);
            } catch (UnsupportedOperationException ex) {
                // A stage without a CompletableFuture view: it completes in its own time.
            }
        }

        /**
         * The outcome of this call when the caller answers it without waiting for the handler (a
         * timeout): the same method, pattern, client and user.
         *
         * @param reply the HTTP body the caller answers with
         * @param ending the reply that tells how the call ended (see {@link Complete#of})
         * @param failure what went wrong, if it was unexpected
         * @return the outcome
         */
        public Complete answeredWith(byte[] reply, ProxyReply ending, @Nullable Throwable failure) {
            return Complete.of(reply, ending, this.method, this.pattern, this.client, this.user, failure);
        }
    }

    /** How a proxy call ended. */
    enum Status {
        /** A result. */
        SUCCESS,
        /** An error reply. */
        ERROR,
        /** A disconnect reply. */
        DISCONNECT,
        /** A refresh or sub_refresh reply that expires the connection or subscription. */
        EXPIRED,
        /** Refused before dispatch for lack of a valid proxy secret (HTTP 401). */
        UNAUTHORIZED
    }
}
