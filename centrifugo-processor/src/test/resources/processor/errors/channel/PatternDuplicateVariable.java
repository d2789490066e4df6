package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class PatternDuplicateVariable {

    @OnSubscribe("chat:{id}:{id}")
    boolean handle() {
        return true;
    }
}
