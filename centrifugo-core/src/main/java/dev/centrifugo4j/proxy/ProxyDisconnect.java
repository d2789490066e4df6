package dev.centrifugo4j.proxy;

/**
 * A disconnect reply to a proxy request: {@code {"disconnect":{"code":...,"reason":...}}}.
 *
 * @param code the disconnect code, 4000–4999
 * @param reason the reason, at most 32 bytes
 */
public record ProxyDisconnect(int code, String reason) {

    public ProxyDisconnect {
        if (reason == null) {
            throw new IllegalArgumentException("'reason' must not be null");
        }
    }
}
