package dev.centrifugo4j.api;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What {@code presence} returns: the connections subscribed to the channel, by client ID.
 *
 * @param clients the connections, by client ID
 * @param <I> the type connection and channel infos are read as
 */
public record PresenceResult<I>(Map<String, ClientInfo<I>> clients) {

    public PresenceResult {
        clients = Map.copyOf(Checks.requireNonNull(clients, "clients"));
    }

    /** The distinct user IDs present. */
    public Set<String> users() {
        return this.clients.values().stream().map(ClientInfo::user).collect(Collectors.toSet());
    }

    /** This result with the infos converted. */
    public <U> PresenceResult<U> map(Function<? super I, ? extends U> mapper) {
        Map<String, ClientInfo<U>> converted = new LinkedHashMap<>();
        this.clients.forEach((id, info) -> converted.put(id, info.map(mapper)));
        return new PresenceResult<>(converted);
    }
}
