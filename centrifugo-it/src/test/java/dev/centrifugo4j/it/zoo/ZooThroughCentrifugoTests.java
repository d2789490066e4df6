package dev.centrifugo4j.it.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
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
 * The type zoo through a real Centrifugo, in every language a client is generated for: the
 * TypeScript client (compiled with {@code tsc --strict} by the build) over the official JavaScript
 * SDK, the Python client (checked with {@code mypy --strict}) over centrifuge-python and the Go
 * client (checked with {@code go vet}) over centrifuge-go each send every case of {@code
 * zoo-values.json}, built into the generated parameter type, and must get each value back
 * unchanged; each subscribes to the typed channel {@code zoo:cage.{cage}} and receives the sighting
 * the server publishes through {@code TypedChannel}.
 *
 * <p>{@link #KNOWN_DIFFERENCES} lists what a language cannot carry exactly, with the reason; any
 * other difference fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZooThroughCentrifugoTests {

    static final Path VALUES = Path.of("src/test/resources/zoo-values.json").toAbsolutePath();

    static final Path CLIENT = Path.of("client").toAbsolutePath();

    static final List<String> LANGUAGES = List.of("TypeScript", "Python", "Go");

    /**
     * What a language's client does not carry exactly, with the reason: a language, the cases it
     * applies to (any when empty) and the differences it explains, as {@link JsonValues#differences}
     * writes them. Every entry must explain at least one difference of the run, so the list stays true;
     * a difference no entry explains fails.
     */
    static final List<KnownDifference> KNOWN_DIFFERENCES = List.of(
            new KnownDifference(
                    "Python",
                    Set.of("everything"),
                    Pattern.compile(Pattern.quote(
                            "/at: \"2026-01-02T03:04:05.123456789Z\" != \"2026-01-02T03:04:05.123456Z\"")),
                    "LOSS: Python's datetime has microseconds, so an Instant's nanoseconds lose their last three digits"),
            new KnownDifference(
                    "Python",
                    Set.of(),
                    Pattern.compile(".*: null != absent"),
                    "same value: an optional property (not required by the contract) that is null is left out, as"
                            + " the generated models write it (__optional__); the server reads it as null"),
            new KnownDifference(
                    "Go",
                    Set.of(),
                    Pattern.compile(".*: null != absent"),
                    "same value: an optional property (not required by the contract) that is null is left out, as"
                            + " the generated structs write it (omitzero); the server reads it as null"));

    /** A difference a language's client is known to make, and why. */
    record KnownDifference(String language, Set<String> cases, Pattern difference, String reason) {

        boolean explains(String language, String caseName, String difference) {
            return this.language.equals(language)
                    && (this.cases.isEmpty() || this.cases.contains(caseName))
                    && this.difference.matcher(difference).matches();
        }
    }

    /** The known differences that explained a difference of this run. */
    private final Set<KnownDifference> used = new HashSet<>();

    /** The differences no known difference explains; the others are added to notes with their reason. */
    private List<String> unexplained(String language, String caseName, List<String> differences, List<String> notes) {
        List<String> unexplained = new ArrayList<>();
        for (String difference : differences) {
            KnownDifference known = KNOWN_DIFFERENCES.stream()
                    .filter(candidate -> candidate.explains(language, caseName, difference))
                    .findFirst()
                    .orElse(null);
            if (known == null) {
                unexplained.add(difference);
            } else {
                this.used.add(known);
                notes.add(language + " | " + caseName + " | " + difference + " | " + known.reason());
            }
        }
        return unexplained;
    }

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final Duration DRIVER_TIMEOUT = Duration.ofMinutes(3);

    private static final ZooCentrifugo centrifugo = new ZooCentrifugo();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        centrifugo.start(registry);
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @Autowired
    private CentrifugoTokens tokens;

    private JsonNode values;

    /** What each language's driver printed, by language. */
    private final Map<String, JsonNode> outputs = new LinkedHashMap<>();

    @BeforeAll
    void sendTheZooWithEveryClient() throws Exception {
        this.values = MAPPER.readTree(VALUES.toFile());
        Map<String, String> environment = Map.of(
                "CENTRIFUGO_URL",
                centrifugo.websocketUrl(),
                "CENTRIFUGO_TOKEN",
                this.tokens.connectionToken("keeper", Duration.ofMinutes(5)));
        // One after the other: they subscribe to the same cage and each has the server publish into it.
        this.outputs.put(
                "TypeScript",
                JavaScriptClient.in(CLIENT)
                        .withTimeout(DRIVER_TIMEOUT)
                        .run("zoo-steps.mjs", environment, VALUES.toString()));
        this.outputs.put("Python", runPython(environment));
        this.outputs.put("Go", runGo(environment));
        this.outputs.forEach((language, output) -> {
            assertThat(output.path("connected").asBoolean())
                    .as("%s connected: %s", language, output)
                    .isTrue();
            assertThat(output.has("failure")).as("%s: %s", language, output).isFalse();
        });
    }

    /** Checks the generated Python client and the driver with {@code mypy --strict}, then runs the driver. */
    private static JsonNode runPython(Map<String, String> environment) {
        Path python = Commands.pythonVenv().resolve("bin/python");
        Map<String, String> withPath = new HashMap<>(environment);
        withPath.put("PYTHONPATH", CLIENT.resolve("generated/python").toString());
        withPath.put(
                "MYPY_CACHE_DIR", Path.of("target/mypy-cache").toAbsolutePath().toString());
        Commands.run(
                CLIENT,
                withPath,
                DRIVER_TIMEOUT,
                List.of(
                        python.toString(),
                        "-m",
                        "mypy",
                        "--strict",
                        // Its mypy_path: the stubs of centrifuge-python (no py.typed marker) the package brings.
                        "--config-file",
                        "generated/python/pyproject.toml",
                        "generated/python/zoo_client",
                        "python/zoo_steps.py"));
        return MAPPER.readTree(Commands.lastLine(Commands.run(
                CLIENT,
                withPath,
                DRIVER_TIMEOUT,
                List.of(python.toString(), "python/zoo_steps.py", VALUES.toString()))));
    }

    /** Checks the generated Go client and the driver with {@code go vet}, then runs the driver. */
    private static JsonNode runGo(Map<String, String> environment) {
        // Resolves the modules' requirements through the Go module proxy and records them in go.sum.
        Map<String, String> withFlags = new HashMap<>(environment);
        withFlags.put("GOFLAGS", "-mod=mod");
        Path driver = CLIENT.resolve("go");
        Commands.run(driver, withFlags, DRIVER_TIMEOUT, List.of("go", "vet", "./...", "example.com/zoo/client/..."));
        return MAPPER.readTree(Commands.lastLine(
                Commands.run(driver, withFlags, DRIVER_TIMEOUT, List.of("go", "run", ".", VALUES.toString()))));
    }

    private Set<String> unordered() {
        Set<String> names = new HashSet<>();
        this.values.path("sets").forEach(name -> names.add(name.asString()));
        return names;
    }

    @Test
    void getsEveryValueBackUnchangedInEveryLanguage() {
        List<String> table = new ArrayList<>();
        table.add(String.format("%-28s %-10s %-18s %-18s %-18s", "case", "method", "TypeScript", "Python", "Go"));
        List<String> failures = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (JsonNode testCase : this.values.path("cases")) {
            String name = testCase.path("name").asString();
            JsonNode expected = testCase.has("value") ? testCase.get("value") : MAPPER.nullNode();
            List<String> cells = new ArrayList<>();
            for (String language : LANGUAGES) {
                JsonNode result = this.outputs.get(language).path("cases").path(name);
                if (!result.has("received")) {
                    cells.add("FAILED");
                    failures.add(language + " " + name + ": " + result);
                    continue;
                }
                List<String> differences = JsonValues.differences(expected, result.get("received"), unordered());
                List<String> unexplained = unexplained(language, name, differences, notes);
                if (!unexplained.isEmpty()) {
                    cells.add("DIFFERENT: " + unexplained.get(0));
                    unexplained.forEach(difference -> failures.add(language + " " + name + " " + difference));
                } else {
                    cells.add(differences.isEmpty() ? "same" : "same*");
                }
            }
            table.add(String.format(
                    "%-28s %-10s %-18s %-18s %-18s",
                    name, testCase.path("method").asString(), cells.get(0), cells.get(1), cells.get(2)));
        }
        System.out.println("The type zoo through Centrifugo, by language:\n  " + String.join("\n  ", table)
                + (notes.isEmpty()
                        ? ""
                        : "\n(* same but for known differences: language | case | difference | reason)\n  "
                                + String.join("\n  ", notes))
                + (failures.isEmpty() ? "" : "\nDifferences:\n  " + String.join("\n  ", failures)));

        assertThat(table).hasSize(this.values.path("cases").size() + 1);
        assertThat(failures).isEmpty();
        assertThat(KNOWN_DIFFERENCES).as("every known difference occurs").allMatch(this.used::contains);
    }

    @Test
    void receivesTheTypedPublicationUnchangedInEveryLanguage() {
        this.outputs.forEach((language, output) -> {
            JsonNode publication = output.path("publication");

            assertThat(publication.path("channel").asString()).as(language).isEqualTo("zoo:cage.lions");
            // What the server published is what the values file holds, but for the language's known differences.
            assertThat(unexplained(
                            language,
                            "everything",
                            JsonValues.differences(
                                    this.values.at("/cases/0/value"),
                                    publication.path("data").path("specimen"),
                                    unordered()),
                            new ArrayList<>()))
                    .as(language)
                    .isEmpty();
            assertThat(publication.at("/data/animal"))
                    .as(language)
                    .isEqualTo(this.values.at("/sighting/sighting/animal"));
            assertThat(publication.at("/data/at")).as(language).isEqualTo(this.values.at("/sighting/sighting/at"));
            assertThat(JsonValues.differences(output.at("/sent/sighting"), publication.path("data"), unordered()))
                    .as(language)
                    .isEmpty();
            assertThat(publication.at("/data/specimen/price").asString())
                    .as(language)
                    .isEqualTo("1234567890.123456789012345678900");
        });
    }

    @Test
    void cannotSubscribeToACageTheHandlerRefusesInAnyLanguage() {
        this.outputs.forEach(
                (language, output) -> assertThat(output.path("closedCage").has("subscribed"))
                        .as("%s: %s", language, output.path("closedCage"))
                        .isFalse());
    }

    @Test
    void aGoSubscribeThatTimesOutReturnsTheLastTemporaryRefusal() {
        JsonNode cleaning = this.outputs.get("Go").path("cleaningCage");
        assertThat(cleaning.path("deadline").asBoolean()).as("%s", cleaning).isTrue();
        assertThat(cleaning.path("refusal").path("code").asInt())
                .as("%s", cleaning)
                .isEqualTo(1001);
        assertThat(cleaning.path("refusal").path("temporary").asBoolean())
                .as("%s", cleaning)
                .isTrue();
        assertThat(cleaning.path("error").asString()).contains("the cage is being cleaned");
    }

    @Test
    void wasGeneratedFromTheContractTheServerAnswersWithInEveryLanguage() {
        this.outputs.forEach(
                (language, output) -> assertThat(output.path("serverVersion").asString())
                        .as(language)
                        .isNotBlank()
                        .isEqualTo(output.path("generatedVersion").asString()));
    }
}
