package dev.centrifugo4j.api;

/**
 * The code and reason a connection is closed with. Codes 4000-4499 let the client reconnect,
 * 4500-4999 do not.
 *
 * @param code the close code, 3000-4999
 * @param reason a short reason (at most 123 bytes in UTF-8)
 */
public record Disconnect(int code, String reason) {

    public Disconnect {
        if (code < 3000 || code > 4999) {
            throw new IllegalArgumentException("'code' must be between 3000 and 4999, was " + code);
        }
        Checks.requireNonNull(reason, "reason");
        if (reason.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 123) {
            throw new IllegalArgumentException("'reason' must be at most 123 bytes in UTF-8");
        }
    }
}
