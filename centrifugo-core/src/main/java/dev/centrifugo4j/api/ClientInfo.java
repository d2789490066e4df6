package dev.centrifugo4j.api;

import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A connection, as presence and history report it.
 *
 * @param client the client (connection) ID
 * @param user the user ID; empty for anonymous
 * @param connInfo the connection info (from the token or connect proxy); {@code null} when absent
 * @param chanInfo the channel info (from the subscription token or subscribe proxy); {@code null}
 *     when absent
 * @param <I> the type the infos are read as
 */
public record ClientInfo<I>(
        String client,
        String user,
        @Nullable I connInfo,
        @Nullable I chanInfo) {

    public ClientInfo {
        Checks.requireNonNull(client, "client");
        Checks.requireNonNull(user, "user");
    }

    /** This client info with its infos converted. */
    public <U> ClientInfo<U> map(Function<? super I, ? extends U> mapper) {
        return new ClientInfo<>(
                client,
                user,
                connInfo == null ? null : mapper.apply(connInfo),
                chanInfo == null ? null : mapper.apply(chanInfo));
    }
}
