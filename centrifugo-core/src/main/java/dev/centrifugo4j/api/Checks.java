package dev.centrifugo4j.api;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import okhttp3.HttpUrl;
import org.jspecify.annotations.Nullable;

/** Precondition checks with messages that quote the argument. */
final class Checks {

    private Checks() {}

    static String requireText(@Nullable String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("'" + name + "' must not be empty");
        }
        return value;
    }

    static <T> T requireNonNull(@Nullable T value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("'" + name + "' must not be null");
        }
        return value;
    }

    static <T extends Collection<?>> T requireNotEmpty(@Nullable T value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("'" + name + "' must not be empty");
        }
        return value;
    }

    /**
     * Whether OkHttp takes {@code url} as an http or https URL ({@code HttpUrl.parse} is not null),
     * decided without OkHttp when possible: its {@code HttpUrl} loads the Kotlin standard library
     * (about 130 classes, 50 ms at start-up). A URL that {@link URI}'s stricter grammar reads as
     * http(s) with a host, a port in range and host labels of legal length is one OkHttp takes too;
     * anything else is left to OkHttp's own, more lenient parser.
     */
    static boolean isHttpUrl(String url) {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            String host = uri.getHost();
            String authority = uri.getRawAuthority();
            int port = uri.getPort();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && host != null
                    && authority != null
                    && !authority.endsWith(":")
                    && (port == -1 || (port >= 1 && port <= 65535))
                    && hostLabelsFit(host)) {
                return true;
            }
        } catch (URISyntaxException ex) {
            // OkHttp's parser decides.
        }
        return HttpUrl.parse(url) != null;
    }

    private static boolean hostLabelsFit(String host) {
        if (host.startsWith("[")) {
            return true; // an IPv6 literal, checked by URI
        }
        if (host.isEmpty() || host.length() > 253) {
            return false;
        }
        int start = 0;
        while (start < host.length()) {
            int dot = host.indexOf('.', start);
            int end = (dot < 0) ? host.length() : dot;
            if (end - start < 1 || end - start > 63) {
                return false;
            }
            start = end + 1;
        }
        return true;
    }

    static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
