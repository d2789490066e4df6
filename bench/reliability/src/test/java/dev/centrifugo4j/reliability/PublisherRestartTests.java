package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.api.AutoBatching;
import dev.centrifugo4j.api.CentrifugoApiObserver;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.HistoryRequest;
import dev.centrifugo4j.api.HistoryResult;
import dev.centrifugo4j.api.PublishRequest;
import dev.centrifugo4j.api.RetryPolicy;
import dev.centrifugo4j.api.StreamPosition;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.RedisServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Exactly-once publication across a crash: while 10,000 publications with idempotency keys go out
 * through {@link CentrifugoPublisher}, the Centrifugo process (Redis engine) is killed with SIGKILL
 * and started again on the same port. The publisher retries what failed (connection refused or cut,
 * answers lost with the process) with backoff; Redis keeps the history and the results of the
 * publications it already took, so a retried publication that had arrived before the crash is not
 * stored twice. Afterwards the channel's history holds every payload id exactly once. Once with one
 * request per publication, once with auto-batching.
 */
class PublisherRestartTests {

    private static final int PUBLICATIONS = 10_000;

    private static final int IN_FLIGHT = 32;

    private static final int KILL_AFTER = 3_000;

    private static final Duration DOWNTIME = Duration.ofSeconds(1);

    private static final String CHANNEL = "faults:stream";

    @BeforeAll
    static void requireRedis() {
        RequiredTool.require(
                RedisServer.findBinary(),
                PublisherRestartTests.class.getSimpleName(),
                RedisServer.missingBinaryMessage());
    }

    @ParameterizedTest(name = "auto-batching: {0}")
    @ValueSource(booleans = {false, true})
    @Timeout(value = 80, unit = TimeUnit.SECONDS)
    void aKilledAndRestartedCentrifugoStoresEveryIdempotentPublicationExactlyOnce(boolean autoBatching)
            throws Exception {
        try (RedisServer redis = RedisServer.start();
                CentrifugoServer centrifugo = CentrifugoServer.builder()
                        .redisEngine(redis.address())
                        .channelNamespace(
                                "faults",
                                ns -> ns.put("history_size", PUBLICATIONS + 1000)
                                        .put("history_ttl", "600s"))
                        .config(json -> json.withObject("/log").put("level", "info"))
                        .start()) {
            AtomicLong retriedCalls = new AtomicLong();
            AtomicLong retries = new AtomicLong();
            AtomicLong failedCalls = new AtomicLong();
            CentrifugoApiObserver counting = call -> () -> {
                if (call.retries() > 0) {
                    retriedCalls.incrementAndGet();
                    retries.addAndGet(call.retries());
                }
                if (!call.succeeded()) {
                    failedCalls.incrementAndGet();
                }
            };
            // Enough attempts to outlast a restart: pauses of 25 ms growing to 400 ms, about 20 s in all.
            RetryPolicy patient = new RetryPolicy(60, Duration.ofMillis(25), Duration.ofMillis(400), 2.0);
            try (CentrifugoPublisher publisher = CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey(centrifugo.apiKey())
                    .connectTimeout(Duration.ofSeconds(1))
                    .requestTimeout(Duration.ofSeconds(5))
                    .retryPolicy(patient)
                    .observer(counting)
                    // Batches of up to 50 publications: a retried batch repeats publications that
                    // Redis may already hold, which the idempotency keys must keep out of the history.
                    .autoBatching(autoBatching ? new AutoBatching(50, Duration.ofMillis(2), 4, 1000) : null)
                    .build()) {
                Semaphore window = new Semaphore(IN_FLIGHT);
                AtomicInteger completed = new AtomicInteger();
                CountDownLatch killPoint = new CountDownLatch(1);
                ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
                List<CompletableFuture<?>> all = new ArrayList<>(PUBLICATIONS);
                long[] downtimeNanos = new long[1];
                Thread fault = new Thread(
                        () -> {
                            try {
                                killPoint.await();
                                long killedAt = System.nanoTime();
                                centrifugo.kill();
                                Thread.sleep(DOWNTIME.toMillis());
                                centrifugo.restart();
                                downtimeNanos[0] = System.nanoTime() - killedAt;
                            } catch (Throwable ex) {
                                failures.add(ex);
                            }
                        },
                        "centrifugo-fault");
                fault.start();
                long started = System.nanoTime();
                for (int id = 0; id < PUBLICATIONS; id++) {
                    window.acquire();
                    PublishRequest request =
                            PublishRequest.of(CHANNEL, Map.of("id", id)).withIdempotencyKey("faults-" + id);
                    all.add(publisher.publishAsync(request).whenComplete((result, ex) -> {
                        window.release();
                        if (ex != null) {
                            failures.add(ex);
                        }
                        if (completed.incrementAndGet() == KILL_AFTER) {
                            killPoint.countDown();
                        }
                    }));
                }
                CompletableFuture.allOf(all.toArray(CompletableFuture[]::new))
                        .handle((ignored, ex) -> null)
                        .get(60, TimeUnit.SECONDS);
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                fault.join(30_000);

                Map<Integer, Integer> copies = historyCopies(publisher);
                long duplicates =
                        copies.values().stream().filter(count -> count > 1).count();
                List<Integer> missing = new ArrayList<>();
                for (int id = 0; id < PUBLICATIONS; id++) {
                    if (!copies.containsKey(id)) {
                        missing.add(id);
                    }
                }
                int stored =
                        copies.values().stream().mapToInt(Integer::intValue).sum();
                System.out.printf(
                        "Publisher (auto-batching %s) across a Centrifugo SIGKILL + restart: %d publications in %d ms, downtime %d ms "
                                + "(kill to healthy), %d calls retried (%d retries), %d failed; history holds %d "
                                + "(%d distinct, %d duplicated, %d missing)%n",
                        autoBatching,
                        PUBLICATIONS,
                        elapsedMs,
                        TimeUnit.NANOSECONDS.toMillis(downtimeNanos[0]),
                        retriedCalls.get(),
                        retries.get(),
                        failedCalls.get(),
                        stored,
                        copies.size(),
                        duplicates,
                        missing.size());

                assertThat(failures)
                        .as("failed publications or fault injection")
                        .isEmpty();
                assertThat(downtimeNanos[0]).as("the kill and restart happened").isPositive();
                assertThat(retriedCalls.get())
                        .as("publications that met the crash were retried")
                        .isPositive();
                assertThat(missing).as("payload ids missing from the history").isEmpty();
                assertThat(duplicates).as("payload ids stored more than once").isZero();
                assertThat(stored).as("publications in the history").isEqualTo(PUBLICATIONS);
                assertThat(copies.keySet()).hasSize(PUBLICATIONS);
            }
        }
    }

    /** How many times each payload id is in the channel's history, read page by page. */
    private static Map<Integer, Integer> historyCopies(CentrifugoPublisher publisher) {
        Map<Integer, Integer> copies = new HashMap<>();
        HistoryResult<JsonNode> page =
                publisher.history(HistoryRequest.of(CHANNEL).withLimit(1000));
        long top = page.offset();
        String epoch = page.epoch();
        while (true) {
            for (var publication : page.publications()) {
                copies.merge(publication.data().get("id").asInt(), 1, Integer::sum);
            }
            if (page.publications().isEmpty()) {
                break;
            }
            long last = page.publications().get(page.publications().size() - 1).offset();
            if (last >= top) {
                break;
            }
            page = publisher.history(
                    HistoryRequest.of(CHANNEL).withLimit(1000).withSince(new StreamPosition(last, epoch)));
            assertThat(page.epoch())
                    .as("the stream's epoch (a new one would mean a lost history)")
                    .isEqualTo(epoch);
        }
        assertThat(top)
                .as("the stream's top offset: one per stored publication")
                .isEqualTo(PUBLICATIONS);
        return copies;
    }
}
