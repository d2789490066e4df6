package dev.centrifugo4j.api;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What {@code batch} returns: one reply per command, in the order of the commands. A reply's
 * result has the type of its command ({@link PublishResult} for a {@link PublishRequest}, and so on).
 *
 * @param replies the replies
 */
public record BatchResult(List<Reply<?>> replies) {

    public BatchResult {
        replies = List.copyOf(Checks.requireNonNull(replies, "replies"));
    }

    /**
     * The reply to one command, typed by that command.
     *
     * <pre>{@code
     * PresenceStats stats = result.reply(1, statsRequest).orThrow();
     * }</pre>
     *
     * @param index the command's index
     * @param command the command at that index (only its type is used)
     * @return its reply
     */
    @SuppressWarnings("unchecked")
    public <R> Reply<R> reply(int index, ApiCommand<R> command) {
        return (Reply<R>) this.replies.get(index);
    }

    /** Whether every command succeeded. */
    public boolean allSucceeded() {
        return this.replies.stream().allMatch(Reply::isSuccess);
    }

    /** The indexes of the commands that failed. */
    public List<Integer> failedIndexes() {
        return IntStream.range(0, this.replies.size())
                .filter(i -> !this.replies.get(i).isSuccess())
                .boxed()
                .toList();
    }
}
