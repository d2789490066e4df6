package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.rpc.HandlerRegistrar;
import dev.centrifugo4j.dispatch.Bulkhead;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Four synchronous handlers that hang, each within its own bulkhead, must not take every request
 * thread together. The application's web server has 16 request threads: a quarter per handler (4)
 * lets four hanging handlers hold all 16, and then nothing is answered any more, neither other proxy
 * calls nor the application's own pages. With the default cap on all proxy calls together (three
 * quarters, 12) they hold 12: every other proxy call through a real Centrifugo is answered at once,
 * refused with the temporary error 429 (the SDK retries it) while the cap is full, and never left to
 * Centrifugo's proxy timeout, and the application's own page keeps answering. Counted, not timed:
 * how many calls run, how each step ended.
 */
class TotalLimitTests {

    private static final int REQUEST_THREADS = 16;

    private static final String SECRET = "total-limit-proxy-secret-0123456789";

    private static final List<String> HANGING = List.of("cap.hang1", "cap.hang2", "cap.hang3", "cap.hang4");

    @Test
    void withTheDefaultCapHangingHandlersLeaveThreadsAndEveryOtherCallIsAnswered() throws Exception {
        Run run = run(List.of());

        assertThat(run.limit()).isEqualTo(REQUEST_THREADS * 3 / 4);
        assertThat(run.hangingAtSaturation()).isEqualTo(12);
        assertThat(run.totalRejected()).isPositive();
        for (String step : List.of("rpc", "subscribe", "connect")) {
            JsonNode outcomes = run.load().path("steps").path(step);
            assertThat(sum(outcomes)).as("%s steps", step).isPositive();
            assertThat(names(outcomes))
                    .as("how the %s steps ended: answered (ok, or refused with 429), never timed out", step)
                    .isSubsetOf("ok", "429");
        }
        assertThat(run.load().path("hammer").path("errors").path("429").asInt())
                .as("hanging calls refused")
                .isPositive();
        assertThat(run.pagesAnswered())
                .as("GET /ping answered while the handlers hang")
                .isEqualTo(PAGES);
        assertThat(names(run.recovery().path("steps").path("rpc"))).containsExactly("ok");
        assertThat(run.recovery().path("steps").path("rpc").path("ok").asInt()).isEqualTo(8);
    }

    @Test
    void withoutTheCapHangingHandlersTakeEveryThreadAndNothingIsAnswered() throws Exception {
        Run run = run(List.of("centrifugo.proxy.concurrency.max-calls=0"));

        assertThat(run.limit()).isZero();
        assertThat(run.hangingAtSaturation()).isEqualTo(REQUEST_THREADS);
        int answered = 0;
        int unanswered = 0;
        for (String step : List.of("rpc", "subscribe", "connect")) {
            JsonNode outcomes = run.load().path("steps").path(step);
            answered += outcomes.path("ok").asInt() + outcomes.path("429").asInt();
            unanswered += sum(outcomes)
                    - outcomes.path("ok").asInt()
                    - outcomes.path("429").asInt();
        }
        assertThat(unanswered).as("steps that timed out").isPositive();
        assertThat(answered).as("steps answered while every thread hung").isZero();
        assertThat(run.pagesAnswered())
                .as("GET /ping answered while every thread hangs")
                .isZero();
        assertThat(names(run.recovery().path("steps").path("rpc"))).containsExactly("ok");
    }

    private static final int PAGES = 5;

    /** What one run saw. */
    private record Run(
            int limit,
            int hangingAtSaturation,
            long totalRejected,
            int pagesAnswered,
            JsonNode load,
            JsonNode recovery) {}

    private static Run run(List<String> extraProperties) throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        CapApplication.gate = gate;
        ExecutorService background = Executors.newSingleThreadExecutor();
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CapApplication.class)
                        .properties(HangingRuns.properties(REQUEST_THREADS, SECRET, extraProperties))
                        .run();
                CentrifugoServer centrifugo = HangingRuns.centrifugo(app, SECRET, "cap")) {
            Bulkhead total = app.getBean(HandlerRegistrar.class).settings().totalBulkhead();
            List<Bulkhead> hanging = app.getBean(RpcDispatcher.class).bulkheads().stream()
                    .filter((bulkhead) -> HANGING.contains(bulkhead.handler()))
                    .toList();
            assertThat(hanging)
                    .hasSize(4)
                    .allSatisfy((bulkhead) -> assertThat(bulkhead.limit()).isEqualTo(REQUEST_THREADS / 4));
            IntSupplier held = () -> hanging.stream().mapToInt(Bulkhead::active).sum();
            int saturation = (total != null) ? total.limit() : REQUEST_THREADS;
            JavaScriptClient node = JavaScriptClient.in(Path.of("client")).withTimeout(Duration.ofSeconds(60));
            JsonNode load;
            int atSaturation;
            int pages;
            try {
                CompletableFuture<JsonNode> loading = CompletableFuture.supplyAsync(
                        () -> node.run(
                                "cap.mjs",
                                Map.of(
                                        "CENTRIFUGO_URL", centrifugo.websocketUrl(),
                                        "MODE", "load",
                                        "HAMMERS", "32",
                                        "WARMUP_MS", "2000",
                                        "DURATION_MS", "4000",
                                        "WORKERS", "4")),
                        background);
                atSaturation = awaitHeld(held, saturation, loading);
                pages = pagesAnswered(HangingRuns.port(app));
                load = loading.get(60, TimeUnit.SECONDS);
            } finally {
                gate.countDown();
            }
            JsonNode recovery = node.run(
                    "cap.mjs", Map.of("CENTRIFUGO_URL", centrifugo.websocketUrl(), "MODE", "recover", "WORKERS", "4"));
            System.out.printf(
                    "Total limit %s: %d hanging calls held at saturation (limit %s), %d of %d pages answered;"
                            + " steps %s; hanging calls %s; recovery %s; load average %.1f%n",
                    extraProperties.isEmpty() ? "by default" : extraProperties,
                    atSaturation,
                    (total != null) ? total.limit() : "none",
                    pages,
                    PAGES,
                    load.path("steps"),
                    load.path("hammer"),
                    recovery.path("steps"),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            return new Run(
                    (total != null) ? total.limit() : 0,
                    atSaturation,
                    (total != null) ? total.rejected() : 0,
                    pages,
                    load,
                    recovery);
        } finally {
            gate.countDown();
            background.shutdownNow();
        }
    }

    /**
     * Waits until the hanging handlers hold {@code expected} calls (they keep them until the gate
     * opens, so the count only grows to it), then returns what they hold. The bound only ends a
     * failing run.
     *
     * <p>A call takes its handler's permit before the permit of all calls together, and gives the
     * first back when the second is refused; so while the hammer runs, one read may also count a call
     * that is on its way to being refused. What the handlers hold is the least of a few reads.
     */
    private static int awaitHeld(IntSupplier held, int expected, CompletableFuture<JsonNode> loading)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int settled = settled(held);
        while (settled < expected && !loading.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            settled = settled(held);
        }
        return settled;
    }

    /** The least of a few reads, 5 ms apart. */
    private static int settled(IntSupplier held) throws InterruptedException {
        int least = held.getAsInt();
        for (int read = 0; read < 5; read++) {
            Thread.sleep(5);
            least = Math.min(least, held.getAsInt());
        }
        return least;
    }

    /** GETs the application's own page a few times, each given 2 seconds; how many were answered. */
    private static int pagesAnswered(int port) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        int answered = 0;
        for (int i = 0; i < PAGES; i++) {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().equals("pong")) {
                    answered++;
                }
            } catch (HttpTimeoutException ex) {
                // No request thread to answer it.
            } catch (IOException ex) {
                // Refused or reset: not answered either.
            }
        }
        return answered;
    }

    private static int sum(JsonNode outcomes) {
        int sum = 0;
        for (JsonNode count : outcomes) {
            sum += count.asInt();
        }
        return sum;
    }

    private static List<String> names(JsonNode outcomes) {
        return new ArrayList<>(outcomes.propertyNames());
    }
}
