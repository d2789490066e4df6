package dev.centrifugo4j.channel;

import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.rpc.DisconnectException;
import dev.centrifugo4j.rpc.RpcException;

/**
 * How a proxy answer refuses: an error (the request fails) or a disconnect (the connection closes).
 * Codes are validated as for {@link RpcException} and {@link DisconnectException}.
 *
 * @param error whether this is an error rather than a disconnect
 * @param code the error code (400–1999) or disconnect code (4000–4999)
 * @param message the error message or disconnect reason
 * @param temporary whether the client may retry (errors only)
 */
public record ProxyRejection(boolean error, int code, String message, boolean temporary) {

    /** Error 403 "permission denied". */
    public static final ProxyRejection PERMISSION_DENIED = new ProxyRejection(true, 403, "permission denied", false);

    public ProxyRejection {
        if (error) {
            // The exception constructors hold the rules; reuse them instead of repeating them.
            new RpcException(code, message, temporary);
        } else {
            new DisconnectException(code, message);
        }
    }

    /** The reply that carries this rejection. */
    public ProxyReply toReply() {
        return this.error
                ? ProxyReply.error(this.code, this.message, this.temporary)
                : ProxyReply.disconnect(this.code, this.message);
    }

    /** An error reply. */
    public static ProxyRejection error(int code, String message, boolean temporary) {
        return new ProxyRejection(true, code, message, temporary);
    }

    /** A disconnect reply. */
    public static ProxyRejection disconnect(int code, String reason) {
        return new ProxyRejection(false, code, reason, false);
    }
}
