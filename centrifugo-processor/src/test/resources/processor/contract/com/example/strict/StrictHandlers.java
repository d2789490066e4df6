package com.example.strict;

import dev.centrifugo4j.rpc.WebSocketRpc;

/**
 * One RPC method per payload type whose contract the server enforces; each answers "ok" once its
 * data is bound. The same shapes as the contract rules of {@code RpcDispatcherTests} in
 * centrifugo-core.
 */
public class StrictHandlers {

    @WebSocketRpc("strict.note")
    public String note(Note note) {
        return "ok";
    }

    @WebSocketRpc("strict.notes")
    public String notes(Notes notes) {
        return "ok";
    }

    @WebSocketRpc("strict.lenient")
    public String lenient(Lenient lenient) {
        return "ok";
    }

    @WebSocketRpc("strict.present")
    public String present(Present present) {
        return "ok";
    }

    @WebSocketRpc("strict.profile")
    public String profile(Profile profile) {
        return "ok";
    }

    @WebSocketRpc("strict.extensible")
    public String extensible(Extensible extensible) {
        return "ok";
    }

    @WebSocketRpc("strict.invisible")
    public String invisible(Invisible invisible) {
        return "ok";
    }
}
