package errors.channel;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.OnSubscribe;

class TwoChannelContexts {

    @OnSubscribe("chat:{roomId}")
    boolean handle(ChannelContext first,
            ChannelContext second) {
        return true;
    }
}
