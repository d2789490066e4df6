package dev.centrifugo4j.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quick start served through a real Centrifugo v6 and called with the official JavaScript SDK
 * (npm {@code centrifuge} with {@code ws} on Node), as a browser would call it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(ErrorDemoConfiguration.class)
class QuickstartThroughCentrifugoTests {

    private static final String PROXY_SECRET = "it-proxy-secret-0123456789abcdef-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private static final CentrifugoServer centrifugo = CentrifugoServer.builder()
            .rpcProxy("http://127.0.0.1:" + APP_PORT + "/centrifugo/rpc/")
            .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
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

    private JsonNode callWithJavaScriptSdk(String user, String stepsJson) {
        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .run(
                        "rpc-steps.mjs",
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

    @Nested
    class ThroughTheJavaScriptSdk {

        @Test
        void getsTheEchoOfSystemPing() {
            JsonNode output =
                    callWithJavaScriptSdk("alice", "[{\"method\":\"system.ping\",\"data\":{\"message\":\"Hello\"}}]");
            assertThat(output.at("/results/0").toString())
                    .isEqualTo("{\"ok\":true,\"data\":{\"echo\":\"Pong: Hello\"}}");
        }

        @Test
        void getsError422WithTheViolationForABlankMessage() throws Exception {
            JsonNode output =
                    callWithJavaScriptSdk("alice", "[{\"method\":\"system.ping\",\"data\":{\"message\":\"\"}}]");
            JsonNode error = output.at("/results/0/error");
            assertThat(error.get("code").asInt()).isEqualTo(422);
            JsonNode details = mapper.readTree(error.get("message").asString());
            assertThat(details.at("/violations/0/field").asString()).isEqualTo("message");
            assertThat(details.at("/violations/0/constraint").asString()).isEqualTo("NotBlank");
        }

        @Test
        void getsError404ForAnUnknownMethod() throws Exception {
            JsonNode output = callWithJavaScriptSdk("alice", "[{\"method\":\"system.nope\",\"data\":{}}]");
            assertThat(output.at("/results/0/error/code").asInt()).isEqualTo(404);
            assertThat(output.at("/results/0/error/message").asString()).isEqualTo("method not found");
        }

        @Test
        void getsTheResultOfAnAsynchronousHandler() throws Exception {
            JsonNode output =
                    callWithJavaScriptSdk("bob", "[{\"method\":\"system.ping.later\",\"data\":{\"message\":\"Hi\"}}]");
            assertThat(output.at("/results/0/data/echo").asString()).isEqualTo("Pong later: Hi (to bob)");
        }

        @Test
        void getsTheCodeMessageAndTemporaryFlagOfAnRpcException() throws Exception {
            JsonNode output =
                    callWithJavaScriptSdk("alice", "[{\"method\":\"demo.reject\"},{\"method\":\"demo.async.reject\"}]");
            assertThat(output.at("/results/0/error").toString())
                    .isEqualTo("{\"code\":1001,\"message\":\"insufficient funds\",\"temporary\":true}");
            assertThat(output.at("/results/1/error").toString())
                    .isEqualTo("{\"code\":1002,\"message\":\"not yet\",\"temporary\":false}");
        }

        @Test
        void getsAnInternalErrorWithAReferenceButNoDetails() throws Exception {
            JsonNode output = callWithJavaScriptSdk("alice", "[{\"method\":\"demo.crash\"}]");
            assertThat(output.at("/results/0/error/code").asInt()).isEqualTo(500);
            assertThat(output.at("/results/0/error/message").asString())
                    .matches("internal error \\(ref: [0-9a-f]{8}\\)");
            assertThat(output.toString()).doesNotContain("hunter2");
        }

        @Test
        void isDisconnectedByADisconnectException() throws Exception {
            JsonNode output = callWithJavaScriptSdk("carol", "[{\"method\":\"demo.kick\",\"expectDisconnect\":true}]");
            assertThat(output.at("/disconnected/code").asInt()).isEqualTo(4501);
            assertThat(output.at("/disconnected/reason").asString()).isEqualTo("kicked carol");
        }
    }

    @Nested
    class ThroughTheGeneratedTypeScriptClient {

        private JsonNode runTypedSteps() {
            JsonNode output = JavaScriptClient.in(Path.of("client"))
                    .run(
                            "typed-steps.mjs",
                            Map.of(
                                    "CENTRIFUGO_URL",
                                    centrifugo.websocketUrl(),
                                    "CENTRIFUGO_TOKEN",
                                    tokens.connectionToken("dana", Duration.ofMinutes(5))));
            assertThat(output.get("connected").asBoolean())
                    .as("connected: %s", output)
                    .isTrue();
            assertThat(output.has("failure")).as("failure: %s", output).isFalse();
            return output;
        }

        @Test
        void callsSystemPingAndItsAsynchronousSiblingWithTypedResults() {
            JsonNode output = runTypedSteps();

            assertThat(output.get("ping").toString()).isEqualTo("{\"echo\":\"Pong: Hello\"}");
            assertThat(output.get("pingLater").toString()).isEqualTo("{\"echo\":\"Pong later: Hi (to dana)\"}");
        }

        @Test
        void surfacesA422AsAnRpcErrorWithTheViolations() {
            JsonNode blank = runTypedSteps().get("blank");

            assertThat(blank.get("rpcError").asBoolean()).as("%s", blank).isTrue();
            assertThat(blank.get("code").asInt()).isEqualTo(422);
            assertThat(blank.get("message").asString()).isEqualTo("validation failed");
            assertThat(blank.get("temporary").asBoolean()).isFalse();
            assertThat(blank.at("/violations/0/field").asString()).isEqualTo("message");
            assertThat(blank.at("/violations/0/constraint").asString()).isEqualTo("NotBlank");
        }

        @Test
        void wasGeneratedFromTheApplicationsContract() throws Exception {
            JsonNode contract =
                    mapper.readTree(Files.readString(Path.of("target/classes/META-INF/centrifugo/contract.json")));

            assertThat(runTypedSteps().get("generatedVersion").asString())
                    .matches("[0-9a-f]{64}")
                    .isEqualTo(contract.get("version").asString());
        }

        @Test
        void canAskTheServerForTheVersionOfTheContractItServes() throws Exception {
            // In this test run the class path holds two contracts, the app's and the test handlers':
            // the server answers with both merged.
            java.util.List<JsonNode> parts = new java.util.ArrayList<>();
            for (java.net.URL resource : java.util.Collections.list(
                    getClass().getClassLoader().getResources("META-INF/centrifugo/contract.json"))) {
                try (InputStream in = resource.openStream()) {
                    parts.add(mapper.readTree(in));
                }
            }
            assertThat(parts).hasSize(2);
            JsonNode served = dev.centrifugo4j.contract.Contracts.merge(parts);

            assertThat(runTypedSteps().get("serverVersion").asString())
                    .isEqualTo(served.get("version").asString());
        }
    }

    @Nested
    class ProxyEndpoint {

        private final HttpClient http = HttpClient.newHttpClient();

        private HttpResponse<String> post(String path, List<String> headers) throws IOException, InterruptedException {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + path))
                    .header("Content-Type", "application/json")
                    .POST(
                            HttpRequest.BodyPublishers.ofString(
                                    "{\"client\":\"c\",\"user\":\"u\",\"method\":\"system.ping\",\"data\":{\"message\":\"x\"}}"));
            for (int i = 0; i < headers.size(); i += 2) {
                request.header(headers.get(i), headers.get(i + 1));
            }
            return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        @Test
        void rejectsARequestWithoutTheSecretWith401() throws Exception {
            HttpResponse<String> response = post("/centrifugo/rpc/", List.of());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEmpty();
        }

        @Test
        void rejectsARequestWithAWrongSecretWith401() throws Exception {
            HttpResponse<String> response =
                    post("/centrifugo/rpc", List.of("X-Centrifugo-Proxy-Secret", PROXY_SECRET + "x"));
            assertThat(response.statusCode()).isEqualTo(401);
        }

        @Test
        void answersWithAndWithoutTheTrailingSlash() throws Exception {
            for (String path : List.of("/centrifugo/rpc/", "/centrifugo/rpc")) {
                HttpResponse<String> response = post(path, List.of("X-Centrifugo-Proxy-Secret", PROXY_SECRET));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.body()).isEqualTo("{\"result\":{\"data\":{\"echo\":\"Pong: x\"}}}");
            }
        }
    }
}
