package com.example.zoo;

import dev.centrifugo4j.rpc.WebSocketRpc;

public class Keeper {

    /** Feeds an animal. */
    @WebSocketRpc("zoo.feed")
    public Fed feed(Feeding feeding) {
        return new Fed(feeding.animal(), feeding.grams());
    }

    public record Feeding(String animal, int grams) {}

    public record Fed(String animal, int grams) {}
}
