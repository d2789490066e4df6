package dev.centrifugo4j.boot.rpc.forgotten;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;

/** Handlers whose class was meant to be a bean, but has no @Component. */
public class ForgottenHandlers {

    @WebSocketRpc("forgotten.ping")
    public String ping(RpcContext context) {
        return "pong " + context.user();
    }

    @OnSubscribe("forgotten:{room}")
    public void join(ChannelContext context, @ChannelVariable String room) {}
}
