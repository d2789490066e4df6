package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.centrifugo4j.codegen.go.GoGenerator;
import dev.centrifugo4j.codegen.go.GoTypeMapper;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.ContractReader;
import dev.centrifugo4j.contract.TypeDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

class GoGeneratorTests {

    private static final Path CONTRACT = Path.of("src/test/resources/zoo-contract.json");

    /** Resolves the module's requirements through the Go module proxy and records them in go.sum. */
    private static final Map<String, String> GO_ENV = Map.of("GOFLAGS", "-mod=mod");

    private static String resource(String name) throws IOException {
        try (InputStream in = GoGeneratorTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Contract zoo() throws IOException {
        return new ContractReader().read(resource("zoo-contract.json"));
    }

    @Nested
    class TheGeneratedModule {

        @Test
        void matchesTheGoldenFilesForTheTypeZoo() throws IOException {
            Map<String, String> files = new GoGenerator().generate(zoo(), "zoo-client", "zooclient");

            assertThat(files).containsOnlyKeys("go.mod", "models.go", "client.go", "runtime.go");
            for (Map.Entry<String, String> file : files.entrySet()) {
                assertThat(file.getValue()).as(file.getKey()).isEqualTo(resource("golden/go/" + file.getKey()));
            }
        }

        @Test
        void takesItsModulePathAndPackageNameFromTheRequest() {
            GenerateRequest request = new GenerateRequest(
                    CONTRACT, Path.of("out"), List.of(Language.GO), "zoo-client", "zoo_client", "example.com/zoo/v2");

            assertThat(request.goPackageName()).isEqualTo("zoo");
            assertThat(new GenerateRequest(CONTRACT, Path.of("out"), List.of(Language.GO), "@acme/zoo-client")
                            .goModulePath())
                    .isEqualTo("zoo-client");
            assertThatExceptionOfType(IllegalArgumentException.class)
                    .isThrownBy(() -> new GenerateRequest(
                            CONTRACT, Path.of("out"), List.of(Language.GO), "zoo-client", "zoo_client", "/bad path"))
                    .withMessageContaining("'goModulePath' must be a Go module path");
        }
    }

    /** The module checked, built and tested with the Go tool chain. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WithGo {

        private final Path module = Path.of("target/codegen-tests/zoo/go");

        @BeforeAll
        void generate() throws Exception {
            new ClientGenerator()
                    .generate(new GenerateRequest(
                            CONTRACT,
                            this.module.getParent(),
                            List.of(Language.GO),
                            "zoo-client",
                            "zoo_client",
                            "zoo-client"));
            Processes.run(this.module, GO_ENV, "go", "mod", "tidy");
        }

        @Test
        void isGofmtClean() throws Exception {
            assertThat(Processes.run(this.module, GO_ENV, "gofmt", "-l", ".")).isEmpty();
        }

        @Test
        void passesGoVetAndBuilds() throws Exception {
            assertThat(Processes.run(this.module, GO_ENV, "go", "vet", "./...")).isEmpty();
            assertThat(Processes.run(this.module, GO_ENV, "go", "build", "./..."))
                    .isEmpty();
        }

        @Test
        void decodesEncodesAndSwitchesOnTheUnionInGoTest() throws Exception {
            Path behavior = Path.of("src/test/resources/behavior");
            Path tests = Files.createTempDirectory("zoo-go-test");
            Path copy = tests.resolve("go");
            copyModule(this.module, copy);
            Files.copy(behavior.resolve("zoo_test.go.txt"), copy.resolve("zoo_test.go"));
            Files.createDirectories(copy.resolve("testdata"));
            Files.copy(behavior.resolve("everything.json"), copy.resolve("testdata/everything.json"));

            String output = Processes.run(copy, GO_ENV, "go", "test", "-count=1", "-v", "./...");

            assertThat(output)
                    .contains("--- PASS: TestEveryValueOfTheZooRoundTripsUnchanged")
                    .contains("--- PASS: TestTheUnionWritesItsTypeIDAndRejectsAnUnknownOne")
                    .contains("--- PASS: TestA422BecomesAnRpcErrorWithItsViolations")
                    .doesNotContain("--- FAIL");
        }

        private static void copyModule(Path from, Path to) throws IOException {
            Files.createDirectories(to);
            try (var files = Files.list(from)) {
                for (Path file : files.toList()) {
                    Files.copy(file, to.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Nested
    class Literals {

        @Test
        void putTheDiscriminatorIntoTheUnknownVariantErrorEscapedWithItsPercentSignsDoubled() {
            Contract contract = new Contract(
                    "1",
                    List.of(),
                    List.of(),
                    Map.of(
                            "Shape",
                            new TypeDefinition.UnionType("Shape", "", "k%d\"\\q", Map.of("circle", "Circle")),
                            "Circle",
                            new TypeDefinition.ObjectType("Circle", "", List.of())));

            String models = new GoGenerator()
                    .generate(contract, "example.com/shapes", "shapes")
                    .get("models.go");

            // Once "Shape: unknown k%d\q %q": an unknown escape, and a verb without its argument.
            assertThat(models).contains("return fmt.Errorf(\"Shape: unknown k%%d\\\"\\\\q %q\", id)");
        }
    }

    @Nested
    class Names {

        private final GoTypeMapper types = new GoTypeMapper();

        @Test
        void rpcNamesBecomePascalCaseMethods() {
            assertThat(this.types.methodName("orders.get_status")).isEqualTo("OrdersGetStatus");
            assertThat(this.types.methodName("admin:get_status")).isEqualTo("AdminGetStatus");
            assertThat(this.types.methodName("system.ping.later")).isEqualTo("SystemPingLater");
        }

        @Test
        void fieldsAreExportedWithGoInitialisms() {
            assertThat(this.types.fieldName("userId")).isEqualTo("UserID");
            assertThat(this.types.fieldName("renamed_field")).isEqualTo("RenamedField");
            assertThat(this.types.fieldName("apiURL")).isEqualTo("APIURL");
            assertThat(this.types.exported("RED")).isEqualTo("Red");
        }

        @Test
        void parametersAreLowerCamelCaseAndKeywordsGetATrailingUnderscore() {
            assertThat(this.types.parameter("roomId")).isEqualTo("roomID");
            assertThat(this.types.parameter("type")).isEqualTo("type_");
            assertThat(this.types.parameter("ctx")).isEqualTo("ctx_");
            assertThat(this.types.typeName("RpcClient")).isEqualTo("RpcClient_");
        }
    }
}
