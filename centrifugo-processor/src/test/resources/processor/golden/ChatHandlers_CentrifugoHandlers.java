package com.example.channel;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.spi.ChannelInvoker;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.ChannelParameter;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcInvoker;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import dev.centrifugo4j.spi.TypeToken;
import java.util.List;
import java.util.UUID;
import javax.annotation.processing.Generated;

/**
 * The {@code @WebSocketRpc}, {@code @OnSubscribe}, {@code @OnPublish} and {@code @OnSubRefresh} methods of {@code ChatHandlers}.
 */
@Generated("dev.centrifugo4j.processor.HandlerProcessor")
public final class ChatHandlers_CentrifugoHandlers implements HandlerIndex {
    private static final List<RpcMethodDefinition> METHODS = List.of(
            new RpcMethodDefinition(
                    "chat.history",
                    ChatHandlers.class,
                    "history",
                    List.of(RpcContext.class),
                    null,
                    false,
                    false,
                    false,
                    new RpcInvokers(0)));

    private static final List<ChannelMethodDefinition> CHANNEL_METHODS = List.of(
            new ChannelMethodDefinition(
                    ChannelOperation.SUBSCRIBE,
                    "chat:room:{roomId}",
                    ChatHandlers.class,
                    "join",
                    List.of(ChannelContext.class, long.class),
                    List.of(
                            ChannelParameter.context(ChannelContext.class),
                            ChannelParameter.variable("roomId", long.class)),
                    false,
                    false,
                    new ChannelInvokers(0)),
            new ChannelMethodDefinition(
                    ChannelOperation.SUBSCRIBE,
                    "inbox:{user}",
                    ChatHandlers.class,
                    "openInbox",
                    List.of(ChannelContext.class, String.class),
                    List.of(
                            ChannelParameter.context(ChannelContext.class),
                            ChannelParameter.variable("user", String.class)),
                    true,
                    false,
                    new ChannelInvokers(1)),
            new ChannelMethodDefinition(
                    ChannelOperation.SUBSCRIBE,
                    "news:{kind}",
                    ChatHandlers.class,
                    "follow",
                    List.of(RoomKind.class),
                    List.of(
                            ChannelParameter.variable("kind", RoomKind.class)),
                    false,
                    true,
                    new ChannelInvokers(2)),
            new ChannelMethodDefinition(
                    ChannelOperation.SUBSCRIBE,
                    "terminal:session:{sessionId}",
                    ChatHandlers.class,
                    "watch",
                    List.of(UUID.class, ChannelContext.class),
                    List.of(
                            ChannelParameter.variable("sessionId", UUID.class),
                            ChannelParameter.context(ChannelContext.class)),
                    false,
                    false,
                    new ChannelInvokers(3)),
            new ChannelMethodDefinition(
                    ChannelOperation.PUBLISH,
                    "audit:{kind}",
                    ChatHandlers.class,
                    "audit",
                    List.of(RoomKind.class, String.class),
                    List.of(
                            ChannelParameter.variable("kind", RoomKind.class),
                            ChannelParameter.payload(String.class, false, false)),
                    true,
                    true,
                    new ChannelInvokers(4)),
            new ChannelMethodDefinition(
                    ChannelOperation.PUBLISH,
                    "chat:lobby",
                    ChatHandlers.class,
                    "chatter",
                    List.of(ChatMessage.class),
                    List.of(
                            ChannelParameter.payload(ChatMessage.class, true, true)),
                    false,
                    false,
                    new ChannelInvokers(5)),
            new ChannelMethodDefinition(
                    ChannelOperation.PUBLISH,
                    "chat:room:{roomId}",
                    ChatHandlers.class,
                    "post",
                    List.of(ChannelContext.class, long.class, ChatMessage.class),
                    List.of(
                            ChannelParameter.context(ChannelContext.class),
                            ChannelParameter.variable("roomId", long.class),
                            ChannelParameter.payload(ChatMessage.class, false, true)),
                    false,
                    false,
                    new ChannelInvokers(6)),
            new ChannelMethodDefinition(
                    ChannelOperation.PUBLISH,
                    "feed:{kind}:{topic}",
                    ChatHandlers.class,
                    "tag",
                    List.of(RoomKind.class, List.class),
                    List.of(
                            ChannelParameter.variable("kind", RoomKind.class),
                            ChannelParameter.payload(new TypeToken<List<String>>() {}.type(), false, false)),
                    true,
                    false,
                    new ChannelInvokers(7)),
            new ChannelMethodDefinition(
                    ChannelOperation.SUB_REFRESH,
                    "chat:room:{roomId}",
                    ChatHandlers.class,
                    "refresh",
                    List.of(long.class),
                    List.of(
                            ChannelParameter.variable("roomId", long.class)),
                    false,
                    false,
                    new ChannelInvokers(8)),
            new ChannelMethodDefinition(
                    ChannelOperation.SUB_REFRESH,
                    "terminal:session:{sessionId}",
                    ChatHandlers.class,
                    "refreshSession",
                    List.of(ChannelContext.class),
                    List.of(
                            ChannelParameter.context(ChannelContext.class)),
                    true,
                    false,
                    new ChannelInvokers(9)));

    public ChatHandlers_CentrifugoHandlers() {
    }

    @Override
    public Class<?> handlerType() {
        return ChatHandlers.class;
    }

    @Override
    public List<RpcMethodDefinition> methods() {
        return METHODS;
    }

    @Override
    public List<ChannelMethodDefinition> channelMethods() {
        return CHANNEL_METHODS;
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
        public Object invoke(Object handler, RpcContext context, Object params) throws Exception {
            switch (this.method) {
                case 0:
                    return ((ChatHandlers) handler).history(context);
                default:
                    throw new IllegalStateException("No RPC method " + this.method);
            }
        }
    }

    /**
     * Calls the channel method of the given number.
     */
    private static final class ChannelInvokers implements ChannelInvoker {
        private final int method;

        ChannelInvokers(int method) {
            this.method = method;
        }

        @Override
        @SuppressWarnings("unchecked")
        public Object invoke(Object handler, Object[] arguments) throws Exception {
            switch (this.method) {
                case 0:
                    return ((ChatHandlers) handler).join((ChannelContext) arguments[0], (long) (Long) arguments[1]);
                case 1:
                    return ((ChatHandlers) handler).openInbox((ChannelContext) arguments[0], (String) arguments[1]);
                case 2:
                    ((ChatHandlers) handler).follow((RoomKind) arguments[0]);
                    return null;
                case 3:
                    return ((ChatHandlers) handler).watch((UUID) arguments[0], (ChannelContext) arguments[1]);
                case 4:
                    return ((ChatHandlers) handler).audit((RoomKind) arguments[0], (String) arguments[1]);
                case 5:
                    return ((ChatHandlers) handler).chatter((ChatMessage) arguments[0]);
                case 6:
                    return ((ChatHandlers) handler).post((ChannelContext) arguments[0], (long) (Long) arguments[1], (ChatMessage) arguments[2]);
                case 7:
                    return ((ChatHandlers) handler).tag((RoomKind) arguments[0], (List<String>) arguments[1]);
                case 8:
                    return ((ChatHandlers) handler).refresh((long) (Long) arguments[0]);
                case 9:
                    return ((ChatHandlers) handler).refreshSession((ChannelContext) arguments[0]);
                default:
                    throw new IllegalStateException("No channel method " + this.method);
            }
        }
    }
}
