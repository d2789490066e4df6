package com.example.incremental;

import dev.centrifugo4j.rpc.WebSocketRpc;

/** A handler whose name contains the '_' that also joins the nesting path of the index's name. */
public class Nested_Handlers {

    @WebSocketRpc("outer")
    public String outer() {
        return "outer";
    }

    public static class Inner {

        @WebSocketRpc("inner")
        public String inner() {
            return "inner";
        }
    }
}
