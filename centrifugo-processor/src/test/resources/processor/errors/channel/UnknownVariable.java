package errors.channel;

import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;

class UnknownVariable {

    @OnSubscribe("chat:{roomId}:{userId}")
    boolean byName(
            @ChannelVariable long room) {
        return true;
    }

    @OnSubscribe("news:{topic}")
    boolean byValue(
            @ChannelVariable("topics") String topic) {
        return true;
    }

    @OnSubscribe("lobby")
    boolean noVariables(
            @ChannelVariable String lobby) {
        return true;
    }
}
