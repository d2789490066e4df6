package com.example.incremental;

import dev.centrifugo4j.rpc.WebSocketRpc;

public class AddedHandlers {

    @WebSocketRpc("added")
    public String added() {
        return "added";
    }
}
