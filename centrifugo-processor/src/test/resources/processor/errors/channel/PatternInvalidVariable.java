package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class PatternInvalidVariable {

    @OnSubscribe("chat:{1room}")
    boolean handle() {
        return true;
    }
}
