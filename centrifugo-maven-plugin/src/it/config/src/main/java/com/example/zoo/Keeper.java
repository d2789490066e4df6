package com.example.zoo;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.rpc.WebSocketRpc;

public class Keeper {

    @WebSocketRpc("zoo.feed")
    public void feed() {}

    @WebSocketRpc("staff:close")
    public void close() {}

    @OnSubscribe("cages:{cage}")
    public boolean watch(ChannelContext context, @ChannelVariable String cage) {
        return true;
    }

    @OnPublish("cages:{cage}")
    public PublishDecision shout(ChannelContext context, @ChannelVariable String cage, Shout shout) {
        return PublishDecision.allow();
    }

    @OnSubscribe("news")
    public boolean news(ChannelContext context) {
        return true;
    }

    public record Shout(String text) {}
}
