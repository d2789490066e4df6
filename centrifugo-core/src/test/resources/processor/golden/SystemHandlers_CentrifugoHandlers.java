package com.example.rpc;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import dev.centrifugo4j.spi.TypeRef;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The {@code @WebSocketRpc} methods of {@code SystemHandlers}.
 */
@Generated("dev.centrifugo4j.processor.HandlerProcessor")
public final class SystemHandlers_CentrifugoHandlers implements HandlerIndex {
    @SuppressWarnings("unchecked")
    private static final List<RpcMethodDefinition> METHODS = List.of(
            new RpcMethodDefinition(
                    "items:count",
                    SystemHandlers.class,
                    "count",
                    List.of(List.class),
                    new TypeRef<List<Item>>() {}.type(),
                    false,
                    false,
                    false,
                    (handler, context, params) -> ((SystemHandlers) handler).count((List<Item>) params)),
            new RpcMethodDefinition(
                    "system.echo",
                    SystemHandlers.class,
                    "echo",
                    List.of(PingParams.class, RpcContext.class),
                    PingParams.class,
                    false,
                    true,
                    false,
                    (handler, context, params) -> ((SystemHandlers) handler).echo((PingParams) params, context)),
            new RpcMethodDefinition(
                    "system.greet",
                    SystemHandlers.class,
                    "greet",
                    List.of(Item.class),
                    Item.class,
                    true,
                    false,
                    false,
                    (handler, context, params) -> ((SystemHandlers) handler).greet((Item) params)),
            new RpcMethodDefinition(
                    "system.ping",
                    SystemHandlers.class,
                    "ping",
                    List.of(RpcContext.class, PingParams.class),
                    PingParams.class,
                    false,
                    true,
                    false,
                    (handler, context, params) -> ((SystemHandlers) handler).ping(context, (PingParams) params)),
            new RpcMethodDefinition(
                    "system.reset",
                    SystemHandlers.class,
                    "reset",
                    List.of(),
                    null,
                    false,
                    false,
                    false,
                    (handler, context, params) -> {
                        ((SystemHandlers) handler).reset();
                        return null;
                    }),
            new RpcMethodDefinition(
                    "system.slow",
                    SystemHandlers.class,
                    "slow",
                    List.of(Item.class),
                    Item.class,
                    false,
                    false,
                    true,
                    (handler, context, params) -> ((SystemHandlers) handler).slow((Item) params)),
            new RpcMethodDefinition(
                    "system.time",
                    SystemHandlers.class,
                    "time",
                    List.of(),
                    null,
                    false,
                    false,
                    false,
                    (handler, context, params) -> ((SystemHandlers) handler).time()),
            new RpcMethodDefinition(
                    "system.whoami",
                    SystemHandlers.class,
                    "whoami",
                    List.of(RpcContext.class),
                    null,
                    false,
                    false,
                    false,
                    (handler, context, params) -> ((SystemHandlers) handler).whoami(context)));

    public SystemHandlers_CentrifugoHandlers() {
    }

    @Override
    public Class<?> handlerType() {
        return SystemHandlers.class;
    }

    @Override
    public List<RpcMethodDefinition> methods() {
        return METHODS;
    }
}
