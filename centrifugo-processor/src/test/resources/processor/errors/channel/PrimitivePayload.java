package errors.channel;

import dev.centrifugo4j.channel.OnPublish;

class PrimitivePayload {

    @OnPublish("counter:{name}")
    boolean handle(
            long increment) {
        return true;
    }
}
