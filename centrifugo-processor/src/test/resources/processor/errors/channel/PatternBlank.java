package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class PatternBlank {

    @OnSubscribe(" ")
    boolean handle() {
        return true;
    }
}
