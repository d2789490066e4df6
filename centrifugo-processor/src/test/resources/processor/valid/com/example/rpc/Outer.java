package com.example.rpc;

import dev.centrifugo4j.rpc.WebSocketRpc;

public class Outer {

    static class Inner {

        @WebSocketRpc("outer.inner")
        String[] names(Item[] items) {
            String[] names = new String[items.length];
            for (int i = 0; i < items.length; i++) {
                names[i] = items[i].name();
            }
            return names;
        }
    }
}
