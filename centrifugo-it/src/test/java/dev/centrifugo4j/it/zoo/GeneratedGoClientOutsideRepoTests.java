package dev.centrifugo4j.it.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.token.CentrifugoTokens;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The generated Go client used as docs/clients.md tells a user to: in a new module in a temporary
 * folder outside the repository, with the commands of the docs' Go section ({@link #DOCUMENTED_COMMANDS},
 * the docs must hold them as they are), then a program (resource {@code go-user/main.go.txt}) that
 * calls RPC methods, sees a refused subscription as an error and receives a typed publication through a
 * real Centrifugo and the zoo application.
 *
 * <p>Needs Go and staticcheck ({@code centrifugo-codegen/go/install-staticcheck}, run by the build):
 * skipped with one line without them, a failure when {@code CI} is set.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class GeneratedGoClientOutsideRepoTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    /** The module the build generates (centrifugo-it's pom: goModulePath). */
    private static final Path GENERATED = Path.of("client/generated/go").toAbsolutePath();

    private static final String MODULE = "example.com/zoo/client";

    /** What docs/clients.md shows, with the docs' module and folder. */
    private static final String DOCS_MODULE = "example.com/my-app-client";

    private static final String DOCS_FOLDER = "../my-app/target/generated-clients/go";

    /** The commands of the docs, in their order; {module} and {folder} as the docs write them. */
    static final List<String> DOCUMENTED_COMMANDS = List.of(
            "go mod init example.com/my-app-watcher",
            "go mod edit -require={module}@v0.0.0 -replace={module}={folder}",
            "go mod tidy",
            "go vet ./...",
            "staticcheck {module}");

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final ZooCentrifugo centrifugo = new ZooCentrifugo();

    private static Path staticcheck;

    private static Path program;

    /** What each documented command printed, in order. */
    private static final List<String> outputs = new ArrayList<>();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        centrifugo.start(registry);
    }

    @AfterAll
    static void stopCentrifugoAndDeleteTheModule() throws IOException {
        centrifugo.close();
        if (program != null) {
            try (var files = Files.walk(program)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /** Runs before the application and Centrifugo start, so that a missing tool costs nothing. */
    @BeforeAll
    static void followTheDocsInANewModuleOutsideTheRepository() throws IOException {
        require(onPath("go"), "'go' is not on the PATH: install Go 1.26 (CONTRIBUTING.md, Toolchains)");
        staticcheck = require(
                staticcheckBinary(),
                "no staticcheck in the project's cache: centrifugo-codegen/go/install-staticcheck installs it (the"
                        + " build runs it)");
        program = Files.createTempDirectory("centrifugo4j-go-user-");
        assertThat(program.toRealPath().startsWith(REPOSITORY.toRealPath()))
                .as("%s is outside the repository", program)
                .isFalse();
        Files.copy(Path.of("src/test/resources/go-user/main.go.txt"), program.resolve("main.go"));
        for (String command : DOCUMENTED_COMMANDS) {
            List<String> words = new ArrayList<>(Arrays.asList(command.replace("{module}", MODULE)
                    .replace("{folder}", GENERATED.toString())
                    .split(" ")));
            if (words.get(0).equals("staticcheck")) {
                words.set(0, staticcheck.toString());
                words.add(1, "-checks");
                words.add(2, "all");
            }
            outputs.add(Commands.run(program, Map.of(), TIMEOUT, words));
        }
    }

    @Autowired
    private CentrifugoTokens tokens;

    @Test
    void theDocsShowTheseCommands() throws IOException {
        String docs = Files.readString(REPOSITORY.resolve("docs/clients.md"));

        for (String command : DOCUMENTED_COMMANDS) {
            assertThat(docs).contains(command.replace("{module}", DOCS_MODULE).replace("{folder}", DOCS_FOLDER));
        }
    }

    @Test
    void theProgramPassesGoVetAndTheGeneratedPackageStaticcheck() throws IOException {
        assertThat(outputs).hasSize(DOCUMENTED_COMMANDS.size());
        assertThat(outputs.get(DOCUMENTED_COMMANDS.indexOf("go vet ./..."))).isEmpty();
        assertThat(outputs.get(DOCUMENTED_COMMANDS.indexOf("staticcheck {module}")))
                .isEmpty();
        assertThat(Files.readString(program.resolve("go.mod")))
                .contains("\texample.com/zoo/client v0.0.0\n", "replace example.com/zoo/client => " + GENERATED);
    }

    @Test
    void callsSeesARefusedSubscriptionAsAnErrorAndReceivesATypedPublication() throws Exception {
        JsonNode values = MAPPER.readTree(ZooThroughCentrifugoTests.VALUES.toFile());
        ObjectNode request = MAPPER.createObjectNode().put("cage", "penguins");
        ObjectNode sighting = ((ObjectNode) values.at("/sighting/sighting")).deepCopy();
        sighting.set("specimen", values.at("/cases/0/value"));
        request.set("sighting", sighting);

        String output = Commands.run(
                program,
                Map.of(
                        "CENTRIFUGO_URL",
                        centrifugo.websocketUrl(),
                        "CENTRIFUGO_TOKEN",
                        this.tokens.connectionToken("watcher", Duration.ofMinutes(5))),
                TIMEOUT,
                List.of("go", "run", ".", MAPPER.writeValueAsString(request)));
        JsonNode report = MAPPER.readTree(Commands.lastLine(output));

        assertThat(report.has("failure")).as("%s", report).isFalse();
        assertThat(report.path("circleRadius").asDouble()).isEqualTo(2.5);
        assertThat(report.at("/invalidCall/code").asInt()).isEqualTo(422);
        assertThat(report.at("/invalidCall/violations/0/field").asString()).isEqualTo("cage");
        assertThat(report.at("/refusedSubscription/code").asInt()).isEqualTo(403);
        assertThat(report.at("/refusedSubscription/message").asString()).isEqualTo("permission denied");
        assertThat(report.at("/refusedSubscription/permissionDenied").asBoolean())
                .isTrue();
        assertThat(report.at("/publication/channel").asString()).isEqualTo("zoo:cage.penguins");
        assertThat(report.at("/publication/animal")).isEqualTo(sighting.path("animal"));
        assertThat(report.at("/publication/specimenName")).isEqualTo(sighting.at("/specimen/name"));
        assertThat(report.path("sameContract").asBoolean()).isTrue();
    }

    private static Optional<Path> onPath(String command) {
        return Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(folder -> Path.of(folder, command))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static Optional<Path> staticcheckBinary() {
        String cache = System.getenv("CENTRIFUGO4J_CACHE");
        Path root = (cache != null && !cache.isBlank())
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "centrifugo4j");
        return Optional.of(root.resolve("staticcheck/staticcheck")).filter(Files::isExecutable);
    }

    /** The tool, or a skip saying what is missing (a failure when CI is set). */
    private static Path require(Optional<Path> tool, String missing) {
        if (tool.isPresent()) {
            return tool.get();
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(missing + " (CI is set, so this is a failure, not a skip)");
        }
        // A class skipped in @BeforeAll shows as "Tests run: 0" in the build output: say why there.
        System.err.println("SKIPPED GeneratedGoClientOutsideRepoTests: " + missing);
        Assumptions.abort(missing);
        throw new AssertionError("unreachable");
    }
}
