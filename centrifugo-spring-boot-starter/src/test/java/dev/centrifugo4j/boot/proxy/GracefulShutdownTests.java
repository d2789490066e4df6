package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.HistoryRequest;
import dev.centrifugo4j.api.PublishResult;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.test.CentrifugoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Closing the application drains proxy calls in flight and flushes auto-batched publications. */
class GracefulShutdownTests {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpRequest rpc(int port, String method) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/centrifugo/rpc"))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                                + "\"user\":\"42\",\"method\":\"" + method + "\",\"data\":{}}"))
                .build();
    }

    private HttpRequest proxy(int port, String path, String extraFields) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/centrifugo/" + path))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                .POST(HttpRequest.BodyPublishers.ofString("{" + extraFields
                        + "\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                        + "\"user\":\"42\"}"))
                .build();
    }

    @Test
    void anAsynchronousCallInFlightIsAnsweredAndNewCallsGetATemporaryError() throws Exception {
        ConfigurableApplicationContext app = new SpringApplicationBuilder(DrainApplication.class)
                .properties(
                        "server.port=0",
                        "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                        "centrifugo.proxy.shutdown-timeout=10s",
                        "centrifugo.api-url=http://127.0.0.1:9/api")
                .run();
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        SlowHandlers handlers = app.getBean(SlowHandlers.class);
        CompletableFuture<HttpResponse<String>> inFlight =
                this.http.sendAsync(rpc(port, "drain.slow"), HttpResponse.BodyHandlers.ofString());
        assertThat(handlers.started.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> closing = CompletableFuture.runAsync(app::close);
        String refused = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (refused == null && System.nanoTime() < deadline) {
            String body = this.http
                    .send(rpc(port, "drain.fast"), HttpResponse.BodyHandlers.ofString())
                    .body();
            if (body.contains("\"error\"")) {
                refused = body;
            }
        }
        // Centrifugo ignores an error in a refresh or sub_refresh reply and expires the connection
        // or subscription: while draining, those get a minute's extension instead.
        long now = Instant.now().getEpochSecond();
        for (String path : List.of("refresh", "sub_refresh")) {
            String extended = this.http
                    .send(proxy(port, path, "\"channel\":\"news\","), HttpResponse.BodyHandlers.ofString())
                    .body();
            JsonNode result = JsonMapper.shared().readTree(extended);
            assertThat(result.propertyNames()).as(extended).containsExactly("result");
            assertThat(result.path("result").path("expired").isBoolean()
                            && !result.path("result").path("expired").asBoolean())
                    .as(extended)
                    .isTrue();
            long expireAt = result.path("result").path("expire_at").asLong();
            assertThat(expireAt).as(path).isBetween(now + 59, now + 62);
        }
        assertThat(closing).isNotDone();
        handlers.reply.complete("finished");

        assertThat(refused).isEqualTo("{\"error\":{\"code\":503,\"message\":\"shutting down\",\"temporary\":true}}");
        assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("{\"result\":{\"data\":\"finished\"}}");
        closing.get(10, TimeUnit.SECONDS);
        assertThat(app.isActive()).isFalse();
    }

    @Test
    void queuedAutoBatchedPublicationsAreAllSentBeforeThePublisherCloses() throws Exception {
        try (CentrifugoServer centrifugo = CentrifugoServer.builder()
                .channelNamespace("flush", ns -> ns.put("history_size", 5000).put("history_ttl", "60s"))
                .start()) {
            ConfigurableApplicationContext app = new SpringApplicationBuilder(PublisherApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties(
                            "centrifugo.api-url=" + centrifugo.apiUrl(),
                            "centrifugo.api-key=" + centrifugo.apiKey(),
                            "centrifugo.publisher.auto-batching.enabled=true",
                            "centrifugo.publisher.auto-batching.max-batch-size=50",
                            "centrifugo.publisher.auto-batching.max-in-flight-batches=1",
                            "centrifugo.publisher.auto-batching.linger=20ms")
                    .run();
            CentrifugoPublisher publisher = app.getBean(CentrifugoPublisher.class);
            String channel = "flush:" + UUID.randomUUID();
            List<CompletableFuture<PublishResult>> sent = IntStream.range(0, 2000)
                    .mapToObj(i -> publisher.publishAsync(channel, Map.of("n", i)))
                    .toList();
            assertThat(publisher.queuedPublications()).isPositive();

            app.close();

            assertThat(sent).allMatch(future -> future.isDone() && !future.isCompletedExceptionally());
            try (CentrifugoPublisher reader = CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey(centrifugo.apiKey())
                    .build()) {
                assertThat(reader.history(HistoryRequest.of(channel).withLimit(5000))
                                .publications())
                        .hasSize(2000);
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class DrainApplication {

        @Bean
        SlowHandlers slowHandlers() {
            return new SlowHandlers();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class PublisherApplication {}

    static class SlowHandlers {

        final Semaphore started = new Semaphore(0);

        final CompletableFuture<String> reply = new CompletableFuture<>();

        @WebSocketRpc("drain.slow")
        CompletionStage<String> slow() {
            this.started.release();
            return this.reply;
        }

        @WebSocketRpc("drain.fast")
        String fast() {
            return "fast";
        }
    }
}
