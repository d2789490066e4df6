package dev.centrifugo4j.it.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The type zoo through a real Centrifugo: the TypeScript client generated from the zoo's contract
 * (compiled with {@code tsc --strict} by the build) sends every case of {@code zoo-values.json} with
 * the official JavaScript SDK and must get each value back unchanged; it subscribes to the typed
 * channel {@code zoo:cage.{cage}} and receives the sighting the server publishes through {@code
 * TypedChannel}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZooThroughCentrifugoTests {

    static final Path VALUES = Path.of("src/test/resources/zoo-values.json").toAbsolutePath();

    private static final String PROXY_SECRET = "zoo-proxy-secret-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final CentrifugoServer centrifugo = CentrifugoServer.builder()
            .appProxies("http://127.0.0.1:" + APP_PORT)
            .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
            .rpcNamespace("zoo")
            .channelNamespace("zoo", ns -> ns.put("subscribe_proxy_enabled", true))
            .build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
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

    private JsonNode values;

    private JsonNode output;

    @BeforeAll
    void sendTheZooWithTheTypeScriptClient() throws Exception {
        this.values = MAPPER.readTree(VALUES.toFile());
        this.output = JavaScriptClient.in(Path.of("client"))
                .run(
                        "zoo-steps.mjs",
                        Map.of(
                                "CENTRIFUGO_URL",
                                centrifugo.websocketUrl(),
                                "CENTRIFUGO_TOKEN",
                                this.tokens.connectionToken("keeper", Duration.ofMinutes(5))),
                        VALUES.toString());
        assertThat(this.output.path("connected").asBoolean())
                .as("connected: %s", this.output)
                .isTrue();
        assertThat(this.output.has("failure")).as("%s", this.output).isFalse();
    }

    private Set<String> unordered() {
        Set<String> names = new HashSet<>();
        this.values.path("sets").forEach(name -> names.add(name.asString()));
        return names;
    }

    @Test
    void getsEveryValueBackUnchanged() {
        List<String> report = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        for (JsonNode testCase : this.values.path("cases")) {
            String name = testCase.path("name").asString();
            JsonNode result = this.output.path("cases").path(name);
            if (!result.has("received")) {
                failures.add(name + ": " + result);
                continue;
            }
            JsonNode expected = testCase.has("value") ? testCase.get("value") : MAPPER.nullNode();
            List<String> differences = JsonValues.differences(expected, result.get("received"), unordered());
            report.add(String.format(
                    "%-28s %-10s %s",
                    name, testCase.path("method").asString(), differences.isEmpty() ? "same" : "DIFFERENT"));
            differences.forEach(difference -> failures.add(name + " " + difference));
        }
        System.out.println("TypeScript round trip through Centrifugo:\n  " + String.join("\n  ", report));

        assertThat(report).hasSize(this.values.path("cases").size());
        assertThat(failures).isEmpty();
    }

    @Test
    void receivesTheTypedPublicationUnchanged() {
        JsonNode publication = this.output.path("publication");

        assertThat(publication.path("channel").asString()).isEqualTo("zoo:cage.lions");
        assertThat(JsonValues.differences(this.output.at("/sent/sighting"), publication.path("data"), unordered()))
                .isEmpty();
        assertThat(publication.at("/data/specimen/price").asString()).isEqualTo("1234567890.123456789012345678900");
    }

    @Test
    void cannotSubscribeToACageTheHandlerRefuses() {
        assertThat(this.output.path("closedCage").has("subscribed"))
                .as("%s", this.output.path("closedCage"))
                .isFalse();
    }

    @Test
    void wasGeneratedFromTheContractTheServerAnswersWith() {
        assertThat(this.output.path("serverVersion").asString())
                .isNotBlank()
                .isEqualTo(this.output.path("generatedVersion").asString());
    }
}
