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
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
            Map<String, String> files = new TypeScriptGenerator().generate(zoo(), "zoo-client", "1.4.0-SNAPSHOT");

            // JavaScript and its declarations, as they run: no build step, no TypeScript source.
            assertThat(files).containsOnlyKeys("package.json", "index.js", "index.d.ts", "README.md");
            if (Boolean.getBoolean("golden.update")) {
                // -Dgolden.update=true rewrites the golden files, to review in the diff.
                for (Map.Entry<String, String> file : files.entrySet()) {
                    Files.writeString(
                            Path.of("src/test/resources/golden/typescript").resolve(file.getKey()), file.getValue());
                }
            }
            for (Map.Entry<String, String> file : files.entrySet()) {
                assertThat(file.getValue()).as(file.getKey()).isEqualTo(resource("golden/typescript/" + file.getKey()));
            }
        }

        @Test
        void isVersionedWithTheApplicationAndNeedsNoBuild() throws IOException {
            Map<String, String> files = new TypeScriptGenerator().generate(zoo(), "zoo-client", "1.4.0-SNAPSHOT");

            assertThat(files.get("package.json"))
                    .contains("\"version\": \"1.4.0-SNAPSHOT\"")
                    .contains("\"types\": \"./index.d.ts\"")
                    .contains("\"default\": \"./index.js\"")
                    .doesNotContain("dist")
                    .doesNotContain("\"scripts\"")
                    .doesNotContain("typescript");
            assertThat(files.get("README.md"))
                    .contains("version `" + zoo().version() + "`")
                    .contains("npm install")
                    .contains("websocket: WebSocket")
                    .contains("token")
                    .contains("await client.zooEcho(params, { timeout: 5000 })")
                    .contains("client.subscribeZooCage(cage, id, {")
                    .contains("error instanceof RpcError");
        }

        /** Whatever package.json points at is generated: a fresh generation (after mvn clean) is complete. */
        @Test
        void pointsOnlyAtFilesItGenerates() throws IOException {
            Map<String, String> files = new TypeScriptGenerator().generate(zoo(), "zoo-client", "1.0");
            JsonNode packageJson = JsonMapper.builder().build().readTree(files.get("package.json"));

            List<String> pointedAt = List.of(
                    packageJson.path("main").asString(),
                    packageJson.path("types").asString(),
                    packageJson.at("/exports/./types").asString(),
                    packageJson.at("/exports/./default").asString());
            assertThat(pointedAt).allSatisfy(file -> assertThat(files).containsKey(file.replaceFirst("^\\./", "")));
            packageJson.path("files").forEach(file -> assertThat(files).containsKey(file.asString()));
        }

        /**
         * A program that uses the package with the real SDK's types, compiled with {@code tsc --strict}
         * (the declarations included: no skipLibCheck): the SDK's {@code Centrifuge} must fit the
         * client, and its {@code Subscription} come back from the subscribe functions.
         */
        @Test
        void compilesWithTscStrictInAProgramThatUsesTheSdk() throws Exception {
            Path tsc = CLIENT.resolve("node_modules/typescript/bin/tsc");
            assertThat(tsc).as("npm ci in centrifugo-codegen/client").exists();
            Path folder = generateInto(CLIENT.resolve("generated/zoo"));
            Files.writeString(CLIENT.resolve("generated/zoo/program.ts"), """
                    import { Centrifuge, type Subscription } from "centrifuge";
                    import { CONTRACT_VERSION, RpcClient, RpcError, type Feeding, type Shape } from "./typescript/index.js";

                    const client = new RpcClient(new Centrifuge("ws://localhost:8000/connection/websocket"));
                    const subscription: Subscription = client.subscribeZooFeeding("lions", {
                      onPublication: (data: Feeding, context) => console.log(data.grams, context.channel),
                    });
                    subscription.unsubscribe();
                    export async function shape(): Promise<Shape | string> {
                      try {
                        await client.publishZooFeeding("lions", { food: "hay", grams: 1 });
                        return await client.zooShape({ kind: "circle", radius: 1 }, { timeout: 10 });
                      } catch (error) {
                        return error instanceof RpcError ? error.violations.map((v) => v.field).join() : CONTRACT_VERSION;
                      }
                    }
                    """);

            String output = Processes.run(
                    CLIENT,
                    Map.of(),
                    "node",
                    tsc.toAbsolutePath().toString(),
                    "--strict",
                    "--noEmit",
                    "--target",
                    "es2022",
                    "--module",
                    "nodenext",
                    "generated/zoo/program.ts");

            assertThat(output).isEmpty();
            assertThat(folder).isNotEmptyDirectory();
        }

        /** What index.d.ts declares, index.js defines: the same exported values and client members. */
        @Test
        void declaresWhatTheJavaScriptDefines() throws Exception {
            Path folder = generateInto(CLIENT.resolve("generated/declared"));
            String declarations = Files.readString(folder.resolve("index.d.ts"));
            List<String> exported = Pattern.compile("^export declare (?:const|class) (\\w+)", Pattern.MULTILINE)
                    .matcher(declarations)
                    .results()
                    .map(match -> match.group(1))
                    .sorted()
                    .toList();
            String client = declarations.substring(declarations.indexOf("export declare class RpcClient"));
            List<String> members = Pattern.compile("^  (?:private (?:readonly )?)?(\\w+)[(;]", Pattern.MULTILINE)
                    .matcher(client)
                    .results()
                    .map(match -> match.group(1))
                    .filter(name -> !name.equals("centrifuge"))
                    .sorted()
                    .toList();

            String output = Processes.run(
                    folder,
                    Map.of(),
                    "node",
                    "--input-type=module",
                    "-e",
                    "const m = await import('./index.js');"
                            + " console.log(JSON.stringify(Object.keys(m).sort()));"
                            + " console.log(JSON.stringify(Object.getOwnPropertyNames(m.RpcClient.prototype).sort()));");

            assertThat(exported).containsExactly("CONTRACT_VERSION", "RpcClient", "RpcError");
            assertThat(members).contains("zooEcho", "subscribeZooCage", "publishZooFeeding", "call");
            assertThat(output.lines().toList())
                    .containsExactly(
                            toJson(exported), toJson(members.stream().sorted().toList()));
        }

        private static String toJson(List<String> names) {
            return names.stream().map(name -> "\"" + name + "\"").collect(Collectors.joining(",", "[", "]"));
        }

        private static Path generateInto(Path folder) {
            new ClientGenerator()
                    .generate(new GenerateRequest(
                            Path.of("src/test/resources/zoo-contract.json"),
                            folder,
                            List.of(Language.TYPESCRIPT),
                            "zoo-client"));
            return folder.resolve("typescript");
        }
    }

    @Nested
    class Versions {

        @Test
        void mavenVersionsBecomeSemanticVersions() {
            assertThat(TypeScriptTypeMapper.packageVersion("1.2.0-SNAPSHOT")).isEqualTo("1.2.0-SNAPSHOT");
            assertThat(TypeScriptTypeMapper.packageVersion("1.2")).isEqualTo("1.2.0");
            assertThat(TypeScriptTypeMapper.packageVersion("3")).isEqualTo("3.0.0");
            assertThat(TypeScriptTypeMapper.packageVersion("1.0-alpha-01")).isEqualTo("1.0.0-alpha.1");
            assertThat(TypeScriptTypeMapper.packageVersion("2.3.1.RC2")).isEqualTo("2.3.1-RC2");
            assertThat(TypeScriptTypeMapper.packageVersion("1.0.Final")).isEqualTo("1.0.0");
            assertThat(TypeScriptTypeMapper.packageVersion("1.2.3.4")).isEqualTo("1.2.3+4");
            assertThat(TypeScriptTypeMapper.packageVersion("01.02.03")).isEqualTo("1.2.3");
        }

        @Test
        void aVersionThatIsNoVersionIsRefusedWithWhatItShouldLookLike(@TempDir Path output) {
            assertThatExceptionOfType(IllegalArgumentException.class)
                    .isThrownBy(() -> new GenerateRequest(
                            Path.of("contract.json"), output, List.of(Language.TYPESCRIPT), "a", "a", "a", "latest"))
                    .withMessage("'version' must start with a number, such as 1.2.0 or 1.2.0-SNAPSHOT, and hold only"
                            + " letters, digits and . _ + -, got 'latest'");
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

            Map<String, String> files = new TypeScriptGenerator().generate(contract, "names", "1.0");

            // Once twice ordersGetStatus, call (RpcClient's own) and subscribeA: tsc's "Duplicate function
            // implementation".
            assertThat(files.get("index.d.ts"))
                    .contains("  ordersGetStatus(options?: CallOptions)")
                    .contains("  ordersGetStatus2(options?: CallOptions)")
                    .contains("  call2(options?: CallOptions)")
                    .contains("  subscribeA(x: string, handlers?: ChannelHandlers<unknown>): S;")
                    .contains("  subscribeA2(x: string, handlers?: ChannelHandlers<string>): S;")
                    .contains("  publishA(x: string, data: string): Promise<void>;");
            assertThat(files.get("index.js"))
                    .contains("  ordersGetStatus2(options) {")
                    .contains("  subscribeA2(x, handlers = {}) {")
                    .contains("  async publishA(x, data) {");
        }

        @Test
        void channelVariablesNamedLikeTheFunctionsOwnNamesGetDistinctNames() {
            Contract contract = TestContracts.channel(
                    "c:{data}.{handlers}.{subscription}.{RpcError}", "data", "handlers", "subscription", "RpcError");

            Map<String, String> files = new TypeScriptGenerator().generate(contract, "names", "1.0");

            // Before: "Duplicate identifier 'handlers'", a const that shadowed the parameter, and a
            // channel name built from the publication instead of the variable.
            assertThat(files.get("index.d.ts"))
                    .contains("  subscribeC(data2: string, handlers2: string, subscription2: string, RpcError2: string,"
                            + " handlers?: ChannelHandlers<string>): S;")
                    .contains("  publishC(data2: string, handlers2: string, subscription2: string, RpcError2: string,"
                            + " data: string): Promise<void>;");
            assertThat(files.get("index.js"))
                    .contains("  subscribeC(data2, handlers2, subscription2, RpcError2, handlers = {}) {")
                    .contains("newSubscription(`c:${data2}.${handlers2}.${subscription2}.${RpcError2}`)")
                    .contains("  async publishC(data2, handlers2, subscription2, RpcError2, data) {")
                    .contains("publish(`c:${data2}.${handlers2}.${subscription2}.${RpcError2}`, data)");
        }

        @Test
        void contractTypesNamedLikeThePackagesOwnTypesGetATrailingUnderscore() {
            assertThat(this.types.typeName("RpcClient")).isEqualTo("RpcClient_");
            assertThat(this.types.typeName("PublicationContext")).isEqualTo("PublicationContext_");
            assertThat(this.types.typeName("Order")).isEqualTo("Order");
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
                            output.resolve("typescript/README.md"),
                            output.resolve("typescript/index.d.ts"),
                            output.resolve("typescript/index.js"),
                            output.resolve("typescript/package.json"));
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
                    new String[] {
                        "--contract", "src/test/resources/zoo-contract.json",
                        "--output", output.toString(),
                        "--version", "2.1"
                    },
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8));

            assertThat(status).isZero();
            assertThat(Files.readString(output.resolve("typescript/package.json")))
                    .contains("\"name\": \"centrifugo-client\"")
                    .contains("\"version\": \"2.1.0\"");
            assertThat(Files.readString(output.resolve("python/pyproject.toml")))
                    .contains("version = \"2.1\"");
            assertThat(CodegenMain.run(new String[] {"--output"}, new PrintStream(out), new PrintStream(err)))
                    .isEqualTo(2);
        }
    }
}
