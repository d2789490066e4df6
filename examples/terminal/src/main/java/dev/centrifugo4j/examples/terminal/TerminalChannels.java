package dev.centrifugo4j.examples.terminal;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.SubscribeResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** Who may read a terminal's output: its owner, logged in. */
@Component
public class TerminalChannels {

    private static final Logger logger = LoggerFactory.getLogger(TerminalChannels.class);

    private final TerminalSessions sessions;

    TerminalChannels(TerminalSessions sessions) {
        this.sessions = sessions;
    }

    /**
     * The output of a session ({@link TerminalEvent}s). Denied (403) to anyone but its owner, and
     * for sessions that do not exist (any more); the connection's user must still have a login
     * session (the forwarded cookie), not only a connection that was accepted earlier.
     */
    @OnSubscribe(TerminalChannel.PATTERN)
    @PreAuthorize(TerminalHandlers.SAME_LOGGED_IN_USER)
    public SubscribeResult output(ChannelContext conn, @ChannelVariable String sessionId) {
        TerminalSession session = this.sessions.find(sessionId);
        if (session == null || !session.isOwnedBy(conn.user())) {
            if (session != null) {
                logger.warn("{} tried to subscribe to terminal {} of {}", conn.user(), sessionId, session.owner());
            }
            return SubscribeResult.deny();
        }
        return SubscribeResult.allow();
    }
}
