package dev.centrifugo4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class BlockingHandlerExecutorTests {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private final ExecutorService executor = Executors.newSingleThreadExecutor((task) -> new Thread(task, "blocking"));

    private final AtomicReference<String> handlerThread = new AtomicReference<>();

    @AfterEach
    void stopExecutor() {
        this.executor.shutdownNow();
    }

    private RpcDispatcher dispatcher(DispatchSettings settings, RpcMethodDefinition definition) {
        return RpcDispatcher.builder(settings)
                .register(definition, new Object())
                .build();
    }

    private static DispatchSettings.Builder settings() {
        return DispatchSettings.builder(mapper);
    }

    private RpcMethodDefinition method(String name, boolean async, Body body) {
        return new RpcMethodDefinition(
                name, Object.class, name, List.of(), null, false, false, async, (handler, context, params) -> {
                    this.handlerThread.set(Thread.currentThread().getName());
                    return body.call();
                });
    }

    @FunctionalInterface
    interface Body {
        Object call() throws Exception;
    }

    private static ProxyOutcome dispatch(RpcDispatcher dispatcher, String method) {
        String call = "{\"client\":\"c1\",\"user\":\"42\",\"method\":\"" + method + "\"}";
        return dispatcher.dispatch(
                new ProxyInput(ProxyType.RPC, call.getBytes(StandardCharsets.UTF_8), Map.of(), null));
    }

    private static String reply(ProxyOutcome outcome) {
        return new String(
                outcome.completion()
                        .toCompletableFuture()
                        .orTimeout(5, TimeUnit.SECONDS)
                        .join()
                        .reply(),
                StandardCharsets.UTF_8);
    }

    @Test
    void runsASynchronousHandlerOnTheExecutorAndAnswersWhenItReturns() {
        RpcDispatcher dispatcher = dispatcher(
                settings().blockingHandlerExecutor(this.executor).build(), method("blocks", false, () -> "done"));
        ProxyOutcome outcome = dispatch(dispatcher, "blocks");
        assertThat(outcome).isInstanceOf(ProxyOutcome.Pending.class);
        assertThat(reply(outcome)).isEqualTo("{\"result\":{\"data\":\"done\"}}");
        assertThat(this.handlerThread.get()).isEqualTo("blocking");
    }

    @Test
    void withoutAnExecutorASynchronousHandlerRunsOnTheCallersThread() {
        RpcDispatcher dispatcher = dispatcher(settings().build(), method("blocks", false, () -> "done"));
        ProxyOutcome outcome = dispatch(dispatcher, "blocks");
        assertThat(outcome).isInstanceOf(ProxyOutcome.Complete.class);
        assertThat(this.handlerThread.get()).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void invokesAnAsynchronousHandlerOnTheCallersThread() {
        CompletableFuture<Object> later = new CompletableFuture<>();
        RpcDispatcher dispatcher = dispatcher(
                settings().blockingHandlerExecutor(this.executor).build(), method("later", true, () -> later));
        ProxyOutcome outcome = dispatch(dispatcher, "later");
        assertThat(this.handlerThread.get()).isEqualTo(Thread.currentThread().getName());
        later.complete("done");
        assertThat(reply(outcome)).isEqualTo("{\"result\":{\"data\":\"done\"}}");
    }

    @Test
    void answersTheExceptionOfAHandlerOnTheExecutorAsItsError() {
        RpcDispatcher dispatcher =
                dispatcher(settings().blockingHandlerExecutor(this.executor).build(), method("fails", false, () -> {
                    throw new dev.centrifugo4j.rpc.RpcException(1404, "no such room");
                }));
        assertThat(reply(dispatch(dispatcher, "fails")))
                .isEqualTo("{\"error\":{\"code\":1404,\"message\":\"no such room\"}}");
    }

    @Test
    void answersATaskTheExecutorRefusesWithTooManyCallsAndGivesThePermitBack() {
        DispatchSettings settings = settings()
                .concurrencyLimits(ConcurrencyLimits.each(1))
                .blockingHandlerExecutor((task) -> {
                    throw new RejectedExecutionException("full");
                })
                .build();
        RpcDispatcher dispatcher = dispatcher(settings, method("blocks", false, () -> "done"));
        ProxyOutcome outcome = dispatch(dispatcher, "blocks");
        assertThat(outcome).isInstanceOf(ProxyOutcome.Complete.class);
        assertThat(reply(outcome))
                .isEqualTo("{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\",\"temporary\":true}}");
        assertThat(this.handlerThread.get()).isNull();
        assertThat(dispatcher.bulkheads())
                .singleElement()
                .satisfies((bulkhead) -> assertThat(bulkhead.active()).isZero());
    }

    @Test
    void aHandlerThatReturnsAfterTheCallWasAnsweredKeepsItsPermitUntilThenAndItsResultIsDiscarded()
            throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        DispatchSettings settings = settings()
                .concurrencyLimits(ConcurrencyLimits.each(1))
                .timeout(Duration.ofSeconds(4))
                .blockingHandlerExecutor(this.executor)
                .build();
        RpcDispatcher dispatcher = dispatcher(settings, method("slow", false, () -> {
            release.await();
            return "late";
        }));
        ProxyOutcome.Pending pending = (ProxyOutcome.Pending) dispatch(dispatcher, "slow");
        // The caller times the call out, as an endpoint does.
        pending.completion()
                .toCompletableFuture()
                .complete(pending.answeredWith(new byte[0], HandlerFailures.timeout(), null));
        Bulkhead bulkhead = dispatcher.bulkheads().get(0);
        assertThat(bulkhead.active()).isOne();
        release.countDown();
        this.executor.shutdown();
        assertThat(this.executor.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
        assertThat(bulkhead.active()).isZero();
        assertThat(pending.completion().toCompletableFuture().join().reply()).isEmpty();
    }
}
