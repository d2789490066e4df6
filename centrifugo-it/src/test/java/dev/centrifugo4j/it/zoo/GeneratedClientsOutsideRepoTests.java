package dev.centrifugo4j.it.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.token.CentrifugoTokens;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
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
 * The TypeScript and Python packages the build generated with every default ({@code
 * target/generated-clients}, the project's version), used exactly as docs/clients.md tells a user, in
 * a fresh folder outside the repository: for TypeScript {@code npm install} of the package with
 * {@code centrifuge} and {@code ws}, a program compiled with {@code tsc --strict} and run in Node; for
 * Python a virtual environment, {@code pip install} of the package, {@code mypy --strict} of a program
 * (no mypy configuration) and {@code ruff} with pep8-naming on the package. Each program calls RPCs
 * through a real Centrifugo, has one refused with its violations and receives a typed publication.
 *
 * <p>Needs node, npm and python3 with venv; without them it is skipped with one line, under CI it
 * fails. npm and pip use their caches ({@code --prefer-offline} for npm).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientsOutsideRepoTests {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();

    private static final Path GENERATED = Path.of("target/generated-clients").toAbsolutePath();

    private static final Path PROGRAMS = Path.of("src/test/resources/outside").toAbsolutePath();

    /** What the user installs besides the package, pinned (the versions the other tests use, so caches hit). */
    private static final List<String> NPM_PACKAGES = List.of("centrifuge@5.8.0", "ws@8.23.0");

    private static final List<String> NPM_DEV_PACKAGES =
            List.of("typescript@5.9.3", "@types/node@20.19.43", "@types/ws@8.18.2");

    private static final List<String> PYTHON_TOOLS = List.of("mypy==2.4.1", "ruff==0.17.6");

    /** The user's tsconfig.json: strict, for Node's ES modules. */
    private static final String TSCONFIG = """
            {
              "compilerOptions": {
                "strict": true,
                "target": "ES2022",
                "module": "NodeNext",
                "moduleResolution": "NodeNext",
                "outDir": "dist"
              },
              "files": ["main.ts"]
            }
            """;

    private static final Duration STEP_TIMEOUT = Duration.ofMinutes(3);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final ZooCentrifugo centrifugo = new ZooCentrifugo();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        centrifugo.start(registry);
    }

    @AfterAll
    void stopCentrifugoAndRemoveTheFolder() throws IOException {
        if (this.typescript != null) {
            // Done before the folder goes, whether the tests ran or not.
            CompletableFuture.allOf(this.typescript, this.python)
                    .handle((done, failure) -> done)
                    .join();
        }
        centrifugo.close();
        if (this.outside != null) {
            try (Stream<Path> files = Files.walk(this.outside)) {
                files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Autowired
    private CentrifugoTokens tokens;

    /** The fresh folder outside the repository. */
    private Path outside;

    private Map<String, String> environment;

    private JsonNode specimen;

    private CompletableFuture<JsonNode> typescript;

    private CompletableFuture<JsonNode> python;

    @BeforeAll
    void requireTheToolsAndMakeAFolderOutsideTheRepository() throws IOException {
        for (String tool : List.of("node", "npm", "python3")) {
            if (onPath(tool).isEmpty()) {
                skipOrFail(tool + " is not on the PATH: install Node.js 20+ (with npm) and Python 3.10+ (with venv,"
                        + " Debian's python3-venv)");
            }
        }
        this.outside = Files.createTempDirectory("centrifugo4j-outside-").toRealPath();
        assertThat(this.outside.startsWith(REPOSITORY))
                .as("%s is outside the repository", this.outside)
                .isFalse();
        this.environment = Map.of(
                "CENTRIFUGO_URL",
                centrifugo.websocketUrl(),
                "CENTRIFUGO_TOKEN",
                this.tokens.connectionToken("visitor", Duration.ofMinutes(5)));
        this.specimen =
                MAPPER.readTree(ZooThroughCentrifugoTests.VALUES.toFile()).at("/cases/0/value");
        assertThat(GENERATED.resolve("typescript/package.json"))
                .as("the package centrifugo:generate wrote in the build")
                .exists();
        // The two languages side by side (installing is mostly waiting): each program uses a cage of its own.
        ExecutorService languages = Executors.newFixedThreadPool(2);
        this.typescript = CompletableFuture.supplyAsync(this::typescriptProgram, languages);
        this.python = CompletableFuture.supplyAsync(this::pythonProgram, languages);
        languages.shutdown();
    }

    @Test
    void theTypeScriptPackageInstallsWithNpmCompilesStrictAndRunsInNode() {
        JsonNode output = this.typescript.join();

        assertThatTheProgramCalledWasRefusedAndReceived(output, "outside-typescript");
        assertThat(output.at("/publication/offsetAt").asString())
                .isEqualTo(this.specimen.path("offsetAt").asString());
    }

    @Test
    void thePythonPackageInstallsWithPipPassesMypyStrictAndRuffAndRuns() {
        JsonNode output = this.python.join();

        assertThatTheProgramCalledWasRefusedAndReceived(output, "outside-python");
        // Python's datetime holds microseconds: the same instant, to the microsecond.
        assertThat(OffsetDateTime.parse(output.at("/publication/offsetAt").asString()))
                .isEqualTo(OffsetDateTime.parse(this.specimen.path("offsetAt").asString())
                        .truncatedTo(ChronoUnit.MICROS));
    }

    /** npm install, tsc --strict, node: what the program printed. */
    private JsonNode typescriptProgram() {
        Path project = folder("typescript-app");
        // The documentation's commands: the package with the SDK and ws, then the compiler and types.
        npm(project, GENERATED.resolve("typescript").toString(), NPM_PACKAGES);
        npm(project, "--save-dev", NPM_DEV_PACKAGES);
        assertThat(project.resolve("node_modules/zoo-client/index.js")).exists();

        run(project, "node", "node_modules/typescript/bin/tsc", "-p", ".");
        return lastLine(run(
                project, "node", "dist/main.js", ZooThroughCentrifugoTests.VALUES.toString(), "outside-typescript"));
    }

    /** venv, pip install, mypy --strict, ruff, python: what the program printed. */
    private JsonNode pythonProgram() {
        Path project = folder("python-app");
        Path venv = project.resolve(".venv");
        run(project, "python3", "-m", "venv", venv.toString());
        String pip = venv.resolve("bin/pip").toString();
        run(
                project,
                pip,
                "install",
                "--quiet",
                "--disable-pip-version-check",
                GENERATED.resolve("python").toString());
        run(
                project,
                concat(
                        List.of(pip, "install", "--quiet", "--disable-pip-version-check", "--no-compile"),
                        PYTHON_TOOLS));

        // No mypy configuration: the package's py.typed and the SDK stubs it brings are all it takes.
        assertThat(run(project, venv.resolve("bin/mypy").toString(), "--strict", "main.py"))
                .startsWith("Success: no issues found in 1 source file");
        assertThat(run(
                        project,
                        venv.resolve("bin/ruff").toString(),
                        "check",
                        "--no-cache",
                        "--select",
                        "N,E,F,W",
                        GENERATED.resolve("python").toString()))
                .contains("All checks passed!");
        return lastLine(run(
                project,
                venv.resolve("bin/python").toString(),
                "main.py",
                ZooThroughCentrifugoTests.VALUES.toString(),
                "outside-python"));
    }

    private void assertThatTheProgramCalledWasRefusedAndReceived(JsonNode output, String cage) {
        assertThat(output.path("serverVersion").asString())
                .as("the contract the server was compiled with, %s", output)
                .isNotBlank()
                .isEqualTo(output.path("generatedVersion").asString());
        assertThat(output.path("shape"))
                .isEqualTo(MAPPER.readTree("{\"kind\": \"square\", \"side\": 2.5, \"label\": \"outside\"}"));
        assertThat(output.path("page"))
                .isEqualTo(MAPPER.readTree("{\"items\": [{\"sku\": \"hay\", \"quantity\": 3}], \"total\": 1}"));
        assertThat(output.at("/refused/code").asInt()).as("%s", output).isEqualTo(422);
        assertThat(output.at("/refused/fields").toString()).contains("cage");
        assertThat(output.at("/publication/animal").asString())
                .as("%s on %s", output, cage)
                .isEqualTo("lion");
        assertThat(output.at("/publication/boxedCount").asInt())
                .isEqualTo(this.specimen.path("boxedCount").asInt());
    }

    /** A folder of the program's project with the program in it, from src/test/resources/outside. */
    private Path folder(String name) {
        try {
            Path project = Files.createDirectories(this.outside.resolve(name));
            String program = name.startsWith("typescript") ? "main.ts" : "main.py";
            Files.copy(PROGRAMS.resolve(program), project.resolve(program));
            if (name.startsWith("typescript")) {
                Files.writeString(project.resolve("package.json"), "{ \"private\": true, \"type\": \"module\" }\n");
                Files.writeString(project.resolve("tsconfig.json"), TSCONFIG);
            }
            return project;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private void npm(Path project, String first, List<String> packages) {
        run(
                project,
                concat(
                        List.of(
                                "npm",
                                "install",
                                "--no-audit",
                                "--no-fund",
                                "--prefer-offline",
                                "--loglevel=error",
                                first),
                        packages));
    }

    private String run(Path directory, String... command) {
        return run(directory, Arrays.asList(command));
    }

    private String run(Path directory, List<String> command) {
        Map<String, String> environment = new HashMap<>(this.environment);
        environment.put("PIP_NO_INPUT", "1");
        long start = System.nanoTime();
        String output = Commands.run(directory, environment, STEP_TIMEOUT, command);
        System.out.printf(
                "outside the repository: %s took %d ms%n",
                String.join(" ", command.subList(0, Math.min(3, command.size()))),
                Duration.ofNanos(System.nanoTime() - start).toMillis());
        return output;
    }

    private static JsonNode lastLine(String output) {
        return MAPPER.readTree(Commands.lastLine(output));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private static Optional<Path> onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(folder -> !folder.isEmpty())
                .map(folder -> Path.of(folder, tool))
                .filter(Files::isExecutable)
                .findFirst();
    }

    private static void skipOrFail(String missing) {
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(missing + " (CI is set, so this is a failure, not a skip)");
        }
        // A class skipped in @BeforeAll shows as "Tests run: 0" in the build output: say why there.
        System.err.println("SKIPPED GeneratedClientsOutsideRepoTests: " + missing);
        Assumptions.abort(missing);
    }
}
