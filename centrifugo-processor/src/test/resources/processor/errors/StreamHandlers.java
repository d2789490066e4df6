package errors;

import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.rpc.WebSocketRpc;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

class StreamHandlers {

    @WebSocketRpc("ticks")
    Flux<String> ticks() {
        return Flux.empty();
    }

    @OnSubscribe("feed:{id}")
    Publisher<Boolean> feed() {
        return Flux.empty();
    }

    @WebSocketRpc("prices")
    kotlinx.coroutines.flow.Flow<Double> prices() {
        return null;
    }
}
