package errors.channel;

import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.rpc.WebSocketRpc;

class MultipleHandlerAnnotations {

    @WebSocketRpc("chat.join")
    @OnSubscribe("chat:{roomId}")
    boolean rpcAndChannel() {
        return true;
    }

    @OnSubscribe("news:{topic}")
    @OnPublish("news:{topic}")
    boolean twoChannelOperations() {
        return true;
    }
}
