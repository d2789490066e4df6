package com.example.strict;

import dev.centrifugo4j.rpc.WebSocketRpc;

/**
 * One RPC method per payload type whose contract the server enforces; each answers "ok" once its
 * data is bound (the class with setters answers with what it was given). The same shapes as the contract rules of {@code RpcDispatcherTests} in
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
    public Profile profile(Profile profile) {
        return profile;
    }

    @WebSocketRpc("strict.extensible")
    public String extensible(Extensible extensible) {
        return "ok";
    }

    @WebSocketRpc("strict.raw")
    public String raw(Raw raw) {
        return "ok";
    }

    @WebSocketRpc("strict.invisible")
    public String invisible(Invisible invisible) {
        return "ok";
    }
}
