package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class PatternWhitespace {

    @OnSubscribe("chat: room")
    boolean handle() {
        return true;
    }
}
