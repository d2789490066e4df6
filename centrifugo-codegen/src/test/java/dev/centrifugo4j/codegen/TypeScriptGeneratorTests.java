package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import dev.centrifugo4j.codegen.typescript.TypeScriptGenerator;
import dev.centrifugo4j.codegen.typescript.TypeScriptTypeMapper;
import dev.centrifugo4j.contract.Contract;
import dev.centrifugo4j.contract.ContractReader;
import dev.centrifugo4j.contract.InvalidContractException;
import dev.centrifugo4j.contract.TypeRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TypeScriptGeneratorTests {

    /** The npm folder with TypeScript and the centrifuge SDK, which the build fills with {@code npm ci}. */
    private static final Path CLIENT = Path.of("client");

    private static String resource(String name) throws IOException {
        try (InputStream in = TypeScriptGeneratorTests.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void useTheContractTheProcessorWritesForTheTypeZoo() throws IOException {
        // The processor's golden contract is the generators' input: the two must not drift apart.
        assertThat(resource("zoo-contract.json"))
                .isEqualTo(Files.readString(
                        Path.of("../centrifugo-processor/src/test/resources/processor/golden/zoo-contract.json")));
    }

    private static Contract zoo() throws IOException {
        return new ContractReader().read(resource("zoo-contract.json"));
    }

    @Nested
    class TheGeneratedPackage {

        @Test
        void matchesTheGoldenFilesForTheTypeZoo() throws IOException {
            Map<String, String> files = new TypeScriptGenerator().generate(zoo(), "zoo-client");

            assertThat(files).containsOnlyKeys("package.json", "tsconfig.json", "src/index.ts");
            if (Boolean.getBoolean("golden.update")) {
                // -Dgolden.update=true rewrites the golden files, to review in the diff.
                for (Map.Entry<String, String> file : files.entrySet()) {
                    java.nio.file.Files.writeString(
                            Path.of("src/test/resources/golden/typescript").resolve(file.getKey()), file.getValue());
                }
            }
            assertThat(files.get("src/index.ts")).isEqualTo(resource("golden/typescript/src/index.ts"));
            assertThat(files.get("package.json")).isEqualTo(resource("golden/typescript/package.json"));
            assertThat(files.get("tsconfig.json")).isEqualTo(resource("golden/typescript/tsconfig.json"));
        }

        @Test
        void compilesWithTscStrictAndNoErrors() throws Exception {
            Path tsc = CLIENT.resolve("node_modules/typescript/bin/tsc");
            assertThat(tsc).as("npm ci in centrifugo-codegen/client").exists();
            Path folder = CLIENT.resolve("generated/zoo");
            new ClientGenerator()
                    .generate(new GenerateRequest(
                            Path.of("src/test/resources/zoo-contract.json"),
                            folder,
                            List.of(Language.TYPESCRIPT),
                            "zoo-client"));

            Process process = new ProcessBuilder(
                            "node",
                            tsc.toString(),
                            "--strict",
                            "--noEmit",
                            "-p",
                            folder.resolve("typescript").toString())
                    .redirectErrorStream(true)
                    .start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();

            assertThat(output).isEmpty();
            assertThat(process.exitValue()).isZero();
        }
    }

    @Nested
    class Names {

        @Test
        void membersOfTheClientThatWouldShareANameAreNumbered() {
            TypeRef string = new TypeRef.Scalar(TypeRef.Kind.STRING, "");
            List<Contract.Variable> x = List.of(new Contract.Variable("x", string));
            Contract contract = new Contract(
                    "1",
                    List.of(
                            new Contract.RpcMethod("orders.get_status", "", false, Optional.empty(), Optional.empty()),
                            new Contract.RpcMethod("orders:getStatus", "", false, Optional.empty(), Optional.empty()),
                            new Contract.RpcMethod("call", "", false, Optional.empty(), Optional.empty())),
                    List.of(
                            new Contract.Channel("a:{x}", "subscribe", x, "", Optional.empty()),
                            new Contract.Channel("a.{x}", "publish", x, "", Optional.of(string))),
                    Map.of());

            String index = new TypeScriptGenerator().generate(contract, "names").get("src/index.ts");

            // Once twice ordersGetStatus, call (RpcClient's own) and subscribeA: tsc's "Duplicate function
            // implementation".
            assertThat(index)
                    .contains("  ordersGetStatus(options?: CallOptions)")
                    .contains("  ordersGetStatus2(options?: CallOptions)")
                    .contains("  call2(options?: CallOptions)")
                    .contains("  subscribeA(x: string, handlers: ChannelHandlers<unknown> = {})")
                    .contains("  subscribeA2(x: string, handlers: ChannelHandlers<string> = {})")
                    .contains("  async publishA(x: string, data: string)");
        }

        private final TypeScriptTypeMapper types = new TypeScriptTypeMapper();

        @Test
        void rpcNamesBecomeCamelCaseMethods() {
            assertThat(this.types.methodName("orders.get_status")).isEqualTo("ordersGetStatus");
            assertThat(this.types.methodName("admin:get_status")).isEqualTo("adminGetStatus");
            assertThat(this.types.methodName("system.ping.later")).isEqualTo("systemPingLater");
        }

        @Test
        void reservedWordsGetATrailingUnderscore() {
            assertThat(this.types.methodName("delete")).isEqualTo("delete_");
            assertThat(this.types.identifier("class")).isEqualTo("class_");
            assertThat(this.types.typeName("Record")).isEqualTo("Record");
        }

        @Test
        void propertiesThatAreNoIdentifiersAreQuoted() {
            assertThat(this.types.propertyKey("@type")).isEqualTo("\"@type\"");
            assertThat(this.types.propertyKey("renamed_field")).isEqualTo("renamed_field");
        }
    }

    @Nested
    class Runs {

        @Test
        void rewriteNothingWhenTheContractDidNotChange(@TempDir Path output) {
            GenerateRequest request = new GenerateRequest(
                    Path.of("src/test/resources/zoo-contract.json"),
                    output,
                    Language.parse("typescript"),
                    "zoo-client");

            List<Path> first = new ClientGenerator().generate(request);
            List<Path> second = new ClientGenerator().generate(request);

            assertThat(first)
                    .containsExactly(
                            output.resolve("typescript/package.json"),
                            output.resolve("typescript/src/index.ts"),
                            output.resolve("typescript/tsconfig.json"));
            assertThat(second).isEmpty();
        }

        @Test
        void failOnAMissingContractWithAHint(@TempDir Path output) {
            GenerateRequest request = new GenerateRequest(
                    output.resolve("contract.json"), output, List.of(Language.TYPESCRIPT), "zoo-client");

            assertThatExceptionOfType(InvalidContractException.class)
                    .isThrownBy(() -> new ClientGenerator().generate(request))
                    .withMessageContaining("compile the application first");
        }

        @Test
        void rejectAnUnknownLanguageNamingTheKnownOnes() {
            assertThatExceptionOfType(IllegalArgumentException.class)
                    .isThrownBy(() -> Language.parse("typescript,cobol"))
                    .withMessage("Unknown language 'cobol': expected typescript, python, go or all");
        }

        @Test
        void workWithoutMavenThroughTheMain(@TempDir Path output) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();

            int status = CodegenMain.run(
                    new String[] {"--contract", "src/test/resources/zoo-contract.json", "--output", output.toString()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).isZero();
            assertThat(Files.readString(output.resolve("typescript/package.json")))
                    .contains("\"name\": \"centrifugo-client\"");
            assertThat(CodegenMain.run(new String[] {"--output"}, new PrintStream(out), new PrintStream(err)))
                    .isEqualTo(2);
        }
    }
}
