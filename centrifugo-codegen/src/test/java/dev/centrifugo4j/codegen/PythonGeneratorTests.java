package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.codegen.python.PythonGenerator;
import dev.centrifugo4j.codegen.python.PythonTypeMapper;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.ContractReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

class PythonGeneratorTests {

    private static final Path CONTRACT = Path.of("src/test/resources/zoo-contract.json");

    private static String resource(String name) throws IOException {
        try (InputStream in = PythonGeneratorTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Contract zoo() throws IOException {
        return new ContractReader().read(resource("zoo-contract.json"));
    }

    @Nested
    class TheGeneratedPackage {

        @Test
        void matchesTheGoldenFilesForTheTypeZoo() throws IOException {
            Map<String, String> files = new PythonGenerator().generate(zoo(), "zoo-client", "zoo_client");

            assertThat(files)
                    .containsOnlyKeys(
                            "pyproject.toml",
                            "zoo_client/__init__.py",
                            "zoo_client/py.typed",
                            "zoo_client/models.py",
                            "zoo_client/errors.py",
                            "zoo_client/subscription.py",
                            "zoo_client/client.py");
            for (Map.Entry<String, String> file : files.entrySet()) {
                assertThat(file.getValue()).as(file.getKey()).isEqualTo(resource("golden/python/" + file.getKey()));
            }
        }
    }

    /** The package checked and run with the real tools, in the venv the build creates. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithPython {

        private final Path folder = Path.of("target/codegen-tests/zoo");

        private Path venv;

        @BeforeAll
        void generate() {
            this.venv = Processes.pythonVenv();
            new ClientGenerator()
                    .generate(new GenerateRequest(
                            CONTRACT, this.folder, List.of(Language.PYTHON), "zoo-client", "zoo_client", "zoo-client"));
        }

        @Test
        void passesMypyStrictWithNoErrors() throws Exception {
            String output = Processes.run(
                    this.folder.resolve("python"),
                    Map.of(),
                    this.venv.resolve("bin/mypy").toString(),
                    "--strict",
                    "--no-incremental",
                    "zoo_client");

            assertThat(output).startsWith("Success: no issues found in 5 source files");
        }

        @Test
        void installsWithPipWithItsTypeMarker(@TempDir Path target) throws Exception {
            Processes.run(
                    this.folder.resolve("python"),
                    Map.of(),
                    this.venv.resolve("bin/python").toString(),
                    "-m",
                    "pip",
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    "--no-build-isolation",
                    "--no-deps",
                    "--target",
                    target.toString(),
                    ".");

            assertThat(target.resolve("zoo_client/py.typed")).exists();
            assertThat(target.resolve("zoo_client/client.py")).exists();
            try (var entries = Files.list(target)) {
                assertThat(entries.map(path -> path.getFileName().toString()))
                        .anyMatch(name -> name.startsWith("zoo_client-0.0.0") && name.endsWith(".dist-info"));
            }
        }

        @Test
        void validatesRoundTripsAndRaisesTypedErrors() throws Exception {
            Path behavior = Path.of("src/test/resources/behavior").toAbsolutePath();
            String output = Processes.run(
                    this.folder.resolve("python"),
                    Map.of("PYTHONPATH", "."),
                    this.venv.resolve("bin/python").toString(),
                    behavior.resolve("test_zoo_client.py").toString(),
                    behavior.toString());

            assertThat(output).contains("Ran 14 tests").contains("OK");
        }
    }

    @Nested
    class Names {

        private final PythonTypeMapper types = new PythonTypeMapper("");

        @Test
        void rpcNamesBecomeSnakeCaseMethods() {
            assertThat(this.types.methodName("orders.get_status")).isEqualTo("orders_get_status");
            assertThat(this.types.methodName("admin:get_status")).isEqualTo("admin_get_status");
            assertThat(this.types.methodName("orders.getStatus")).isEqualTo("orders_get_status");
            assertThat(this.types.methodName("system.ping.later")).isEqualTo("system_ping_later");
        }

        @Test
        void keywordsAndModelAttributesGetATrailingUnderscore() {
            assertThat(this.types.methodName("import")).isEqualTo("import_");
            assertThat(this.types.fieldName("class")).isEqualTo("class_");
            assertThat(this.types.fieldName("json")).isEqualTo("json_");
            assertThat(this.types.fieldName("model_name")).isEqualTo("model_name_");
            assertThat(this.types.fieldName("str")).isEqualTo("str_");
            assertThat(this.types.fieldName("@type")).isEqualTo("type_");
            assertThat(this.types.typeName("RpcError")).isEqualTo("RpcError_");
        }

        @Test
        void jsonNamesThatArePythonNamesStayAsTheyAre() {
            assertThat(this.types.fieldName("boxedCount")).isEqualTo("boxedCount");
            assertThat(this.types.fieldName("renamed_field")).isEqualTo("renamed_field");
        }

        @Test
        void enumValuesBecomeUpperSnakeCaseMembers() {
            assertThat(this.types.enumMember("s")).isEqualTo("S");
            assertThat(this.types.enumMember("in-progress")).isEqualTo("IN_PROGRESS");
            assertThat(this.types.enumMember("1st")).isEqualTo("V_1ST");
        }
    }
}
