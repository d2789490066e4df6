package dev.centrifugo4j.examples.quickstart;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

@Component
class SystemHandlers {

    /** Echo a message back to the client. */
    @WebSocketRpc("system.ping")
    PingResult ping(RpcContext conn, @Valid PingParams params) {
        return new PingResult("Pong: " + params.message());
    }

    /** Echo a message back after a short pause, without holding a request thread meanwhile. */
    @WebSocketRpc("system.ping.later")
    CompletionStage<PingResult> pingLater(@Valid PingParams params, RpcContext conn) {
        return CompletableFuture.supplyAsync(
                () -> new PingResult("Pong later: " + params.message() + " (to " + conn.user() + ")"),
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS));
    }
}
