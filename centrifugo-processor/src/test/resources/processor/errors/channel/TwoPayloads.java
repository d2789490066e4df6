package errors.channel;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.OnPublish;

class TwoPayloads {

    @OnPublish("chat:{roomId}")
    boolean handle(String first, ChannelContext context,
            String second) {
        return true;
    }
}
