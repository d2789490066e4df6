package dev.centrifugo4j.api;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What {@code broadcast} returns: one reply per channel, in the order of the request's channels.
 *
 * @param responses the replies
 */
public record BroadcastResult(List<Reply<PublishResult>> responses) {

    public BroadcastResult {
        responses = List.copyOf(Checks.requireNonNull(responses, "responses"));
    }

    /** Whether every channel got the publication. */
    public boolean allSucceeded() {
        return this.responses.stream().allMatch(Reply::isSuccess);
    }

    /** The indexes (into the request's channels) of the channels that failed. */
    public List<Integer> failedIndexes() {
        return IntStream.range(0, this.responses.size())
                .filter(i -> !this.responses.get(i).isSuccess())
                .boxed()
                .toList();
    }
}
