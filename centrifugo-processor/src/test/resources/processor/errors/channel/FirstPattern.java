package errors.channel;

import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;

class FirstPattern {

    @OnSubscribe("chat:{roomId}")
    boolean first() {
        return true;
    }

    @OnPublish("chat:{roomId}")
    boolean publish() {
        return true;
    }

    @OnSubscribe("chat:{roomId}:admin")
    boolean moreSpecific() {
        return true;
    }
}
