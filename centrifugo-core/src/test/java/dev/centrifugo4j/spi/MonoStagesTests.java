package dev.centrifugo4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.centrifugo4j.rpc.RpcException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

class MonoStagesTests {

    @Test
    void completesWithTheMonosValue() throws Exception {
        assertThat(MonoStages.toStage(Mono.just("hello"))).isCompletedWithValue("hello");
        CompletableFuture<Object> later =
                MonoStages.toStage(Mono.delay(Duration.ofMillis(20)).map(tick -> "later"));
        assertThat(later.get(5, TimeUnit.SECONDS)).isEqualTo("later");
    }

    @Test
    void completesWithNullForAnEmptyMono() {
        assertThat(MonoStages.toStage(Mono.empty())).isCompletedWithValue(null);
    }

    @Test
    void failsWithTheMonosError() {
        RpcException refused = new RpcException(1403, "not yours");
        assertThatThrownBy(() -> MonoStages.toStage(Mono.error(refused)).get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseReference(refused);
    }

    @Test
    void subscribesOnceWhenTheCallIsMade() {
        AtomicInteger subscriptions = new AtomicInteger();
        Mono<String> mono = Mono.fromSupplier(() -> "x").doOnSubscribe(subscription -> subscriptions.incrementAndGet());
        assertThat(subscriptions).hasValue(0);
        MonoStages.toStage(mono);
        assertThat(subscriptions).hasValue(1);
    }

    @Test
    void cancellingTheStageCancelsTheSubscription() {
        AtomicBoolean cancelled = new AtomicBoolean();
        CompletableFuture<Object> stage = MonoStages.toStage(Mono.never().doOnCancel(() -> cancelled.set(true)));
        assertThat(stage).isNotDone();
        stage.cancel(true);
        assertThat(cancelled).isTrue();
    }

    @Test
    void refusesNullWithAClearMessage() {
        assertThatIllegalStateException()
                .isThrownBy(() -> MonoStages.toStage(null))
                .withMessageContaining("returned null instead of a Mono");
    }
}
