package errors.channel;

import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;

class VariableBoundTwice {

    @OnSubscribe("chat:{roomId}")
    boolean handle(@ChannelVariable long roomId,
            @ChannelVariable("roomId") String room) {
        return true;
    }
}
