package com.example.incremental;

import dev.centrifugo4j.rpc.WebSocketRpc;

public class GreetingHandlers {

    /** Grüße aus Köln — 你好. */
    @WebSocketRpc("greet")
    public String greet() {
        return "hi";
    }
}
