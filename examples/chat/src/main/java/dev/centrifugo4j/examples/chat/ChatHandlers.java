package dev.centrifugo4j.examples.chat;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.security.Principal;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/** RPC methods of the chat. */
@Component
public class ChatHandlers {

    /**
     * Who the server thinks the caller is.
     *
     * @param user the connection's user
     * @param principal the Spring Security user of the forwarded session, if any
     */
    public record WhoAmI(String user, String principal) {}

    /** Statistics only the staff may see. */
    public record Stats(int rooms, String requestedBy) {}

    @WebSocketRpc("chat.whoami")
    public WhoAmI whoami(RpcContext conn) {
        Principal principal = conn.principal();
        return new WhoAmI(conn.user(), (principal != null) ? principal.getName() : "");
    }

    @WebSocketRpc("admin.stats")
    @PreAuthorize("hasRole('ADMIN')")
    public Stats stats(RpcContext conn) {
        return new Stats(3, conn.user());
    }
}
