package dev.centrifugo4j.it.zoo;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.PublishResult;
import dev.centrifugo4j.api.TypedChannel;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Echoes every type of the zoo, and publishes sightings into the typed cage channels. */
@Component
public class ZooHandlers {

    private final TypedChannel<Sighting> cages;

    public ZooHandlers(CentrifugoPublisher publisher) {
        this.cages = publisher.channel(Sighting.class);
    }

    /**
     * Echoes a specimen of every type the contract maps.
     *
     * @param everything the specimen
     * @return the same specimen
     */
    @WebSocketRpc("zoo.echo")
    public Everything echo(@Valid Everything everything) {
        return everything;
    }

    /** Returns the shape it is given, later. */
    @WebSocketRpc("zoo:shape")
    public CompletionStage<Shape> shape(Shape shape) {
        return CompletableFuture.supplyAsync(() -> shape);
    }

    /** Returns the page it is given, or none. */
    @WebSocketRpc("zoo.page")
    public @Nullable Page<Order.Line> page(@Nullable Page<Order.Line> page) {
        return page;
    }

    /** Returns the tags of each name. */
    @WebSocketRpc("zoo.tags")
    public Map<String, List<Tag>> tags(Map<String, List<Tag>> tags) {
        return tags;
    }

    /** Returns the keeper it is given. */
    @WebSocketRpc("zoo.keeper")
    public Keeper keeper(Keeper keeper) {
        return keeper;
    }

    /** Does nothing, and answers with nothing. */
    @WebSocketRpc("zoo.feed")
    public void feed() {}

    /**
     * Publishes a sighting into the cage's channel, through the typed channel.
     *
     * @return the publication's offset in the channel's history, if it keeps one
     */
    @WebSocketRpc("zoo.sight")
    public long sight(@Valid SightingRequest request) {
        PublishResult result = this.cages.publish(request.sighting(), request.cage());
        return result.offset();
    }

    /** Lets anyone watch a cage but the closed one, and the one being cleaned (a temporary refusal). */
    @OnSubscribe("zoo:cage.{cage}")
    public boolean watch(@ChannelVariable String cage) {
        if (cage.equals("cleaning")) {
            throw new RpcException(1001, "the cage is being cleaned", true);
        }
        return !cage.equals("closed");
    }
}
