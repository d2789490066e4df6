package dev.centrifugo4j.rpc;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean method as the handler of a Centrifugo RPC method. Clients call it with
 * {@code centrifuge.rpc("system.ping", {...})}; Centrifugo's RPC proxy forwards the call to the
 * application, which dispatches it here.
 *
 * <pre>{@code
 * @WebSocketRpc("system.ping")
 * PingResult ping(RpcContext conn, @Valid PingParams params) {
 *     return new PingResult("Pong: " + params.message());
 * }
 * }</pre>
 *
 * <p>Supported signatures: any of {@code ()}, {@code (RpcContext)}, {@code (P)}, {@code (RpcContext,
 * P)} or {@code (P, RpcContext)}, where {@code P} is any type Jackson can bind the call's {@code
 * data} to (usually a record); {@code @Valid} or a constraint annotation on {@code P} makes the
 * parameters go through Jakarta validation first. The method returns the reply's data (any
 * Jackson-serializable value, or {@code void}) or a {@link java.util.concurrent.CompletionStage} of
 * it for asynchronous work. It may throw {@link RpcException} or {@link DisconnectException}.
 *
 * <p>The methods are found at compile time by the annotation processor shipped in {@code
 * centrifugo-core}, which generates a direct invoker for each of them.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface WebSocketRpc {

    /**
     * The RPC method name the clients call, for example {@code "system.ping"}, or {@code
     * "admin:users.ban"} for a method in Centrifugo's RPC namespace {@code admin}.
     */
    String value();
}
