package dev.centrifugo4j.testcontainers.app;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.util.Map;
import org.springframework.stereotype.Component;

/** {@code news.announce}: publishes the text, signed by the caller, to the {@code news} channel. */
@Component
class NewsHandlers {

    private final CentrifugoPublisher publisher;

    NewsHandlers(CentrifugoPublisher publisher) {
        this.publisher = publisher;
    }

    @WebSocketRpc("news.announce")
    Announced announce(RpcContext rpc, Announcement announcement) {
        this.publisher.publish("news", Map.of("text", announcement.text(), "by", rpc.user()));
        return new Announced(rpc.user());
    }

    record Announcement(String text) {}

    record Announced(String by) {}
}
