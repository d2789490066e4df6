package dev.centrifugo4j.dispatch;

import dev.centrifugo4j.proxy.ProxyReply;

/**
 * Carries a ready reply out of the decoding steps of a dispatcher (bad data, failed validation).
 * Not an error of the application: it has no stack trace and is never logged as a failure.
 */
final class ProxyReplyException extends RuntimeException {

    private final ProxyReply reply;

    ProxyReplyException(ProxyReply reply, String message) {
        super(message, null, false, false);
        this.reply = reply;
    }

    /** The reply to answer with. */
    ProxyReply reply() {
        return this.reply;
    }
}
