package dev.centrifugo4j.boot.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.jspecify.annotations.Nullable;

/**
 * Checks the shared secret that Centrifugo adds to every proxy request as a static header. The
 * comparison takes the same time whatever the header holds, so the secret cannot be guessed byte by
 * byte from response times.
 */
public final class ProxySecretCheck {

    private final String headerName;

    private final byte @Nullable [] secret;

    private ProxySecretCheck(String headerName, byte @Nullable [] secret) {
        this.headerName = headerName;
        this.secret = secret;
    }

    /**
     * A check that requires the header to hold the secret.
     *
     * @param headerName the header Centrifugo sends the secret in
     * @param secret the shared secret
     * @return the check
     */
    public static ProxySecretCheck requiring(String headerName, String secret) {
        if (headerName == null || headerName.isBlank()) {
            throw new IllegalArgumentException("'headerName' must not be blank");
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("'secret' must not be empty");
        }
        return new ProxySecretCheck(headerName, secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A check that lets every request through (for {@code centrifugo.proxy.insecure=true}).
     *
     * @param headerName the header that would carry the secret (removed from forwarded headers)
     * @return the check
     */
    public static ProxySecretCheck disabled(String headerName) {
        return new ProxySecretCheck(headerName, null);
    }

    /** The header that carries the secret. */
    public String headerName() {
        return this.headerName;
    }

    /**
     * Whether a request with this header value may pass.
     *
     * @param value the header's value, {@code null} when absent
     * @return whether the request is authentic
     */
    public boolean accepts(@Nullable String value) {
        byte[] expected = this.secret;
        if (expected == null) {
            return true;
        }
        if (value == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, value.getBytes(StandardCharsets.UTF_8));
    }
}
