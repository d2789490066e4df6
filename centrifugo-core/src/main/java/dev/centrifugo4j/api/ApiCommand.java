package dev.centrifugo4j.api;

/**
 * One call of Centrifugo's server HTTP API, usable alone ({@link CentrifugoPublisher#execute}) or
 * inside a {@link BatchRequest}.
 *
 * @param <R> what the call returns ({@link Void} for calls that return nothing)
 */
public sealed interface ApiCommand<R>
        permits PublishRequest,
                BroadcastRequest,
                SubscribeRequest,
                UnsubscribeRequest,
                DisconnectRequest,
                RefreshRequest,
                PresenceRequest,
                PresenceStatsRequest,
                HistoryRequest,
                HistoryRemoveRequest,
                ChannelsRequest,
                InfoRequest {

    /** The API method name, as in {@code POST /api/<method>}. */
    String method();
}
