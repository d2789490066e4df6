package com.example.kt;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import reactor.core.publisher.Mono;

/**
 * What kapt stubs for a Kotlin handler class: a suspend fun takes a Continuation last and returns
 * Object. The bodies stand in for the coroutines Kotlin would compile: they return their result
 * without suspending.
 */
@kotlin.Metadata(k = 1, mv = {2, 2, 0})
public class GreetingHandlers {

    @WebSocketRpc("greet")
    @org.jetbrains.annotations.Nullable
    public java.lang.Object greet(
            @Valid @org.jetbrains.annotations.NotNull Greeting params,
            @org.jetbrains.annotations.NotNull kotlin.coroutines.Continuation<? super Reply> $completion) {
        return new Reply("Hello, " + params.getName(), params.getNickname());
    }

    @WebSocketRpc("forget")
    @org.jetbrains.annotations.Nullable
    public java.lang.Object forget(
            @org.jetbrains.annotations.NotNull RpcContext context,
            @org.jetbrains.annotations.NotNull kotlin.coroutines.Continuation<? super kotlin.Unit> $completion) {
        return kotlin.Unit.INSTANCE;
    }

    @WebSocketRpc("find")
    @org.jetbrains.annotations.NotNull
    public Mono<Reply> find(@org.jetbrains.annotations.Nullable Greeting params) {
        return (params == null) ? Mono.empty() : Mono.just(new Reply("Found " + params.getName(), null));
    }

    @OnSubscribe("rooms:{room}")
    @org.jetbrains.annotations.Nullable
    public java.lang.Object join(
            @org.jetbrains.annotations.NotNull ChannelContext context,
            @ChannelVariable @org.jetbrains.annotations.NotNull java.lang.String room,
            @org.jetbrains.annotations.NotNull kotlin.coroutines.Continuation<? super SubscribeResult> $completion) {
        return room.equals("staff") ? SubscribeResult.deny() : SubscribeResult.allow();
    }

    @OnSubscribe("lobby:{id}")
    public Mono<Void> lobby(@ChannelVariable String id) {
        return Mono.empty();
    }
}
