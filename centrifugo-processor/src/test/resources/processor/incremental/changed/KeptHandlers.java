package com.example.incremental;

/** KeptHandlers after its only @WebSocketRpc annotation was removed. */
public class KeptHandlers {

    public String kept() {
        return "kept";
    }
}
