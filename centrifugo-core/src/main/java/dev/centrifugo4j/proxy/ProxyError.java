package dev.centrifugo4j.proxy;

/**
 * An error reply to a proxy request: {@code {"error":{"code":...,"message":...,"temporary":...}}}.
 *
 * @param code the error code the client receives
 * @param message the message the client receives
 * @param temporary whether the client may retry later
 */
public record ProxyError(int code, String message, boolean temporary) {

    public ProxyError {
        if (message == null) {
            throw new IllegalArgumentException("'message' must not be null");
        }
    }
}
