package dev.centrifugo4j.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.centrifugo4j.rpc.RpcException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import kotlin.Result;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlinx.coroutines.DelayKt;
import kotlinx.coroutines.Job;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * {@link CoroutineCall} as the generated invoker uses it, against what a suspend function does in
 * the class file: return its value, or {@code COROUTINE_SUSPENDED} and resume the continuation later.
 * The suspension is kotlinx.coroutines' own {@code delay}, so cancellation goes through the real
 * machinery.
 */
class CoroutineCallTests {

    /**
     * What Kotlin compiles {@code suspend fun pause(millis: Long): String { delay(millis); return
     * "woke" }} to, written out: a state machine whose inner continuation resumes the caller's.
     */
    static Object pause(long millis, Continuation<Object> completion, AtomicReference<Object> delayOutcome) {
        Continuation<Unit> afterDelay = new Continuation<>() {
            @Override
            public CoroutineContext getContext() {
                return completion.getContext();
            }

            @Override
            public void resumeWith(Object result) {
                delayOutcome.set(result);
                completion.resumeWith((result instanceof Result.Failure) ? result : "woke");
            }
        };
        Object delayed = DelayKt.delay(millis, afterDelay);
        if (delayed == IntrinsicsKt.getCOROUTINE_SUSPENDED()) {
            return delayed;
        }
        return "woke";
    }

    @Nested
    class AFunctionThatReturnsWithoutSuspending {

        @Test
        void completesTheCallWithItsValueAtOnce() {
            CoroutineCall call = new CoroutineCall();
            assertThat(call.started("done")).isSameAs(call);
            assertThat(call).isCompletedWithValue("done");
            assertThat(((Job) call.getContext()).isCompleted()).isTrue();
        }

        @Test
        void completesWithNullForUnit() {
            assertThat(new CoroutineCall().started(Unit.INSTANCE)).isCompletedWithValue(null);
        }
    }

    @Nested
    class AFunctionThatSuspends {

        @Test
        void completesTheCallWhenItResumesWithItsValue() throws Exception {
            CoroutineCall call = new CoroutineCall();
            AtomicReference<Object> delayOutcome = new AtomicReference<>();
            call.started(pause(50, call, delayOutcome));
            assertThat(call).isNotDone();
            assertThat(call.get(5, TimeUnit.SECONDS)).isEqualTo("woke");
        }

        @Test
        void failsTheCallWithWhatItThrew() {
            CoroutineCall call = new CoroutineCall();
            call.started(IntrinsicsKt.getCOROUTINE_SUSPENDED());
            RpcException refused = new RpcException(1403, "not yours");
            CompletableFuture.runAsync(() -> call.resumeWith(new Result.Failure(refused)));
            assertThatThrownBy(() -> call.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseReference(refused);
            assertThat(((Job) call.getContext()).isCancelled())
                    .as("the job fails with it")
                    .isTrue();
        }
    }

    @Nested
    class Cancellation {

        @Test
        void cancellingTheCallCancelsTheCoroutineAtItsSuspensionPoint() throws Exception {
            CoroutineCall call = new CoroutineCall();
            AtomicReference<Object> delayOutcome = new AtomicReference<>();
            call.started(pause(Duration.ofMinutes(5).toMillis(), call, delayOutcome));
            assertThat(call).isNotDone();

            assertThat(call.cancel(true)).isTrue();

            assertThat(call).isCancelled();
            assertThat(((Job) call.getContext()).isCancelled()).isTrue();
            // The delay was resumed at once with the job's cancellation, not after five minutes.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (delayOutcome.get() == null && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(delayOutcome.get()).isInstanceOf(Result.Failure.class);
            assertThat(((Result.Failure) delayOutcome.get()).exception).isInstanceOf(CancellationException.class);
        }

        @Test
        void aResultAfterTheCancellationIsIgnored() {
            CoroutineCall call = new CoroutineCall();
            call.started(IntrinsicsKt.getCOROUTINE_SUSPENDED());
            call.cancel(false);
            call.resumeWith("late");
            assertThat(call).isCancelled();
        }
    }
}
