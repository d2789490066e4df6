package errors.channel;

import dev.centrifugo4j.channel.OnSubscribe;

class PatternAdjacentVariables {

    @OnSubscribe("chat:{a}{b}")
    boolean handle() {
        return true;
    }
}
