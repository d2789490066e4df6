package com.example.incremental;

import dev.centrifugo4j.rpc.WebSocketRpc;

public class RemovedHandlers {

    @WebSocketRpc("removed")
    public String removed() {
        return "removed";
    }
}
