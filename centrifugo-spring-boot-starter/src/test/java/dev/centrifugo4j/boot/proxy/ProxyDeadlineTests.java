package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.dispatch.Bulkhead;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The proxy timeout over real HTTP: an asynchronous handler past it is answered with error 504 and
 * its stage cancelled, which gives its places in the bulkheads back; a synchronous one that returns
 * past it has its result discarded (504) and is reported naming it.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(
        classes = ProxyDeadlineTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.secret=" + ProxyDeadlineTests.SECRET,
            "centrifugo.proxy.timeout=300ms",
            "centrifugo.proxy.concurrency.max-calls-per-handler=1",
            "centrifugo.proxy.concurrency.max-calls=2"
        })
class ProxyDeadlineTests {

    static final String SECRET = "deadline-proxy-secret-0123456789abcdef";

    private static final String TIMED_OUT =
            "{\"error\":{\"code\":504,\"message\":\"handler timed out\",\"temporary\":true}}";

    @LocalServerPort
    private int port;

    @Autowired
    private DeadlineHandlers handlers;

    @Autowired
    private RpcDispatcher dispatcher;

    private HttpResponse<String> call(String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/centrifugo/rpc"))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                                + "\"user\":\"42\",\"method\":\"" + method + "\",\"data\":{}}"))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    private Bulkhead bulkhead(String method) {
        return this.dispatcher.bulkheads().stream()
                .filter((bulkhead) -> method.equals(bulkhead.handler()))
                .findFirst()
                .orElseThrow();
    }

    /** Waits for a state that the server reaches on another thread; the bound only ends a failing test. */
    private static void awaitState(BooleanSupplier state) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!state.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void anAsynchronousHandlerPastTheTimeoutIsAnswered504AndItsStageCancelled() throws Exception {
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> response = call("deadline.never");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(TIMED_OUT);
            CompletableFuture<String> work = this.handlers.started.poll(10, TimeUnit.SECONDS);
            assertThat(work).isNotNull();
            awaitState(work::isCancelled);
            assertThat(work).isCancelled();
            awaitState(() -> bulkhead("deadline.never").active() == 0);
            // With a limit of one call, a stage still running would have refused this one with 429.
            assertThat(bulkhead("deadline.never").active()).isZero();
        }
        assertThat(bulkhead("deadline.never").rejected()).isZero();
    }

    @Test
    void aSynchronousHandlerThatReturnsPastTheTimeoutIsAnswered504AndNamedInAWarning(CapturedOutput output)
            throws Exception {
        HttpResponse<String> response = call("deadline.slow");

        assertThat(response.body()).isEqualTo(TIMED_OUT);
        assertThat(this.handlers.slowReturned).hasValue(1);
        assertThat(output.getOut())
                .contains("RPC 'deadline.slow' returned after")
                .contains("past the proxy timeout of 300 ms: its result was discarded")
                .contains("proxy=rpc method=deadline.slow", "code=504");
        assertThat(bulkhead("deadline.slow").active()).isZero();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        DeadlineHandlers deadlineHandlers() {
            return new DeadlineHandlers();
        }
    }

    static class DeadlineHandlers {

        final BlockingQueue<CompletableFuture<String>> started = new LinkedBlockingQueue<>();

        final java.util.concurrent.atomic.AtomicInteger slowReturned = new java.util.concurrent.atomic.AtomicInteger();

        @WebSocketRpc("deadline.never")
        CompletionStage<String> never() {
            CompletableFuture<String> work = new CompletableFuture<>();
            this.started.add(work);
            return work;
        }

        @WebSocketRpc("deadline.slow")
        String slow() throws InterruptedException {
            // Longer than the 300 ms timeout whatever the machine's load: a sleep lasts at least this long.
            Thread.sleep(400);
            this.slowReturned.incrementAndGet();
            return "too late";
        }
    }
}
