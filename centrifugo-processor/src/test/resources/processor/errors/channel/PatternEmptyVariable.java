package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class PatternEmptyVariable {

    @OnSubscribe("chat:{}")
    boolean handle() {
        return true;
    }
}
