package com.example.rpc;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

class SystemHandlers {

    int resets;

    @WebSocketRpc("system.ping")
    PingResult ping(RpcContext context, @Valid PingParams params) {
        return new PingResult("Pong: " + params.message() + " from " + context.user());
    }

    @WebSocketRpc("system.echo")
    PingResult echo(@Valid PingParams params, RpcContext context) {
        return new PingResult(params.message() + " via " + context.transport());
    }

    @WebSocketRpc("system.whoami")
    String whoami(RpcContext context) {
        return context.user();
    }

    @WebSocketRpc("system.time")
    long time() {
        return 42L;
    }

    @WebSocketRpc("system.reset")
    void reset() {
        this.resets++;
    }

    @WebSocketRpc("system.slow")
    CompletionStage<String> slow(Item item) {
        return CompletableFuture.completedFuture("slow " + item.name());
    }

    @WebSocketRpc("items:count")
    int count(List<Item> items) {
        return items.size();
    }

    @WebSocketRpc("system.greet")
    String greet(@Nullable Item item) {
        return (item != null) ? "Hello, " + item.name() : "Hello, stranger";
    }
}
