package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyContext;
import dev.centrifugo4j.proxy.ProxyExceptionTranslator;
import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.rpc.DisconnectException;
import dev.centrifugo4j.rpc.RpcErrorCodes;
import dev.centrifugo4j.rpc.RpcException;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps what a handler threw to a reply, the same way for every proxy: {@link RpcException} to its
 * error, {@link DisconnectException} to a disconnect, translated exceptions to their reply, and
 * anything else to error 500 with a short reference that the server log repeats next to the stack
 * trace. Nothing of the exception's text reaches the wire. Also the replies that the proxy endpoint
 * makes itself (timeout, too large, shutting down).
 */
public final class HandlerFailures {

    /** The error code for unexpected failures. */
    public static final int INTERNAL_ERROR = RpcErrorCodes.INTERNAL_ERROR;

    private static final Logger logger = LoggerFactory.getLogger(HandlerFailures.class);

    private final List<ProxyExceptionTranslator> translators;

    HandlerFailures(List<ProxyExceptionTranslator> translators) {
        this.translators = List.copyOf(translators);
    }

    /**
     * The reply for a failure.
     *
     * @param failure what the handler threw
     * @param what what was being handled, for the log (for example {@code RPC 'system.ping'})
     * @param context the connection, for the log
     * @return the reply, and the exception when it was unexpected (error 500)
     */
    Failure handle(Throwable failure, String what, ProxyContext context) {
        Throwable ex = unwrap(failure);
        if (ex instanceof ProxyReplyException reply) {
            return new Failure(reply.reply(), null);
        }
        if (ex instanceof RpcException rpc) {
            logger.debug("{} answered with error {}: {}", what, rpc.getCode(), rpc.getMessage());
            return new Failure(ProxyReply.error(rpc.getCode(), rpc.getMessage(), rpc.isTemporary()), null);
        }
        if (ex instanceof DisconnectException disconnect) {
            logger.debug(
                    "{} disconnects client {}: {} {}",
                    what,
                    context.client(),
                    disconnect.getCode(),
                    disconnect.getReason());
            return new Failure(ProxyReply.disconnect(disconnect.getCode(), disconnect.getReason()), null);
        }
        for (ProxyExceptionTranslator translator : this.translators) {
            ProxyReply reply = translator.translate(ex);
            if (reply != null) {
                logger.debug("{} answered with {} for {}", what, reply, ex.toString());
                return new Failure(reply, null);
            }
        }
        String reference = reference();
        logger.error(
                "{} failed [ref {}] (client {}, user '{}')", what, reference, context.client(), context.user(), ex);
        return new Failure(internalError(reference), ex);
    }

    /**
     * What a failure ends with.
     *
     * @param reply the reply
     * @param unexpected the exception behind an internal error, {@code null} for every other reply
     */
    record Failure(ProxyReply reply, @Nullable Throwable unexpected) {}

    /** The error code for asynchronous handlers that do not complete in time. */
    public static final int TIMEOUT = RpcErrorCodes.TIMEOUT;

    /** Error 504 "handler timed out" (temporary), for asynchronous handlers that take too long. */
    public static ProxyReply timeout() {
        return ProxyReply.error(TIMEOUT, "handler timed out", true);
    }

    /** The error code for proxy requests whose body is larger than the application accepts. */
    public static final int TOO_LARGE = RpcErrorCodes.TOO_LARGE;

    /** Error 413 "request too large", for proxy requests whose body is larger than the application accepts. */
    public static ProxyReply tooLarge() {
        return ProxyReply.error(TOO_LARGE, "request too large", false);
    }

    /** Error 503 "shutting down" (temporary), for calls that arrive while the application drains. */
    public static ProxyReply shuttingDown() {
        return ProxyReply.error(RpcErrorCodes.SHUTTING_DOWN, "shutting down", true);
    }

    /**
     * Error 400 "malformed proxy request: ..." with the reason: the body is not the JSON object
     * Centrifugo sends.
     *
     * @param reason why, as {@link MalformedProxyRequestException} says it (words of the library, no
     *     part of the body)
     * @return the reply
     */
    public static ProxyReply malformedRequest(String reason) {
        return ProxyReply.error(RpcErrorCodes.BAD_REQUEST, "malformed proxy request: " + reason, false);
    }

    /** Error 500 with a reference. */
    public static ProxyReply internalError(String reference) {
        return ProxyReply.error(INTERNAL_ERROR, "internal error (ref: " + reference + ")", false);
    }

    /** A short random reference that ties a client's error to the server log. */
    public static String reference() {
        return String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    private static Throwable unwrap(Throwable ex) {
        Throwable current = ex;
        while ((current instanceof CompletionException || current instanceof ExecutionException)
                && current.getCause() != null) {
            current = current.getCause();
        }
        return current;
    }
}
