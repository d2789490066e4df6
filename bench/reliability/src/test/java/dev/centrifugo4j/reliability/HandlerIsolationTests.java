package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.dispatch.Bulkhead;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * A proxy handler that hangs does not starve the others. The application's web server has 16 request
 * threads; 32 connections of the official JavaScript SDK call a synchronous RPC method that hangs,
 * over and over, while other connections connect (connect proxy), subscribe (subscribe proxy) and call
 * another method (RPC proxy), all through a real Centrifugo. With the default bulkheads (a quarter of
 * the request threads per handler) every one of those succeeds with normal latency, and the hanging
 * calls get errors 100 (Centrifugo's proxy timeout) and 429 (the bulkhead). Without bulkheads
 * ({@code centrifugo.proxy.concurrency.max-calls-per-handler=0}) the hanging method takes every thread
 * and the other calls fail (also {@code max-calls=0}: the cap on all handlers together would keep a
 * quarter of the threads free, see {@link TotalLimitTests}). Both recover once the handler stops
 * hanging.
 */
class HandlerIsolationTests {

    private static final int REQUEST_THREADS = 16;

    private static final String SECRET = "isolation-proxy-secret-0123456789";

    @Test
    void withTheDefaultBulkheadsAHangingHandlerDoesNotStarveTheOthers() {
        Run run = run(List.of());

        assertThat(run.load().path("failed").asInt())
                .as("failed healthy sessions, first: %s", run.load().path("firstFailure"))
                .isZero();
        assertThat(run.load().path("sessions").asInt()).isGreaterThanOrEqualTo(8);
        for (String step : List.of("connect", "subscribe", "rpc")) {
            // Starved calls wait for Centrifugo's proxy timeout (2 s) and fail; these answered well before.
            assertThat(percentile(run.load(), step, 99))
                    .as("p99 of %s (ms)", step)
                    .isLessThan(1500);
        }
        JsonNode hammer = run.load().path("hammer");
        assertThat(hammer.path("calls").asInt()).as("hanging calls answered").isZero();
        assertThat(hammer.path("errors").path("429").asInt())
                .as("hanging calls refused by the bulkhead")
                .isPositive();
        assertThat(run.hangBulkhead().limit()).isEqualTo(REQUEST_THREADS / 4);
        assertThat(run.hangActiveBeforeRelease()).isEqualTo(REQUEST_THREADS / 4);
        assertThat(run.hangBulkhead().rejected()).isPositive();
        assertThat(run.recovery().path("failed").asInt())
                .as(
                        "failed sessions after the handler stopped hanging, first: %s",
                        run.recovery().path("firstFailure"))
                .isZero();
    }

    @Test
    void withoutBulkheadsAHangingHandlerStarvesEveryProxy() {
        Run run = run(List.of(
                "centrifugo.proxy.concurrency.max-calls-per-handler=0", "centrifugo.proxy.concurrency.max-calls=0"));

        int sessions = run.load().path("sessions").asInt();
        assertThat(sessions).isPositive();
        assertThat(run.load().path("failed").asInt())
                .as("healthy sessions that failed while every request thread hung")
                .isGreaterThanOrEqualTo(sessions * 9 / 10);
        JsonNode errors = run.load().path("hammer").path("errors");
        assertThat(errors.path("100").asInt())
                .as("hanging calls timed out by Centrifugo")
                .isPositive();
        assertThat(errors.has("429")).isFalse();
        assertThat(run.hangBulkhead()).isNull();
        assertThat(run.recovery().path("failed").asInt())
                .as(
                        "failed sessions after the handler stopped hanging, first: %s",
                        run.recovery().path("firstFailure"))
                .isZero();
    }

    /** What one run saw: the load phase, the hanging method's bulkhead, and the recovery phase. */
    private record Run(JsonNode load, Bulkhead hangBulkhead, int hangActiveBeforeRelease, JsonNode recovery) {}

    private static Run run(List<String> extraProperties) {
        CountDownLatch gate = new CountDownLatch(1);
        IsolationApplication.gate = gate;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(IsolationApplication.class)
                        .properties(HangingRuns.properties(REQUEST_THREADS, SECRET, extraProperties))
                        .run();
                CentrifugoServer centrifugo = HangingRuns.centrifugo(app, SECRET, "isolation")) {
            Bulkhead hang = app.getBean(RpcDispatcher.class).bulkheads().stream()
                    .filter((bulkhead) -> "isolation.hang".equals(bulkhead.handler()))
                    .findFirst()
                    .orElse(null);
            JavaScriptClient node = JavaScriptClient.in(Path.of("client")).withTimeout(Duration.ofSeconds(40));
            JsonNode load;
            int activeBeforeRelease;
            JsonNode recovery;
            try {
                load = node.run(
                        "isolation.mjs",
                        Map.of(
                                "CENTRIFUGO_URL", centrifugo.websocketUrl(),
                                "MODE", "load",
                                "HAMMERS", "32",
                                "WARMUP_MS", "1000",
                                "DURATION_MS", "4000",
                                "WORKERS", "4"));
                activeBeforeRelease = (hang != null) ? hang.active() : -1;
            } finally {
                gate.countDown();
            }
            recovery = node.run(
                    "isolation.mjs",
                    Map.of("CENTRIFUGO_URL", centrifugo.websocketUrl(), "MODE", "recover", "WORKERS", "4"));
            System.out.printf(
                    "Handler isolation %s: %d healthy sessions, %d failed (first: %s); p50/p99 ms: connect %s/%s,"
                            + " subscribe %s/%s, rpc %s/%s; hanging calls: %s; bulkhead: %s; recovery: %d/%d"
                            + " sessions failed; load average %.1f%n",
                    extraProperties.isEmpty() ? "with the default bulkheads" : "without bulkheads",
                    load.path("sessions").asInt(),
                    load.path("failed").asInt(),
                    load.path("firstFailure"),
                    percentile(load, "connect", 50),
                    percentile(load, "connect", 99),
                    percentile(load, "subscribe", 50),
                    percentile(load, "subscribe", 99),
                    percentile(load, "rpc", 50),
                    percentile(load, "rpc", 99),
                    load.path("hammer"),
                    (hang != null) ? hang + ", rejected " + hang.rejected() : "none",
                    recovery.path("failed").asInt(),
                    recovery.path("sessions").asInt(),
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                            .getSystemLoadAverage());
            return new Run(load, hang, activeBeforeRelease, recovery);
        } finally {
            gate.countDown();
        }
    }

    /** The percentile of a step's latencies in milliseconds, or -1 when the step never succeeded. */
    private static double percentile(JsonNode result, String step, int percentile) {
        List<Double> values = new ArrayList<>();
        result.path("latencies").path(step).forEach((value) -> values.add(value.asDouble()));
        if (values.isEmpty()) {
            return -1;
        }
        values.sort(null);
        int index = (int) Math.ceil(percentile / 100.0 * values.size()) - 1;
        return values.get(Math.max(0, Math.min(index, values.size() - 1)));
    }
}
