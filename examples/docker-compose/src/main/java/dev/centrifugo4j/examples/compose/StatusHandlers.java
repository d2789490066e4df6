package dev.centrifugo4j.examples.compose;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import org.springframework.stereotype.Component;

/** {@code status.set}: a user's status, shown to everyone subscribed to the {@code statuses} channel. */
@Component
class StatusHandlers {

    static final String CHANNEL = "statuses";

    private final CentrifugoPublisher publisher;

    StatusHandlers(CentrifugoPublisher publisher) {
        this.publisher = publisher;
    }

    @WebSocketRpc("status.set")
    Status set(RpcContext rpc, StatusText status) {
        Status published = new Status(rpc.user(), status.text());
        this.publisher.publish(CHANNEL, published);
        return published;
    }

    /** What the client sends. */
    record StatusText(String text) {}

    /** What everyone on the channel receives. */
    record Status(String user, String text) {}
}
