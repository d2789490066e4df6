package dev.centrifugo4j.examples.terminal;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The terminal's RPC methods. Each acts for the connection's user, which the connect proxy took from
 * the login session; a session may be used by its owner only (error 403 for anyone else, 404 when
 * there is no such session). The login session must still be there (Centrifugo forwards its cookie
 * with every call) and be the connection's user: after a logout the shell no longer obeys, even
 * before the refresh proxy ends the connection.
 */
@Component
@PreAuthorize(TerminalHandlers.SAME_LOGGED_IN_USER)
public class TerminalHandlers {

    /** The connection's user ({@code conn}) is the user of the forwarded login session. */
    static final String SAME_LOGGED_IN_USER = "isAuthenticated() and #conn.user() == authentication.name";

    private final TerminalSessions sessions;

    TerminalHandlers(TerminalSessions sessions) {
        this.sessions = sessions;
    }

    /** Starts a shell in a new terminal of the given size. */
    @WebSocketRpc("terminal.open")
    public TerminalOpened open(RpcContext conn, @Valid OpenTerminal params) {
        return new TerminalOpened(
                this.sessions.open(conn.user(), params.cols(), params.rows()).id());
    }

    /** Types into a terminal (keystrokes, pasted text). */
    @WebSocketRpc("terminal.input")
    public void input(RpcContext conn, @Valid TerminalInput params) {
        this.sessions.owned(params.sessionId(), conn.user()).type(params.data());
    }

    /** Sets a terminal's size; the first call after subscribing also starts its output. */
    @WebSocketRpc("terminal.resize")
    public void resize(RpcContext conn, @Valid TerminalResize params) {
        this.sessions.owned(params.sessionId(), conn.user()).resize(params.cols(), params.rows());
    }

    /** Ends a terminal's shell; its channel then gets the exit event. */
    @WebSocketRpc("terminal.close")
    public void close(RpcContext conn, @Valid TerminalSessionRef params) {
        this.sessions.close(this.sessions.owned(params.sessionId(), conn.user()), "closed by its owner");
    }
}
