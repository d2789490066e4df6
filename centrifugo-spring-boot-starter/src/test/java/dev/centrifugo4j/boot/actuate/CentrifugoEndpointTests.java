package dev.centrifugo4j.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code /actuator/centrifugo} over HTTP, as an operator calls it, with a real Centrifugo behind the publisher. */
@SpringBootTest(
        classes = EndpointApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.secret=s3cret-s3cret-s3cret-s3cret-s3cret",
            "centrifugo.proxy.concurrency.rpc[room.hold]=1",
            "centrifugo.publisher.max-queued-requests=100",
            "centrifugo.publisher.auto-batching.enabled=true",
            "centrifugo.publisher.auto-batching.queue-capacity=500",
            "management.endpoints.web.exposure.include=health,centrifugo"
        })
class CentrifugoEndpointTests {

    static final JsonMapper MAPPER = JsonMapper.builder().build();

    static final HttpClient HTTP = HttpClient.newHttpClient();

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static CompletableFuture<HttpResponse<String>> callRpc(int port, String method) {
        String body = "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                + "\"user\":\"42\",\"method\":\"" + method + "\",\"data\":{}}";
        return HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/centrifugo/rpc/"))
                        .header("Content-Type", "application/json")
                        .header("X-Centrifugo-Proxy-Secret", "s3cret-s3cret-s3cret-s3cret-s3cret")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static CentrifugoServer centrifugo;

    @LocalServerPort
    private int port;

    @Autowired
    private EndpointApplication.RoomHandlers handlers;

    @BeforeAll
    static void startCentrifugo() {
        centrifugo = CentrifugoServer.builder().start();
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @DynamicPropertySource
    static void centrifugoApi(DynamicPropertyRegistry registry) {
        registry.add("centrifugo.api-url", () -> centrifugo.apiUrl());
        registry.add("centrifugo.api-key", () -> centrifugo.apiKey());
    }

    @Test
    void describesTheHandlersTheirBeansAndWhatCentrifugoSays() throws Exception {
        HttpResponse<String> response = get(this.port, "/actuator/centrifugo");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = MAPPER.readTree(response.body());
        assertThat(body.at("/rpc").toString())
                .contains("{\"name\":\"room.hold\",\"bean\":\"roomHandlers\",\"handler\":\""
                        + EndpointApplication.RoomHandlers.class.getName() + ".hold()\",\"async\":false}");
        assertThat(body.at("/channels").toString())
                .isEqualTo("[{\"operation\":\"subscribe\",\"pattern\":\"room:{id}\",\"bean\":\"roomHandlers\","
                        + "\"handler\":\"" + EndpointApplication.RoomHandlers.class.getName()
                        + ".join(ChannelContext, String)\",\"async\":false}]");
        assertThat(body.at("/connectHandlers").toString()).isEqualTo("[\"anyoneConnects\"]");
        assertThat(body.at("/contract/version").asString()).isNotBlank();
        assertThat(body.at("/proxyPaths/rpc").asString()).isEqualTo("/centrifugo/rpc/");
        assertThat(body.at("/proxyPaths/sub_refresh").asString()).isEqualTo("/centrifugo/sub_refresh/");
        assertThat(body.at("/publisher").toString())
                .isEqualTo("{\"asyncRequestsInFlight\":0,\"maxConcurrentRequests\":64,\"maxQueuedRequests\":100,"
                        + "\"autoBatching\":true,\"queuedPublications\":0,\"queueCapacity\":500}");
        JsonNode nodes = body.at("/centrifugo/nodes");
        assertThat(nodes.size()).isEqualTo(1);
        assertThat(nodes.get(0).get("version").asString()).startsWith("6.9.1");
        assertThat(nodes.get(0).get("uid").asString()).isNotBlank();
        assertThat(body.at("/centrifugo").has("error")).isFalse();
    }

    @Test
    void countsTheCallsABulkheadRunsAndRefuses() throws Exception {
        CompletableFuture<HttpResponse<String>> held = callRpc(this.port, "room.hold");
        try {
            JsonNode bulkhead = null;
            for (int i = 0;
                    i < 100 && (bulkhead == null || bulkhead.get("active").asInt() == 0);
                    i++) {
                Thread.sleep(50);
                bulkhead = roomHoldBulkhead();
            }
            assertThat(callRpc(this.port, "room.hold").get().body()).contains("\"code\":429");

            bulkhead = roomHoldBulkhead();
            assertThat(bulkhead.toString())
                    .isEqualTo("{\"proxy\":\"rpc\",\"handler\":\"room.hold\",\"limit\":1,\"active\":1,\"rejected\":1}");
        } finally {
            this.handlers.release.countDown();
        }
        assertThat(held.get().body()).contains("released");
        assertThat(roomHoldBulkhead().get("active").asInt()).isZero();
    }

    private JsonNode roomHoldBulkhead() throws Exception {
        for (JsonNode bulkhead :
                MAPPER.readTree(get(this.port, "/actuator/centrifugo").body()).get("bulkheads")) {
            if (bulkhead.get("handler").asString().equals("room.hold")) {
                return bulkhead;
            }
        }
        throw new AssertionError("no bulkhead for room.hold");
    }
}
