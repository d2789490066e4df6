package dev.centrifugo4j.examples.terminal;

import dev.centrifugo4j.api.CentrifugoPublisher;
import org.springframework.stereotype.Component;

/**
 * The session channel {@code terminal:session:{sessionId}} (the {@code terminal} namespace in
 * Centrifugo's configuration) and the one place that publishes on it.
 */
@Component
class TerminalChannel {

    /** The channel pattern, as the subscribe handler declares it. */
    static final String PATTERN = "terminal:session:{sessionId}";

    private static final String PREFIX = "terminal:session:";

    private final CentrifugoPublisher centrifugo;

    TerminalChannel(CentrifugoPublisher centrifugo) {
        this.centrifugo = centrifugo;
    }

    /** The channel of a session. */
    static String of(String sessionId) {
        return PREFIX + sessionId;
    }

    /** Publishes an event on a session's channel (blocking until Centrifugo has it). */
    void publish(String sessionId, TerminalEvent event) {
        this.centrifugo.publish(of(sessionId), event);
    }
}
