package dev.centrifugo4j.boot.proxy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Enumeration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Checks the shared secret that Centrifugo adds to every proxy request as a static header. The
 * comparison takes the same time whatever the header holds, so the secret cannot be guessed byte by
 * byte from response times. Centrifugo sends the header exactly once: a request that carries it
 * twice (in either order, whatever the values) is refused, so that no proxy or container in between
 * decides which of the two counts.
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
     * Whether a request whose secret header has these values may pass: exactly one value, equal to
     * the secret. A comma-joined value ({@code right,wrong}) is one value that is not the secret.
     *
     * @param values the values of every occurrence of the header, {@code null} or empty when absent
     * @return whether the request is authentic
     */
    public boolean acceptsValues(@Nullable Enumeration<String> values) {
        if (this.secret == null) {
            return true;
        }
        if (values == null || !values.hasMoreElements()) {
            return false;
        }
        String value = values.nextElement();
        // A second occurrence is refused whatever the first held; the comparison itself stays constant-time.
        return !values.hasMoreElements() && accepts(value);
    }

    /**
     * Whether a request whose secret header has these values may pass, as {@link
     * #acceptsValues(Enumeration)} decides.
     *
     * @param values the values of every occurrence of the header, {@code null} or empty when absent
     * @return whether the request is authentic
     */
    public boolean acceptsList(@Nullable List<String> values) {
        if (this.secret == null) {
            return true;
        }
        return values != null && values.size() == 1 && accepts(values.get(0));
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
