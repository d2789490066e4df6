package dev.centrifugo4j.api;

import org.jspecify.annotations.Nullable;

/**
 * What {@code publish} returns.
 *
 * @param offset the publication's offset in the channel's history; 0 without history
 * @param epoch the history stream's epoch; empty without history
 */
public record PublishResult(long offset, String epoch) {

    public PublishResult {
        Checks.requireNonNull(epoch, "epoch");
    }

    /** The publication's position in the history stream, or {@code null} without history. */
    public @Nullable StreamPosition position() {
        return this.epoch.isEmpty() ? null : new StreamPosition(this.offset, this.epoch);
    }
}
