package dev.centrifugo4j.examples.webflux;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The WebFlux example on Netty, served through a real Centrifugo v6 and called with the official
 * JavaScript SDK (npm {@code centrifuge} with {@code ws} on Node), as a browser would call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class WebfluxThroughCentrifugoTests {

    private static final String PROXY_SECRET = "it-proxy-secret-0123456789abcdef-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private static final CentrifugoServer centrifugo = CentrifugoServer.builder()
            .appProxies("http://127.0.0.1:" + APP_PORT)
            .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
            .channelNamespace("rooms", (namespace) -> namespace.put("subscribe_proxy_enabled", true))
            .config((config) -> {
                // Connections come with a token: no connect or refresh proxy.
                config.withObject("client")
                        .withObject("proxy")
                        .withObject("connect")
                        .put("enabled", false);
                config.withObject("client")
                        .withObject("proxy")
                        .withObject("refresh")
                        .put("enabled", false);
            })
            .build();

    @DynamicPropertySource
    static void centrifugoProperties(DynamicPropertyRegistry registry) {
        centrifugo.start();
        registry.add("server.port", () -> APP_PORT);
        registry.add("centrifugo.url", centrifugo::websocketUrl);
        registry.add("centrifugo.api-url", centrifugo::apiUrl);
        registry.add("centrifugo.api-key", centrifugo::apiKey);
        registry.add("centrifugo.token.hmac-secret", centrifugo::hmacSecret);
        registry.add("centrifugo.proxy.secret", () -> PROXY_SECRET);
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @Autowired
    private CentrifugoTokens tokens;

    private JsonNode run(String user, String stepsJson) {
        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .run(
                        "steps.mjs",
                        Map.of(
                                "CENTRIFUGO_URL",
                                centrifugo.websocketUrl(),
                                "CENTRIFUGO_TOKEN",
                                this.tokens.connectionToken(user, Duration.ofMinutes(5))),
                        stepsJson);
        assertThat(output.get("connected").asBoolean())
                .as("connected: %s", output)
                .isTrue();
        return output;
    }

    @Test
    void aBlockingHandlerRunsOffTheEventLoop() {
        JsonNode result = run("alice", "[{\"rpc\":\"rooms.lookup\",\"data\":{\"name\":\"lobby\"}}]")
                .at("/results/0");
        assertThat(result.get("ok").asBoolean()).as("%s", result).isTrue();
        assertThat(result.at("/data/name").asString()).isEqualTo("lobby");
        assertThat(result.at("/data/thread").asString()).startsWith("centrifugo-handler-");
        assertThat(result.at("/data/eventLoop").asBoolean()).isFalse();
    }

    @Test
    void anAsynchronousHandlerCompletesOnItsOwnThread() {
        JsonNode result = run("alice", "[{\"rpc\":\"rooms.count\",\"data\":{\"name\":\"lobby\"}}]")
                .at("/results/0");
        assertThat(result.get("ok").asBoolean()).as("%s", result).isTrue();
        assertThat(result.at("/data/thread").asString()).startsWith("parallel-");
    }

    @Test
    void invalidDataGetsError422WithItsViolations() throws Exception {
        JsonNode error = run("alice", "[{\"rpc\":\"rooms.create\",\"data\":{\"name\":\"\"}}]")
                .at("/results/0/error");
        assertThat(error.get("code").asInt()).isEqualTo(422);
        JsonNode details = mapper.readTree(error.get("message").asString());
        assertThat(details.at("/violations/0/field").asString()).isEqualTo("name");
        assertThat(details.at("/violations/0/constraint").asString()).isEqualTo("NotBlank");
    }

    @Test
    void anRpcExceptionGetsItsOwnCode() {
        JsonNode results = run(
                        "bob",
                        "[{\"rpc\":\"rooms.create\",\"data\":{\"name\":\"tiny\"}},"
                                + "{\"rpc\":\"rooms.join\",\"data\":{\"name\":\"tiny\"}}]")
                .at("/results");
        assertThat(results.at("/0/ok").asBoolean()).as("%s", results).isTrue();
        assertThat(results.at("/1/data/people").asInt()).as("%s", results).isOne();
        run("carol", "[{\"rpc\":\"rooms.join\",\"data\":{\"name\":\"tiny\"}}]");
        run("dave", "[{\"rpc\":\"rooms.join\",\"data\":{\"name\":\"tiny\"}}]");
        JsonNode full = run("erin", "[{\"rpc\":\"rooms.join\",\"data\":{\"name\":\"tiny\"}}]")
                .at("/results/0/error");
        assertThat(full.toString()).isEqualTo("{\"code\":1409,\"message\":\"room tiny is full\",\"temporary\":true}");
    }

    @Test
    void anUnknownMethodGetsError404() {
        assertThat(run("alice", "[{\"rpc\":\"rooms.nope\"}]")
                        .at("/results/0/error/code")
                        .asInt())
                .isEqualTo(404);
    }

    @Test
    void subscribingToARoomThatExistsIsAllowedAndToAnotherRefused() {
        JsonNode results = run("alice", "[{\"subscribe\":\"rooms:lobby\"},{\"subscribe\":\"rooms:attic\"}]")
                .at("/results");
        assertThat(results.at("/0").toString()).isEqualTo("{\"ok\":true}");
        assertThat(results.at("/1").toString())
                .isEqualTo("{\"ok\":false,\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
    }

    @Test
    void aProxyRequestWithoutTheSecretGets401() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/centrifugo/rpc/"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"client\":\"c\",\"user\":\"u\",\"method\":\"rooms.lookup\","
                                                + "\"data\":{\"name\":\"lobby\"}}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
    }
}
