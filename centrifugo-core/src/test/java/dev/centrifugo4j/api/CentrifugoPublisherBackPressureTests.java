package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Asynchronous calls without auto-batching are bounded: against a Centrifugo that does not answer
 * yet, calls beyond max-concurrent-requests + max-queued-requests fail at once.
 */
class CentrifugoPublisherBackPressureTests {

    /** Holds every answer until released: a Centrifugo slower than the application. */
    private final CountDownLatch release = new CountDownLatch(1);

    private final AtomicInteger arrived = new AtomicInteger();

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private HttpServer slowServer;

    @BeforeEach
    void start() throws IOException {
        this.slowServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.slowServer.setExecutor(this.threads);
        this.slowServer.createContext("/", this::answerWhenReleased);
        this.slowServer.start();
    }

    @AfterEach
    void stop() {
        this.release.countDown();
        this.slowServer.stop(0);
        this.threads.shutdownNow();
    }

    private void answerWhenReleased(HttpExchange exchange) throws IOException {
        exchange.getRequestBody().readAllBytes();
        this.arrived.incrementAndGet();
        try {
            this.release.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
        byte[] body = "{\"result\":{}}".getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    private CentrifugoPublisher publisher(int maxConcurrent, int maxQueued) {
        return CentrifugoPublisher.builder()
                .apiUrl("http://127.0.0.1:" + this.slowServer.getAddress().getPort() + "/api")
                .apiKey("the-key")
                .requestTimeout(Duration.ofSeconds(30))
                .maxConcurrentRequests(maxConcurrent)
                .maxQueuedRequests(maxQueued)
                .build();
    }

    private void awaitArrived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (this.arrived.get() < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(this.arrived).hasValue(count);
    }

    @Test
    void publishAsyncFailsFastOnceConcurrentAndQueuedCallsAreUsedUp() throws Exception {
        try (CentrifugoPublisher publisher = publisher(2, 3)) {
            List<CompletableFuture<PublishResult>> held = IntStream.range(0, 5)
                    .mapToObj(i -> publisher.publishAsync("chat:1", i))
                    .toList();
            awaitArrived(2); // two on the way, three waiting
            assertThat(publisher.asyncRequestsInFlight()).isEqualTo(5);

            CompletableFuture<PublishResult> refused = publisher.publishAsync("chat:1", "one too many");

            assertThat(refused)
                    .isCompletedExceptionally()
                    .failsWithin(Duration.ZERO)
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .havingCause()
                    .isInstanceOf(CentrifugoBackPressureException.class)
                    .withMessageContaining("5 asynchronous calls are already on their way or waiting")
                    .satisfies(ex ->
                            assertThat(((CentrifugoException) ex).isRetryable()).isTrue());
            assertThat(held).noneMatch(CompletableFuture::isDone);
            // Every other asynchronous method is bounded by the same limit.
            assertThat(publisher.presenceStatsAsync("chat:1")).isCompletedExceptionally();
            assertThat(publisher.asyncRequestsInFlight()).isEqualTo(5);

            this.release.countDown();
            CompletableFuture.allOf(held.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(this.arrived).hasValue(5);
            // The slots are given back as calls complete.
            assertThat(publisher.publishAsync("chat:1", "later").get(10, TimeUnit.SECONDS))
                    .isNotNull();
            assertThat(publisher.asyncRequestsInFlight()).isZero();
        }
    }

    @Test
    void tellsItsLimitsAndWhetherItAutoBatches() {
        try (CentrifugoPublisher plain = publisher(2, 3);
                CentrifugoPublisher batching = CentrifugoPublisher.builder()
                        .apiUrl("http://127.0.0.1:9/api")
                        .autoBatching(AutoBatching.defaults().withQueueCapacity(500))
                        .build()) {
            assertThat(plain.maxConcurrentRequests()).isEqualTo(2);
            assertThat(plain.maxQueuedRequests()).isEqualTo(3);
            assertThat(plain.asyncRequestsInFlight()).isZero();
            assertThat(plain.autoBatching()).isNull();
            assertThat(batching.autoBatching())
                    .isEqualTo(AutoBatching.defaults().withQueueCapacity(500));
            assertThat(batching.maxConcurrentRequests()).isEqualTo(64);
            assertThat(batching.maxQueuedRequests()).isEqualTo(10_000);
        }
    }

    @Test
    void synchronousCallsAreNotCountedAgainstTheAsynchronousLimit() throws Exception {
        try (CentrifugoPublisher publisher = publisher(1, 0)) {
            CompletableFuture<PublishResult> held = publisher.publishAsync("chat:1", "held");
            awaitArrived(1);

            CompletableFuture<PublishResult> waiting =
                    CompletableFuture.supplyAsync(() -> publisher.publish("chat:1", "synchronous"), this.threads);
            awaitArrived(2);
            this.release.countDown();

            assertThat(waiting.get(10, TimeUnit.SECONDS)).isNotNull();
            assertThat(held.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void aNegativeQueueIsRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> CentrifugoPublisher.builder().maxQueuedRequests(-1))
                .withMessage("'maxQueuedRequests' must not be negative");
    }
}
