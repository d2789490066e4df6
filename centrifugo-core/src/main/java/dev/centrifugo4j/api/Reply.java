package dev.centrifugo4j.api;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one item of a {@link BatchRequest batch} or a {@link BroadcastRequest broadcast}:
 * either a result or Centrifugo's error for that item.
 *
 * @param result the result; {@code null} on error, and for commands that return nothing
 * @param error the error; {@code null} on success
 * @param <T> the result type
 */
public record Reply<T>(@Nullable T result, @Nullable ApiError error) {

    /** A successful reply. */
    public static <T> Reply<T> success(@Nullable T result) {
        return new Reply<>(result, null);
    }

    /** A failed reply. */
    public static <T> Reply<T> failure(ApiError error) {
        return new Reply<>(null, Checks.requireNonNull(error, "error"));
    }

    /** Whether this item succeeded. */
    public boolean isSuccess() {
        return this.error == null;
    }

    /**
     * The result, or Centrifugo's error thrown.
     *
     * @throws CentrifugoApiException when the item failed
     */
    public @Nullable T orThrow() {
        if (this.error != null) {
            throw this.error.toException();
        }
        return this.result;
    }

    /** This reply with its result converted. */
    public <U> Reply<U> map(Function<? super T, ? extends U> mapper) {
        return (this.error != null || this.result == null)
                ? new Reply<>(null, this.error)
                : new Reply<>(mapper.apply(this.result), null);
    }
}
