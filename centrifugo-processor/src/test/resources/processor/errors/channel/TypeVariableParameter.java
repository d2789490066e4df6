package errors.channel;

import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import java.util.List;

class TypeVariableParameter<T> {

    @OnPublish("items:{id}")
    boolean handle(@ChannelVariable T id,
            List<T> items) {
        return true;
    }
}
