package errors.channel;

import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;

class PatternUnbalancedBrace {

    @OnSubscribe("chat:{roomId")
    boolean unclosed() {
        return true;
    }

    @OnSubscribe("chat:room}")
    boolean unopened() {
        return true;
    }

    @OnPublish("chat:{a{b}}")
    boolean nested() {
        return true;
    }
}
