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
            Map<String, String> files =
                    new PythonGenerator().generate(zoo(), "zoo-client", "zoo_client", "1.4.0-SNAPSHOT");

            assertThat(files)
                    .containsOnlyKeys(
                            "pyproject.toml",
                            "README.md",
                            "zoo_client/__init__.py",
                            "zoo_client/py.typed",
                            "zoo_client/models.py",
                            "zoo_client/errors.py",
                            "zoo_client/subscription.py",
                            "zoo_client/client.py",
                            "stubs/centrifuge/__init__.pyi",
                            "stubs/centrifuge/client.pyi",
                            "stubs/centrifuge/contexts.pyi",
                            "stubs/centrifuge/exceptions.pyi",
                            "stubs/centrifuge/filter.pyi",
                            "stubs/centrifuge/handlers.pyi",
                            "stubs/centrifuge/types.pyi",
                            "stubs/centrifuge/py.typed");
            if (Boolean.getBoolean("golden.update")) {
                // -Dgolden.update=true rewrites the golden files, to review in the diff.
                for (Map.Entry<String, String> file : files.entrySet()) {
                    if (file.getKey().startsWith("stubs/")) {
                        continue;
                    }
                    Path golden = Path.of("src/test/resources/golden/python").resolve(file.getKey());
                    Files.createDirectories(golden.getParent());
                    Files.writeString(golden, file.getValue());
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                // The SDK's stubs are written as they are kept, after the notice.
                String expected = file.getKey().startsWith("stubs/")
                                && file.getKey().endsWith(".pyi")
                        ? "# " + GeneratedFiles.NOTICE + "\n"
                                + resource("dev/centrifugo4j/codegen/python/centrifuge-stubs/"
                                        + file.getKey().substring("stubs/centrifuge/".length()))
                        : file.getKey().startsWith("stubs/") ? "partial\n" : resource("golden/python/" + file.getKey());
                assertThat(file.getValue()).as(file.getKey()).isEqualTo(expected);
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
            // The SDK's stubs, where mypy finds them for the programs that import centrifuge (PEP 561).
            assertThat(target.resolve("centrifuge-stubs/__init__.pyi")).exists();
            assertThat(target.resolve("centrifuge-stubs/py.typed")).hasContent("partial");
            try (var entries = Files.list(target)) {
                assertThat(entries.map(path -> path.getFileName().toString()))
                        .anyMatch(name -> name.startsWith("zoo_client-0.0.0") && name.endsWith(".dist-info"));
            }
        }

        /**
         * The stubs the package brings for centrifuge-python say what the installed SDK has: mypy's
         * stubtest compares them with it (the SDK's internal modules, which the stubs leave out, are
         * allowed to be missing).
         */
        @Test
        void bringsStubsOfTheSdkThatMatchTheSdk(@TempDir Path temp) throws Exception {
            Path allowlist = temp.resolve("allowlist.txt");
            Files.writeString(allowlist, """
                    centrifuge\\.__meta__
                    centrifuge\\.codecs
                    centrifuge\\.codes
                    centrifuge\\.fossil
                    centrifuge\\.utils
                    centrifuge\\.protocol(\\..*)?
                    centrifuge\\.client\\.logger
                    """);
            String output = Processes.run(
                    this.folder.resolve("python"),
                    Map.of(
                            "MYPYPATH",
                            this.folder.resolve("python/stubs").toAbsolutePath().toString()),
                    this.venv.resolve("bin/python").toString(),
                    "-m",
                    "mypy.stubtest",
                    "centrifuge",
                    "--allowlist",
                    allowlist.toString());

            assertThat(output).contains("Success: no issues found");
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

            assertThat(output).contains("Ran 15 tests").contains("OK");
        }
    }

    @Nested
    class Versions {

        @Test
        void mavenVersionsBecomePep440Versions() {
            assertThat(PythonTypeMapper.packageVersion("1.2.0-SNAPSHOT")).isEqualTo("1.2.0.dev0");
            assertThat(PythonTypeMapper.packageVersion("1.2")).isEqualTo("1.2");
            assertThat(PythonTypeMapper.packageVersion("2.0-RC1")).isEqualTo("2.0rc1");
            assertThat(PythonTypeMapper.packageVersion("1.0-alpha-1")).isEqualTo("1.0a1");
            assertThat(PythonTypeMapper.packageVersion("1.0-beta2-SNAPSHOT")).isEqualTo("1.0b2.dev0");
            assertThat(PythonTypeMapper.packageVersion("1.0.Final")).isEqualTo("1.0");
            assertThat(PythonTypeMapper.packageVersion("1.2-acme-3")).isEqualTo("1.2+acme.3");
            assertThat(PythonTypeMapper.packageVersion("3.1.post2")).isEqualTo("3.1.post2");
        }

        @Test
        void thePackageHasTheApplicationsVersion() throws IOException {
            String pyproject = new PythonGenerator()
                    .generate(zoo(), "zoo-client", "zoo_client", "0.3.0-SNAPSHOT")
                    .get("pyproject.toml");

            assertThat(pyproject).contains("version = \"0.3.0.dev0\"");
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
        void attributesAndParametersAreSnakeCaseAsPep8HasIt() {
            assertThat(this.types.fieldName("boxedCount")).isEqualTo("boxed_count");
            assertThat(this.types.fieldName("unitPrice")).isEqualTo("unit_price");
            assertThat(this.types.fieldName("HTTPServer")).isEqualTo("http_server");
            assertThat(this.types.fieldName("renamed_field")).isEqualTo("renamed_field");
            assertThat(this.types.identifier("roomId")).isEqualTo("room_id");
            assertThat(this.types.identifier("cage")).isEqualTo("cage");
        }

        @Test
        void namesPycodestyleFindsAmbiguousGetATrailingUnderscore() {
            assertThat(this.types.fieldName("l")).isEqualTo("l_");
            assertThat(this.types.identifier("l")).isEqualTo("l_");
            assertThat(this.types.enumMember("o")).isEqualTo("O_");
            assertThat(this.types.enumMember("i")).isEqualTo("I_");
        }

        @Test
        void theModelsReadAndWriteTheJsonNamesAndAreBuiltWithTheAttributes() throws IOException {
            String models = new PythonGenerator()
                    .generate(zoo(), "zoo-client", "zoo_client", "1.0")
                    .get("zoo_client/models.py");

            // Not alias=, which type checkers would take for the constructor's keyword.
            assertThat(models)
                    .contains("    boxed_count: int = _pd.Field(\n"
                            + "        validation_alias=\"boxedCount\", serialization_alias=\"boxedCount\"\n"
                            + "    )\n")
                    .doesNotContain("alias=\"boxedCount\")")
                    .contains("validate_by_name=True")
                    .contains("serialize_by_alias=True");
        }

        @Test
        void channelVariablesNamedLikeTheFunctionsOwnNamesGetDistinctNames() {
            Contract contract =
                    TestContracts.channel("c:{self}.{data}.{timeout}.{str}", "self", "data", "timeout", "str");

            String client = new PythonGenerator()
                    .generate(contract, "names", "names", "1.0")
                    .get("names/client.py");

            // Before: "duplicate argument 'self'", and the channel built from the publication, not the variable.
            assertThat(client)
                    .contains(
                            "    def subscribe_c(\n        self, self2: str, data2: str, timeout2: str, str2: str\n    )")
                    .contains("        data: str,\n        *,\n        timeout: float | None = None,\n")
                    .contains("f\"c:{self2}.{data2}.{timeout2}.{str2}\"");
        }

        @Test
        void enumValuesBecomeUpperSnakeCaseMembers() {
            assertThat(this.types.enumMember("s")).isEqualTo("S");
            assertThat(this.types.enumMember("in-progress")).isEqualTo("IN_PROGRESS");
            assertThat(this.types.enumMember("1st")).isEqualTo("V_1ST");
        }
    }
}
