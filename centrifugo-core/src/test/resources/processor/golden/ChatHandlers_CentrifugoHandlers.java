package com.example.channel;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.ChannelParameter;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import dev.centrifugo4j.spi.TypeRef;
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
                    (handler, context, params) -> ((ChatHandlers) handler).history(context)));

    @SuppressWarnings("unchecked")
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
                    (handler, arguments) -> ((ChatHandlers) handler).join((ChannelContext) arguments[0], (long) (Long) arguments[1])),
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
                    (handler, arguments) -> ((ChatHandlers) handler).openInbox((ChannelContext) arguments[0], (String) arguments[1])),
            new ChannelMethodDefinition(
                    ChannelOperation.SUBSCRIBE,
                    "news:{kind}",
                    ChatHandlers.class,
                    "follow",
                    List.of(RoomKind.class),
                    List.of(
                            ChannelParameter.variable("kind", RoomKind.class)),
                    false,
                    (handler, arguments) -> {
                        ((ChatHandlers) handler).follow((RoomKind) arguments[0]);
                        return null;
                    }),
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
                    (handler, arguments) -> ((ChatHandlers) handler).watch((UUID) arguments[0], (ChannelContext) arguments[1])),
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
                    (handler, arguments) -> ((ChatHandlers) handler).audit((RoomKind) arguments[0], (String) arguments[1])),
            new ChannelMethodDefinition(
                    ChannelOperation.PUBLISH,
                    "chat:lobby",
                    ChatHandlers.class,
                    "chatter",
                    List.of(ChatMessage.class),
                    List.of(
                            ChannelParameter.payload(ChatMessage.class, true, true)),
                    false,
                    (handler, arguments) -> ((ChatHandlers) handler).chatter((ChatMessage) arguments[0])),
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
                    (handler, arguments) -> ((ChatHandlers) handler).post((ChannelContext) arguments[0], (long) (Long) arguments[1], (ChatMessage) arguments[2])),
            new ChannelMethodDefinition(
                    ChannelOperation.PUBLISH,
                    "feed:{kind}:{topic}",
                    ChatHandlers.class,
                    "tag",
                    List.of(RoomKind.class, List.class),
                    List.of(
                            ChannelParameter.variable("kind", RoomKind.class),
                            ChannelParameter.payload(new TypeRef<List<String>>() {}.type(), false, false)),
                    true,
                    (handler, arguments) -> ((ChatHandlers) handler).tag((RoomKind) arguments[0], (List<String>) arguments[1])),
            new ChannelMethodDefinition(
                    ChannelOperation.SUB_REFRESH,
                    "chat:room:{roomId}",
                    ChatHandlers.class,
                    "refresh",
                    List.of(long.class),
                    List.of(
                            ChannelParameter.variable("roomId", long.class)),
                    false,
                    (handler, arguments) -> ((ChatHandlers) handler).refresh((long) (Long) arguments[0])),
            new ChannelMethodDefinition(
                    ChannelOperation.SUB_REFRESH,
                    "terminal:session:{sessionId}",
                    ChatHandlers.class,
                    "refreshSession",
                    List.of(ChannelContext.class),
                    List.of(
                            ChannelParameter.context(ChannelContext.class)),
                    true,
                    (handler, arguments) -> ((ChatHandlers) handler).refreshSession((ChannelContext) arguments[0])));

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
}
