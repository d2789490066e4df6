package dev.centrifugo4j.api;

import java.util.List;
import java.util.function.Function;

/**
 * What {@code history} returns.
 *
 * @param publications the publications
 * @param offset the stream's current top offset
 * @param epoch the stream's epoch
 * @param <T> the type payloads are read as
 */
public record HistoryResult<T>(List<Publication<T>> publications, long offset, String epoch) {

    public HistoryResult {
        publications = List.copyOf(Checks.requireNonNull(publications, "publications"));
        Checks.requireNonNull(epoch, "epoch");
    }

    /** The stream's current top position, to pass as {@code since} later. */
    public StreamPosition position() {
        return new StreamPosition(this.offset, this.epoch);
    }

    /** The payloads, in the order returned. */
    public List<T> data() {
        return this.publications.stream().map(Publication::data).toList();
    }

    /** This result with the payloads converted. */
    public <U> HistoryResult<U> map(Function<? super T, ? extends U> mapper) {
        return new HistoryResult<>(
                this.publications.stream()
                        .<Publication<U>>map(p -> p.map(mapper))
                        .toList(),
                this.offset,
                this.epoch);
    }
}
