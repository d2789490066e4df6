package errors.channel;

import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import java.util.concurrent.CompletionStage;

class InvalidReturnTypes {

    @OnSubscribe("a:{id}")
    String subscribe() {
        return "";
    }

    @OnPublish("a:{id}")
    CompletionStage<String> publish() {
        return null;
    }

    @OnSubRefresh("a:{id}")
    boolean refresh() {
        return true;
    }

    @OnSubscribe("b:{id}")
    PublishDecision wrongResult() {
        return PublishDecision.allow();
    }

    @OnPublish("b:{id}")
    @SuppressWarnings("rawtypes")
    CompletionStage raw() {
        return null;
    }
}
