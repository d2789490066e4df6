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
 * (compiled with {@code tsc --strict} by the build) over the official JavaScript SDK, and the Python
 * client ({@code mypy --strict} here) over {@code centrifuge-python}, send every case of {@code
 * zoo-values.json} and must get each value back unchanged; each subscribes to the typed channel
 * {@code zoo:cage.{cage}} and receives the sighting the server publishes through {@code
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

    /** What each language's driver printed, by language. */
    private final Map<String, JsonNode> outputs = new java.util.LinkedHashMap<>();

    @BeforeAll
    void sendTheZooWithEveryGeneratedClient() throws Exception {
        this.values = MAPPER.readTree(VALUES.toFile());
        Map<String, String> environment = Map.of(
                "CENTRIFUGO_URL",
                centrifugo.websocketUrl(),
                "CENTRIFUGO_TOKEN",
                this.tokens.connectionToken("keeper", Duration.ofMinutes(5)));
        this.outputs.put(
                "typescript",
                JavaScriptClient.in(Path.of("client")).run("zoo-steps.mjs", environment, VALUES.toString()));
        this.outputs.put("python", PythonDriver.run(Path.of("client/python/zoo_steps.py"), environment, VALUES));
        this.outputs.forEach((language, output) -> {
            assertThat(output.path("connected").asBoolean())
                    .as("%s connected: %s", language, output)
                    .isTrue();
            assertThat(output.has("failure")).as("%s: %s", language, output).isFalse();
        });
    }

    /**
     * Python's models hold an absent property and a null one alike ({@code None}, left out when
     * written): for Python, absent and null compare equal. Every other difference counts.
     */
    private static JsonNode normalized(String language, JsonNode value) {
        if (!language.equals("python") || value == null) {
            return value;
        }
        JsonNode copy = value.deepCopy();
        removeNulls(copy);
        return copy;
    }

    /**
     * How exactly date-times come back: Python's {@code datetime} holds microseconds, so an instant
     * with nanoseconds loses its last three digits there (a documented limit of the Python client).
     */
    private static java.time.temporal.ChronoUnit precision(String language) {
        return language.equals("python") ? java.time.temporal.ChronoUnit.MICROS : java.time.temporal.ChronoUnit.NANOS;
    }

    private static void removeNulls(JsonNode node) {
        if (node instanceof tools.jackson.databind.node.ObjectNode object) {
            List<String> nulls = new ArrayList<>();
            object.properties().forEach(entry -> {
                if (entry.getValue().isNull()) {
                    nulls.add(entry.getKey());
                } else {
                    removeNulls(entry.getValue());
                }
            });
            nulls.forEach(object::remove);
        } else if (node.isArray()) {
            node.forEach(ZooThroughCentrifugoTests::removeNulls);
        }
    }

    private Set<String> unordered() {
        Set<String> names = new HashSet<>();
        this.values.path("sets").forEach(name -> names.add(name.asString()));
        return names;
    }

    @Test
    void getsEveryValueBackUnchangedInEveryLanguage() {
        List<String> table = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        table.add(String.format(
                "%-28s %-11s %-12s %s", "case", "method", "typescript", "python (null = absent, date-times to µs)"));
        for (JsonNode testCase : this.values.path("cases")) {
            String name = testCase.path("name").asString();
            StringBuilder row = new StringBuilder(
                    String.format("%-28s %-11s", name, testCase.path("method").asString()));
            for (Map.Entry<String, JsonNode> output : this.outputs.entrySet()) {
                String language = output.getKey();
                JsonNode result = output.getValue().path("cases").path(name);
                if (!result.has("received")) {
                    failures.add(language + " " + name + ": " + result);
                    row.append(String.format(" %-12s", "FAILED"));
                    continue;
                }
                JsonNode expected = testCase.has("value") ? testCase.get("value") : MAPPER.nullNode();
                List<String> differences = JsonValues.differences(
                        normalized(language, expected),
                        normalized(language, result.get("received")),
                        unordered(),
                        precision(language));
                row.append(String.format(" %-12s", differences.isEmpty() ? "same" : "DIFFERENT"));
                differences.forEach(difference -> failures.add(language + " " + name + " " + difference));
            }
            table.add(row.toString());
        }
        System.out.println("The type zoo through Centrifugo, by generated client:\n  " + String.join("\n  ", table));

        assertThat(table).hasSize(this.values.path("cases").size() + 1);
        assertThat(failures).isEmpty();
    }

    @Test
    void receivesTheTypedPublicationUnchangedInEveryLanguage() {
        this.outputs.forEach((language, output) -> {
            JsonNode publication = output.path("publication");

            assertThat(publication.path("channel").asString()).as(language).isEqualTo("zoo:cage.lions");
            assertThat(JsonValues.differences(
                            normalized(language, output.at("/sent/sighting")),
                            normalized(language, publication.path("data")),
                            unordered(),
                            precision(language)))
                    .as(language)
                    .isEmpty();
            assertThat(publication.at("/data/specimen/price").asString())
                    .as(language)
                    .isEqualTo("1234567890.123456789012345678900");
        });
    }

    @Test
    void cannotSubscribeToACageTheHandlerRefuses() {
        JsonNode closedCage = this.outputs.get("typescript").path("closedCage");
        assertThat(closedCage.isMissingNode()).isFalse();
        assertThat(closedCage.has("subscribed")).as("%s", closedCage).isFalse();
    }

    @Test
    void wasGeneratedFromTheContractTheServerAnswersWith() {
        this.outputs.forEach(
                (language, output) -> assertThat(output.path("serverVersion").asString())
                        .as(language)
                        .isNotBlank()
                        .isEqualTo(output.path("generatedVersion").asString()));
    }
}
