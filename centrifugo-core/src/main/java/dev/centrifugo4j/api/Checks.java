package dev.centrifugo4j.api;

import java.util.Collection;
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

    static String nullToEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
