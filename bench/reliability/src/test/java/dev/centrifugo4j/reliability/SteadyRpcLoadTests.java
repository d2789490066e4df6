package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * A steady RPC load through a real Centrifugo, from the official JavaScript SDK, to an asynchronous
 * validated handler of the app: no call fails, and the app's heap after a full GC does not grow
 * while the load goes on. {@code reliability.load.seconds} sets how long (20 s in every build, 300 s
 * with {@code -Pfull}).
 */
@RunningFuzzApplication
class SteadyRpcLoadTests {

    private static final long MB = 1024 * 1024;

    @LocalServerPort
    private int port;

    @Test
    void aSteadyLoadThroughCentrifugoHasNoErrorsAndAFlatHeap() throws Exception {
        int seconds = Integer.getInteger("reliability.load.seconds", 20);
        try (CentrifugoServer centrifugo = CentrifugoServer.builder()
                .rpcProxy("http://127.0.0.1:" + this.port + "/centrifugo/rpc/")
                .proxySecret("X-Centrifugo-Proxy-Secret", RunningFuzzApplication.SECRET)
                .start()) {
            String token = CentrifugoTokens.hmac(centrifugo.hmacSecret()).connectionToken("load", Duration.ofHours(1));
            // The client waits on a thread of its own: blocking a common-pool thread would starve the
            // handler, which completes on the common pool (whose parallelism is 1 on 2 cores).
            ExecutorService clientThread = Executors.newSingleThreadExecutor();
            CompletableFuture<JsonNode> load = CompletableFuture.supplyAsync(
                    () -> JavaScriptClient.in(Path.of("client"))
                            .withTimeout(Duration.ofSeconds(seconds + 60))
                            .run(
                                    "load.mjs",
                                    Map.of(
                                            "CENTRIFUGO_URL",
                                            centrifugo.websocketUrl(),
                                            "CENTRIFUGO_TOKEN",
                                            token,
                                            "DURATION_MS",
                                            Long.toString(seconds * 1000L),
                                            "CONCURRENCY",
                                            "4")),
                    clientThread);
            clientThread.shutdown();
            // The first sample after a fifth of the run (class loading and JIT done), then five more.
            List<Long> heapAfterGc = new ArrayList<>();
            long interval = seconds * 1000L / 6;
            for (int sample = 1; sample <= 5; sample++) {
                Thread.sleep(interval);
                heapAfterGc.add(usedAfterGc());
            }
            JsonNode result = load.get();
            heapAfterGc.add(usedAfterGc());
            System.out.printf(
                    "Steady load for %d s: %s; heap after GC (MB): %s%n",
                    seconds, result, heapAfterGc.stream().map((b) -> b / MB).toList());

            assertThat(result.path("errors").asLong())
                    .as("failed calls, first: %s", result.path("firstError"))
                    .isZero();
            assertThat(result.path("calls").asLong()).isGreaterThan(seconds * 20L);
            long first = heapAfterGc.get(0);
            long last = heapAfterGc.get(heapAfterGc.size() - 1);
            assertThat(last)
                    .as(
                            "heap after GC at the end vs after warm-up (MB): %s",
                            heapAfterGc.stream().map((b) -> b / MB).toList())
                    .isLessThanOrEqualTo(first + Math.max(16 * MB, first / 5));
        }
    }

    private static long usedAfterGc() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long used = Long.MAX_VALUE;
        // Take the lowest of a few collections: one System.gc() may leave floating garbage.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }
}
