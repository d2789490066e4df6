package dev.centrifugo4j.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.PublishRequest;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.test.RedisServer;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Scale-out as users deploy it: two Centrifugo nodes sharing a Redis engine, two instances of the
 * app behind Debian's nginx, and both nodes' RPC proxy pointed at nginx. A publication through one
 * node's HTTP API reaches an official-SDK client on the other node; RPC keeps working, with no call
 * lost, while one app instance shuts down gracefully in the middle of the stream.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScaleOutTests {

    private static final String SECRET = "scale-proxy-secret-0123456789abcdef";

    private static final Path CLIENT = Path.of("client");

    private RedisServer redis;

    private ConfigurableApplicationContext app1;

    private ConfigurableApplicationContext app2;

    private NginxLoadBalancer nginx;

    private CentrifugoServer nodeA;

    private CentrifugoServer nodeB;

    private final List<AutoCloseable> started = new ArrayList<>();

    @BeforeAll
    void startTheCluster() {
        Path nginxBinary =
                RequiredTool.require(NginxLoadBalancer.findBinary(), "ScaleOutTests", NginxLoadBalancer.MISSING);
        RequiredTool.require(RedisServer.findBinary(), "ScaleOutTests", RedisServer.missingBinaryMessage());
        this.redis = track(RedisServer.start());
        int port1 = CentrifugoServer.freePort();
        int port2 = CentrifugoServer.freePort();
        this.app1 = track(startApp("app-1", port1));
        this.app2 = track(startApp("app-2", port2));
        this.nginx = track(NginxLoadBalancer.start(nginxBinary, List.of(port1, port2)));
        CentrifugoServer.Builder node = CentrifugoServer.builder()
                .apiKey("scale-api-key-0123456789")
                .hmacSecret("scale-hmac-secret-0123456789abcdef0123456789")
                .redisEngine(this.redis.address())
                .rpcProxy(this.nginx.url() + "/centrifugo/rpc/")
                .proxySecret("X-Centrifugo-Proxy-Secret", SECRET)
                .config(json -> json.withObject("/log").put("level", "info"));
        this.nodeA = track(node.start());
        this.nodeB = track(node.start());
    }

    private <T extends AutoCloseable> T track(T resource) {
        this.started.add(resource);
        return resource;
    }

    private static ConfigurableApplicationContext startApp(String instance, int port) {
        return new SpringApplicationBuilder(ScaleOutApplication.class)
                .properties(
                        "server.port=" + port,
                        "server.address=127.0.0.1",
                        "server.shutdown=graceful",
                        "scale.instance=" + instance,
                        "spring.main.banner-mode=off",
                        "centrifugo.proxy.secret=" + SECRET,
                        "logging.level.org.springframework=WARN",
                        "logging.level.org.apache=WARN")
                .run();
    }

    @AfterAll
    void stopTheCluster() throws Exception {
        for (int i = this.started.size() - 1; i >= 0; i--) {
            this.started.get(i).close();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aPublicationThroughNodeAReachesAClientOnNodeB() throws Exception {
        String channel = "scale-news";
        int publications = 50;
        String token = CentrifugoTokens.hmac(this.nodeB.hmacSecret()).connectionToken("reader", Duration.ofHours(1));
        ExecutorService clientThread = Executors.newSingleThreadExecutor();
        try (CentrifugoPublisher publisherA = CentrifugoPublisher.builder()
                .apiUrl(this.nodeA.apiUrl())
                .apiKey(this.nodeA.apiKey())
                .build()) {
            CompletableFuture<JsonNode> subscriber = CompletableFuture.supplyAsync(
                    () -> JavaScriptClient.in(CLIENT)
                            .run(
                                    "scale-subscribe.mjs",
                                    Map.of(
                                            "CENTRIFUGO_URL",
                                            this.nodeB.websocketUrl(),
                                            "CENTRIFUGO_TOKEN",
                                            token,
                                            "CHANNEL",
                                            channel,
                                            "EXPECTED",
                                            Integer.toString(publications),
                                            "TIMEOUT_MS",
                                            "20000")),
                    clientThread);
            // Presence lives in Redis: node A sees the subscriber that node B holds.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (publisherA.presenceStats(channel).numClients() < 1) {
                assertThat(System.nanoTime() - deadline)
                        .as("the client on node B subscribed")
                        .isNegative();
                assertThat(subscriber).isNotDone();
                Thread.sleep(50);
            }
            for (int id = 0; id < publications; id++) {
                publisherA.publish(PublishRequest.of(channel, Map.of("id", id)));
            }
            JsonNode received = subscriber.get(30, TimeUnit.SECONDS);
            List<Integer> ids = new ArrayList<>();
            received.path("received").forEach(id -> ids.add(id.asInt()));
            System.out.printf(
                    "Scale-out: %d publications through node A (port %d), the JS client on node B (port %d) got %d%n",
                    publications, this.nodeA.port(), this.nodeB.port(), ids.size());

            assertThat(ids)
                    .as("ids received on node B, in order")
                    .isEqualTo(IntStream.range(0, publications).boxed().toList());
        } finally {
            clientThread.shutdownNow();
        }
    }

    @Test
    @Timeout(value = 80, unit = TimeUnit.SECONDS)
    void rpcKeepsWorkingWhileOneAppInstanceShutsDownGracefully() throws Exception {
        ScaleOutApplication.ScaleHandlers handlers1 = this.app1.getBean(ScaleOutApplication.ScaleHandlers.class);
        ScaleOutApplication.ScaleHandlers handlers2 = this.app2.getBean(ScaleOutApplication.ScaleHandlers.class);
        long before1Start = handlers1.answered();
        long before2Start = handlers2.answered();
        String token = CentrifugoTokens.hmac(this.nodeA.hmacSecret()).connectionToken("caller", Duration.ofHours(1));
        int seconds = 10;
        ExecutorService clientThread = Executors.newSingleThreadExecutor();
        try {
            CompletableFuture<JsonNode> load = CompletableFuture.supplyAsync(
                    () -> JavaScriptClient.in(CLIENT)
                            .withTimeout(Duration.ofSeconds(seconds + 40))
                            .run(
                                    "scale-rpc.mjs",
                                    Map.of(
                                            "CENTRIFUGO_URL",
                                            this.nodeA.websocketUrl(),
                                            "CENTRIFUGO_TOKEN",
                                            token,
                                            "DURATION_MS",
                                            Long.toString(seconds * 1000L),
                                            "CONCURRENCY",
                                            "8")),
                    clientThread);
            // Stop app-1 once both instances have answered a share of the stream, at most 6 s in.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
            while (handlers1.answered() - before1Start < 100 || handlers2.answered() - before2Start < 100) {
                assertThat(System.nanoTime() - deadline)
                        .as(
                                "both instances answer calls (app-1 %d, app-2 %d)",
                                handlers1.answered(), handlers2.answered())
                        .isNegative();
                Thread.sleep(20);
            }
            long stopAt1 = handlers1.answered();
            long stopAt2 = handlers2.answered();
            long stopStarted = System.nanoTime();
            this.app1.close();
            long stopMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopStarted);
            long stopped1 = handlers1.answered();
            long stopped2 = handlers2.answered();
            JsonNode result = load.get(seconds + 45, TimeUnit.SECONDS);
            long end1 = handlers1.answered();
            long end2 = handlers2.answered();
            long nginxRetried = this.nginx.accessLog().stream()
                    .filter(line -> line.contains("upstream_status=") && line.contains(", "))
                    .count();
            System.out.printf(
                    "Scale-out RPC through nginx: %s; app-1 answered %d before its stop, %d while draining (%d ms), "
                            + "%d after; app-2 answered %d before, %d during and after; nginx passed %d requests on "
                            + "to the other instance%n",
                    result,
                    stopAt1 - before1Start,
                    stopped1 - stopAt1,
                    stopMs,
                    end1 - stopped1,
                    stopAt2 - before2Start,
                    end2 - stopAt2,
                    nginxRetried);

            assertThat(result.path("lost").asLong())
                    .as("calls never answered, first: %s", result.path("firstError"))
                    .isZero();
            assertThat(result.path("wrong").asLong()).as("wrong answers").isZero();
            assertThat(result.path("answered").asLong())
                    .isEqualTo(result.path("calls").asLong());
            assertThat(result.path("byInstance").path("app-1").asLong())
                    .as("answers from app-1 that the client got: each call app-1 ran")
                    .isEqualTo(end1 - before1Start);
            assertThat(result.path("byInstance").path("app-2").asLong())
                    .as("answers from app-2 that the client got: each call app-2 ran")
                    .isEqualTo(end2 - before2Start);
            assertThat(end1).as("app-1 answers nothing once stopped").isEqualTo(stopped1);
            assertThat(end2 - stopped2).as("app-2 answers after app-1 stopped").isGreaterThan(30);
        } finally {
            clientThread.shutdownNow();
        }
    }
}
