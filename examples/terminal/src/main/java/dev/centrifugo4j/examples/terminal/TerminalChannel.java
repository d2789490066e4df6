package dev.centrifugo4j.examples.terminal;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.TypedChannel;
import org.springframework.stereotype.Component;

/**
 * The session channel {@code terminal:session:{sessionId}} (the {@code terminal} namespace in
 * Centrifugo's configuration) and the one place that publishes on it.
 */
@Component
class TerminalChannel {

    /** The channel pattern, as {@link TerminalEvent} and the subscribe handler declare it. */
    static final String PATTERN = "terminal:session:{sessionId}";

    private static final String PREFIX = "terminal:session:";

    private final TypedChannel<TerminalEvent> sessions;

    TerminalChannel(CentrifugoPublisher centrifugo) {
        this.sessions = centrifugo.channel(TerminalEvent.class);
    }

    /** The channel of a session. */
    static String of(String sessionId) {
        return PREFIX + sessionId;
    }

    /** Publishes an event on a session's channel (blocking until Centrifugo has it). */
    void publish(String sessionId, TerminalEvent event) {
        this.sessions.publish(event, sessionId);
    }
}
