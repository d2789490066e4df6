package dev.centrifugo4j.dispatch;

/** A proxy request body that is not the JSON object Centrifugo sends. */
public class MalformedProxyRequestException extends RuntimeException {

    public MalformedProxyRequestException(String message) {
        super(message);
    }

    public MalformedProxyRequestException(String message, Throwable cause) {
        super(message, cause);
    }
}
