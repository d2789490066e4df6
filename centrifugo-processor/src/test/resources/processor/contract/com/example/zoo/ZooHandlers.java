package com.example.zoo;

import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

public class ZooHandlers {

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
    public CompletionStage<Shape> shape(RpcContext context, Shape shape) {
        return CompletableFuture.completedFuture(shape);
    }

    @WebSocketRpc("zoo.page")
    public Page<Order.Line> page(@Nullable Page<Order.Line> page) {
        return page;
    }

    @WebSocketRpc("zoo.legacy")
    public LegacyBean legacy(Map<String, List<Tag>> tags) {
        return new LegacyBean();
    }

    @WebSocketRpc("zoo.feed")
    public void feed() {}

    /** Lets anyone watch a cage. */
    @OnSubscribe("zoo:cage.{cage}.{id}")
    public boolean watch(@ChannelVariable String cage, @ChannelVariable UUID id) {
        return true;
    }

    @OnPublish("zoo:feeding.{cage}")
    public boolean feeding(@ChannelVariable String cage, @Valid Feeding feeding) {
        return true;
    }
}
