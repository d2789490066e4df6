package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class SecondPattern {

    @OnSubscribe("chat:{id}")
    boolean second() {
        return true;
    }
}
