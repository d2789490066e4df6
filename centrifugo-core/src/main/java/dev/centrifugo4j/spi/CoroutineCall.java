package dev.centrifugo4j.spi;

import java.util.concurrent.CompletableFuture;
import kotlin.Result;
import kotlin.Unit;
import kotlin.coroutines.Continuation;
import kotlin.coroutines.CoroutineContext;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlinx.coroutines.CompletableJob;
import kotlinx.coroutines.JobKt;
import org.jspecify.annotations.Nullable;

/**
 * One call of a Kotlin {@code suspend fun} handler: the {@link Continuation} the generated invoker
 * passes as the method's last argument, and the {@link CompletableFuture} of its result that the
 * dispatcher waits for like any asynchronous handler's stage.
 *
 * <p>A suspend function compiles to a method that takes a {@code Continuation} last and returns
 * {@code Object}: its result when it finishes without suspending, or {@code COROUTINE_SUSPENDED}, in
 * which case it resumes the continuation later with its result or failure. The generated invoker
 * does, with no reflection:
 *
 * <pre>{@code
 * CoroutineCall call = new CoroutineCall();
 * return call.started(((GreetingHandlers) handler).greet((Greeting) params, call));
 * }</pre>
 *
 * <p>The coroutine runs in a context that holds a {@link kotlinx.coroutines.Job} of its own and no
 * dispatcher: it starts on the proxy's thread and goes on wherever what it waits for resumes it
 * ({@code withContext(Dispatchers.IO)} moves it, as anywhere). Cancelling the future (the call timed
 * out, the client went away) cancels the job, and so the coroutine at its next suspension point. A
 * Kotlin {@code Unit} result is {@code null}, like a Java {@code void} method's.
 *
 * <p>Needs {@code kotlin-stdlib} and {@code kotlinx-coroutines-core}, optional dependencies of
 * {@code centrifugo-core} that a Kotlin application has. Not for application code.
 */
public final class CoroutineCall extends CompletableFuture<@Nullable Object> implements Continuation<Object> {

    private static final Object SUSPENDED = IntrinsicsKt.getCOROUTINE_SUSPENDED();

    private final CompletableJob job = JobKt.Job(null);

    /** A call whose coroutine is not started yet: pass it as the suspend method's continuation. */
    public CoroutineCall() {}

    /**
     * Settles what the suspend method returned to its direct caller.
     *
     * @param returned the method's result when it did not suspend, or {@code COROUTINE_SUSPENDED}
     * @return this call, which completes with the result
     */
    public CoroutineCall started(@Nullable Object returned) {
        if (returned != SUSPENDED) {
            succeed(returned);
        }
        return this;
    }

    @Override
    public CoroutineContext getContext() {
        return this.job;
    }

    /**
     * Called by the coroutine when it finishes after it suspended: {@code result} is its value, or a
     * {@code kotlin.Result.Failure} that holds what it threw.
     */
    @Override
    public void resumeWith(Object result) {
        if (result instanceof Result.Failure failure) {
            fail(failure.exception);
        } else {
            succeed(result);
        }
    }

    /** Cancels the coroutine too: it ends with a {@code CancellationException} at its next suspension point. */
    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
        boolean cancelled = super.cancel(mayInterruptIfRunning);
        this.job.cancel(null);
        return cancelled;
    }

    /** The job first: whoever the future's completion wakes sees a finished job. */
    private void succeed(@Nullable Object value) {
        this.job.complete();
        complete((value == Unit.INSTANCE) ? null : value);
    }

    private void fail(Throwable failure) {
        this.job.completeExceptionally(failure);
        completeExceptionally(failure);
    }
}
