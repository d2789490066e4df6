package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class PrivateChannelMethod {

    @OnSubscribe("chat:{roomId}")
    private static boolean handle() {
        return true;
    }
}
