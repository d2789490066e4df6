package com.example.kt;

import dev.centrifugo4j.rpc.WebSocketRpc;

/** A Java class (no @kotlin.Metadata) whose method merely looks like a suspend function: not one. */
public class JavaContinuation {

    @WebSocketRpc("java.continuation")
    public Object call(kotlin.coroutines.Continuation<? super String> continuation) {
        return "plain";
    }
}
