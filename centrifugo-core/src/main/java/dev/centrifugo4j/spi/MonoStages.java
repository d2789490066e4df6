package dev.centrifugo4j.spi;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

/**
 * Turns the {@link Mono} a handler returns into the stage the dispatcher waits for, as the generated
 * invoker does: {@code return MonoStages.toStage(((Handlers) handler).find(params));}.
 *
 * <ul>
 *   <li>the Mono is subscribed to once, when the call is made (not when it is built);
 *   <li>its value is the result; an empty Mono is {@code null}, like a {@code void} method's result
 *       (for an RPC a reply without data; a channel handler that returns {@code Mono<Void>} allows);
 *   <li>its error is the handler's failure, answered like a thrown one ({@code RpcException} keeps
 *       its code);
 *   <li>cancelling the stage (the call timed out, the client went away) cancels the subscription.
 * </ul>
 *
 * <p>Needs {@code reactor-core}, an optional dependency of {@code centrifugo-core}. Not for
 * application code.
 */
public final class MonoStages {

    private MonoStages() {}

    /**
     * Subscribes to a handler's Mono.
     *
     * @param mono what the handler returned
     * @return a stage that completes with its value, {@code null} when it is empty
     * @throws IllegalStateException when the handler returned {@code null} instead of a Mono
     */
    public static CompletableFuture<@Nullable Object> toStage(@Nullable Mono<?> mono) {
        if (mono == null) {
            throw new IllegalStateException(
                    "The handler returned null instead of a Mono (return Mono.empty() for no result)");
        }
        @SuppressWarnings("unchecked")
        CompletableFuture<@Nullable Object> stage = (CompletableFuture<@Nullable Object>) mono.toFuture();
        return stage;
    }
}
