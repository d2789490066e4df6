package dev.centrifugo4j.examples.quickstart;

import dev.centrifugo4j.rpc.DisconnectException;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** Handlers that fail on purpose, so the tests can see each failure reach a real client. */
class ErrorDemoHandlers {

    @WebSocketRpc("demo.reject")
    void reject() {
        throw new RpcException(1001, "insufficient funds", true);
    }

    @WebSocketRpc("demo.kick")
    void kick(RpcContext context) {
        throw new DisconnectException(4501, "kicked " + context.user());
    }

    @WebSocketRpc("demo.crash")
    String crash() {
        throw new IllegalStateException("database password is hunter2");
    }

    @WebSocketRpc("demo.async.reject")
    CompletionStage<String> rejectLater() {
        return CompletableFuture.failedFuture(new RpcException(1002, "not yet"));
    }
}
