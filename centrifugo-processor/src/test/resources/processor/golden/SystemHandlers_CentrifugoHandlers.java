package com.example.rpc;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcInvoker;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import dev.centrifugo4j.spi.TypeToken;
import java.util.List;
import javax.annotation.processing.Generated;

/**
 * The {@code @WebSocketRpc} methods of {@code SystemHandlers}.
 */
@Generated("dev.centrifugo4j.processor.HandlerProcessor")
public final class SystemHandlers_CentrifugoHandlers implements HandlerIndex {
    private static final List<RpcMethodDefinition> METHODS = List.of(
            new RpcMethodDefinition(
                    "items:count",
                    SystemHandlers.class,
                    "count",
                    List.of(List.class),
                    new TypeToken<List<Item>>() {}.type(),
                    false,
                    false,
                    false,
                    new RpcInvokers(0)),
            new RpcMethodDefinition(
                    "system.echo",
                    SystemHandlers.class,
                    "echo",
                    List.of(PingParams.class, RpcContext.class),
                    PingParams.class,
                    false,
                    true,
                    false,
                    new RpcInvokers(1)),
            new RpcMethodDefinition(
                    "system.greet",
                    SystemHandlers.class,
                    "greet",
                    List.of(Item.class),
                    Item.class,
                    true,
                    false,
                    false,
                    new RpcInvokers(2)),
            new RpcMethodDefinition(
                    "system.ping",
                    SystemHandlers.class,
                    "ping",
                    List.of(RpcContext.class, PingParams.class),
                    PingParams.class,
                    false,
                    true,
                    false,
                    new RpcInvokers(3)),
            new RpcMethodDefinition(
                    "system.reset",
                    SystemHandlers.class,
                    "reset",
                    List.of(),
                    null,
                    false,
                    false,
                    false,
                    new RpcInvokers(4)),
            new RpcMethodDefinition(
                    "system.slow",
                    SystemHandlers.class,
                    "slow",
                    List.of(Item.class),
                    Item.class,
                    false,
                    false,
                    true,
                    new RpcInvokers(5)),
            new RpcMethodDefinition(
                    "system.time",
                    SystemHandlers.class,
                    "time",
                    List.of(),
                    null,
                    false,
                    false,
                    false,
                    new RpcInvokers(6)),
            new RpcMethodDefinition(
                    "system.whoami",
                    SystemHandlers.class,
                    "whoami",
                    List.of(RpcContext.class),
                    null,
                    false,
                    false,
                    false,
                    new RpcInvokers(7)));

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

    /**
     * Calls the RPC method of the given number.
     */
    private static final class RpcInvokers implements RpcInvoker {
        private final int method;

        RpcInvokers(int method) {
            this.method = method;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object handler, RpcContext context, Object params) throws Exception {
            switch (this.method) {
                case 0:
                    return ((SystemHandlers) handler).count((List<Item>) params);
                case 1:
                    return ((SystemHandlers) handler).echo((PingParams) params, context);
                case 2:
                    return ((SystemHandlers) handler).greet((Item) params);
                case 3:
                    return ((SystemHandlers) handler).ping(context, (PingParams) params);
                case 4:
                    ((SystemHandlers) handler).reset();
                    return null;
                case 5:
                    return ((SystemHandlers) handler).slow((Item) params);
                case 6:
                    return ((SystemHandlers) handler).time();
                case 7:
                    return ((SystemHandlers) handler).whoami(context);
                default:
                    throw new IllegalStateException("No RPC method " + this.method);
            }
        }
    }
}
