package dev.centrifugo4j.api;

/**
 * A position in a channel's history stream.
 *
 * @param offset the offset of a publication
 * @param epoch the epoch of the stream
 */
public record StreamPosition(long offset, String epoch) {

    public StreamPosition {
        Checks.requireNonNull(epoch, "epoch");
        if (offset < 0) {
            throw new IllegalArgumentException("'offset' must not be negative");
        }
    }
}
