package dev.centrifugo4j.proxy;

/**
 * Carries a ready reply out of the decoding steps of a dispatcher (bad data, failed validation).
 * Not an error of the application: it has no stack trace and is never logged as a failure.
 */
public final class ProxyReplyException extends RuntimeException {

    private final ProxyReply reply;

    public ProxyReplyException(ProxyReply reply, String message) {
        super(message, null, false, false);
        this.reply = reply;
    }

    /** The reply to answer with. */
    public ProxyReply reply() {
        return this.reply;
    }
}
