package com.example.incremental;

import dev.centrifugo4j.rpc.WebSocketRpc;

public class KeptHandlers {

    @WebSocketRpc("kept")
    public String kept() {
        return "kept";
    }
}
