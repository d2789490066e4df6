package dev.centrifugo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.centrifugo4j.processor.Compilations.assertMatchesGolden;
import static dev.centrifugo4j.processor.Compilations.compile;
import static dev.centrifugo4j.processor.Compilations.compileInto;
import static dev.centrifugo4j.processor.Compilations.generatedResource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.centrifugo4j.contract.ContractVersion;
import dev.centrifugo4j.dispatch.DispatchSettings;
import dev.centrifugo4j.dispatch.ProxyInput;
import dev.centrifugo4j.dispatch.ProxyType;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.processor.Compilations.CompiledClassLoader;
import dev.centrifugo4j.spi.HandlerIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class HandlerProcessorContractTests {

    private static final String ZOO = "processor/contract/com/example/zoo/";

    private static final String[] ZOO_SOURCES = Arrays.stream(new String[] {
                "ZooHandlers",
                "Everything",
                "Color",
                "Grade",
                "Order",
                "Shape",
                "Page",
                "Tag",
                "Feeding",
                "LegacyBean",
                "Sighting",
                "ZooSamples"
            })
            .map(name -> ZOO + name + ".java")
            .toArray(String[]::new);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    /** The mapper the starter writes payloads with. */
    private static final JsonMapper WIRE = dev.centrifugo4j.json.CentrifugoJson.mapper(MAPPER);

    private static String contract(Compilation compilation) {
        return generatedResource(compilation, ContractWriter.RESOURCE);
    }

    @Nested
    class TheContractOfTheTypeZoo {

        @Test
        void matchesTheGoldenFile() throws IOException {
            Compilation compilation = compile(ZOO_SOURCES);

            assertThat(compilation).succeeded();
            assertMatchesGolden(contract(compilation), "processor/golden/zoo-contract.json");
        }

        @Test
        void isByteIdenticalAcrossCompilations() {
            String first = contract(compile(ZOO_SOURCES));
            String second = contract(compile(ZOO_SOURCES));

            assertThat(second).isEqualTo(first);
        }

        @Test
        void doesNotDependOnTheOrderOfTheSources() {
            List<String> reversed = new ArrayList<>(Arrays.asList(ZOO_SOURCES));
            java.util.Collections.reverse(reversed);

            assertThat(contract(compile(reversed.toArray(String[]::new)))).isEqualTo(contract(compile(ZOO_SOURCES)));
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhatJacksonWrites {

        private ObjectNode contract;

        private Map<String, List<Object>> samples;

        @BeforeAll
        @SuppressWarnings("unchecked")
        void compileTheZoo() throws Exception {
            Compilation compilation = compile(ZOO_SOURCES);
            assertThat(compilation).succeeded();
            this.contract = (ObjectNode) MAPPER.readTree(contract(compilation));
            ClassLoader loader = new CompiledClassLoader(compilation);
            this.samples = (Map<String, List<Object>>) loader.loadClass("com.example.zoo.ZooSamples")
                    .getMethod("samples")
                    .invoke(null);
        }

        @Test
        void hasASampleForEveryDefinition() {
            List<String> definitions = new ArrayList<>();
            this.contract.get("$defs").propertyNames().forEach(definitions::add);

            assertThat(this.samples.keySet())
                    .containsAll(definitions.stream()
                            .filter(name -> !name.equals("ShapeSquare"))
                            .toList());
        }

        @Test
        void validatesAgainstTheContractsSchemas() {
            List<String> failures = new ArrayList<>();
            this.samples.forEach((definition, instances) -> {
                Schema schema = schemaOf("#/$defs/" + definition);
                for (Object instance : instances) {
                    JsonNode json = WIRE.valueToTree(instance);
                    List<Error> errors = schema.validate(
                            json, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)));
                    errors.forEach(error -> failures.add(definition + " " + json + ": " + error));
                }
            });

            assertThat(failures).isEmpty();
        }

        @Test
        void rejectsWhatViolatesTheConstraints() {
            ObjectNode feeding = MAPPER.createObjectNode().put("food", " ").put("grams", 0);

            assertThat(schemaOf("#/$defs/Feeding").validate(feeding))
                    .extracting(Error::getProperty)
                    .hasSize(2);
        }

        @Test
        void rejectsAPropertyJacksonWouldNotWrite() {
            JsonNode line =
                    MAPPER.createObjectNode().put("sku", "a").put("quantity", 1).put("price", 3);

            assertThat(schemaOf("#/$defs/OrderLine").validate(line)).hasSize(1);
        }

        private Schema schemaOf(String reference) {
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$schema", ContractWriter.SCHEMA_DIALECT);
            root.set("$defs", this.contract.get("$defs"));
            root.put("$ref", reference);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(root.toString(), InputFormat.JSON);
        }
    }

    /**
     * The server refuses exactly the data the contract says is invalid in its properties: a required
     * one missing or null, one the type does not have. Both sides on the same compiled types: the
     * contract the processor writes, and the dispatcher built from the index it generates.
     */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class WhatTheServerEnforces {

        private static final String STRICT = "processor/contract/com/example/strict/";

        private Compilation compilation;

        private ObjectNode contract;

        private RpcDispatcher dispatcher;

        @BeforeAll
        void compileTheTypes() throws Exception {
            this.compilation = compile(Arrays.stream(new String[] {
                        "StrictHandlers",
                        "Note",
                        "Notes",
                        "Lenient",
                        "Present",
                        "Profile",
                        "Extensible",
                        "Invisible",
                        "Raw",
                        "classfile/Nullable"
                    })
                    .map(name -> STRICT + name + ".java")
                    .toArray(String[]::new));
            assertThat(this.compilation).succeeded();
            this.contract = (ObjectNode) MAPPER.readTree(contract(this.compilation));
            ClassLoader loader = new CompiledClassLoader(this.compilation);
            HandlerIndex index = (HandlerIndex) loader.loadClass("com.example.strict.StrictHandlers_CentrifugoHandlers")
                    .getConstructor()
                    .newInstance();
            Object handlers = loader.loadClass("com.example.strict.StrictHandlers")
                    .getConstructor()
                    .newInstance();
            RpcDispatcher.Builder builder =
                    RpcDispatcher.builder(DispatchSettings.builder(WIRE).build());
            index.methods().forEach(method -> builder.register(method, handlers));
            this.dispatcher = builder.build();
        }

        private JsonNode definition(String name) {
            return this.contract.path("$defs").path(name);
        }

        @Test
        void theContractRequiresWhatIsNeitherNullableNorOptionalNorSometimesLeftOut() {
            assertThat(definition("Note").path("required").toString()).isEqualTo("[\"text\",\"stars\"]");
            assertThat(definition("Notes").path("required").toString()).isEqualTo("[\"notes\"]");
            assertThat(definition("Present").path("required").toString())
                    .as("@JsonProperty(required = true) on a nullable property")
                    .isEqualTo("[\"text\"]");
            assertThat(definition("Present").at("/properties/text/type").toString())
                    .isEqualTo("[\"string\",\"null\"]");
            assertThat(definition("Profile").path("required").toString()).isEqualTo("[\"name\"]");
            assertThat(definition("Raw").path("required").toString())
                    .as("any JSON, null included")
                    .isEqualTo("[\"extra\",\"anything\"]");
            assertThat(definition("Invisible").path("required").toString())
                    .as("a @Nullable the server cannot see")
                    .isEqualTo("[\"tag\"]");
        }

        @Test
        void theContractAllowsMorePropertiesOnlyWhereTheTypeTakesThem() {
            for (String strict : List.of("Note", "Notes", "Present", "Profile", "Raw", "Invisible")) {
                assertThat(definition(strict).path("additionalProperties").asBoolean(true))
                        .as(strict)
                        .isFalse();
            }
            assertThat(definition("Lenient").has("additionalProperties"))
                    .as("@JsonIgnoreProperties(ignoreUnknown = true)")
                    .isFalse();
            assertThat(definition("Extensible").has("additionalProperties"))
                    .as("@JsonAnySetter")
                    .isFalse();
        }

        @Test
        void warnsOfANullableThatTheServerCannotSee() {
            assertThat(this.compilation)
                    .hadWarningContaining("@com.example.strict.classfile.Nullable on Invisible.tag is not kept at run"
                            + " time, so the server cannot see it");
            assertThat(this.compilation.warnings()).hasSize(1);
        }

        @Test
        void aNullablePropertyOfAClassWithSettersKeepsTheNullItIsGiven() {
            JsonNode reply = call("strict.profile", "{\"name\":\"a\",\"nickname\":null}");
            assertThat(reply.path("result").path("data").toString()).isEqualTo("{\"name\":\"a\",\"nickname\":null}");
        }

        private JsonNode call(String method, String data) {
            return MAPPER.readTree(this.dispatcher
                    .dispatch(ProxyInput.of(
                            ProxyType.RPC,
                            ("{\"client\":\"c\",\"method\":\"" + method + "\",\"data\":" + data + "}")
                                    .getBytes(StandardCharsets.UTF_8)))
                    .completion()
                    .toCompletableFuture()
                    .join()
                    .reply());
        }

        @Test
        void theServerAcceptsExactlyWhatTheContractAccepts() {
            List<Object[]> cases = List.of(
                    new Object[] {"strict.note", "{\"text\":\"t\",\"stars\":1}", true},
                    new Object[] {
                        "strict.note", "{\"text\":\"t\",\"tag\":null,\"mood\":null,\"stars\":0,\"hint\":\"h\"}", true
                    },
                    new Object[] {"strict.note", "{\"text\":\"t\",\"tag\":\"x\",\"mood\":\"m\",\"stars\":2}", true},
                    new Object[] {
                        "strict.note", "{\"stars\":1}", false, "invalid data at 'text': required property missing"
                    },
                    new Object[] {"strict.note", "{\"text\":null,\"stars\":1}", false},
                    new Object[] {"strict.note", "{\"text\":\"t\"}", false},
                    new Object[] {"strict.note", "{\"text\":\"t\",\"stars\":null}", false},
                    new Object[] {
                        "strict.note",
                        "{\"text\":\"t\",\"stars\":1,\"admin\":true}",
                        false,
                        "invalid data at 'admin': unknown property"
                    },
                    new Object[] {"strict.notes", "{\"notes\":[]}", true},
                    new Object[] {"strict.notes", "{\"notes\":[{\"text\":\"t\",\"stars\":1}]}", true},
                    new Object[] {"strict.notes", "{}", false},
                    new Object[] {
                        "strict.notes",
                        "{\"notes\":[{\"text\":\"t\",\"stars\":1},{\"stars\":1}]}",
                        false,
                        "invalid data at 'notes[1].text': required property missing"
                    },
                    new Object[] {"strict.notes", "{\"notes\":[{\"text\":\"t\",\"stars\":1,\"x\":1}]}", false},
                    new Object[] {"strict.lenient", "{\"text\":\"t\",\"extra\":{\"any\":1}}", true},
                    new Object[] {"strict.lenient", "{\"extra\":1}", false},
                    new Object[] {"strict.present", "{\"text\":null}", true},
                    new Object[] {"strict.present", "{\"text\":\"t\"}", true},
                    new Object[] {"strict.present", "{}", false, "invalid data at 'text': required property missing"},
                    new Object[] {"strict.profile", "{\"name\":\"a\"}", true},
                    new Object[] {"strict.profile", "{\"name\":\"a\",\"nickname\":null}", true},
                    new Object[] {
                        "strict.profile",
                        "{\"nickname\":\"n\"}",
                        false,
                        "invalid data at 'name': required property missing"
                    },
                    new Object[] {"strict.profile", "{\"name\":null}", false, "invalid data at 'name': must not be null"
                    },
                    new Object[] {
                        "strict.profile", "{\"name\":\"a\",\"age\":3}", false, "invalid data at 'age': unknown property"
                    },
                    new Object[] {"strict.extensible", "{\"name\":\"a\",\"color\":\"red\"}", true},
                    new Object[] {
                        "strict.extensible",
                        "{\"color\":\"red\"}",
                        false,
                        "invalid data at 'name': required property missing"
                    },
                    new Object[] {"strict.raw", "{\"extra\":null,\"anything\":null}", true},
                    new Object[] {"strict.raw", "{\"extra\":[1],\"anything\":{}}", true},
                    new Object[] {
                        "strict.raw", "{\"anything\":1}", false, "invalid data at 'extra': required property missing"
                    },
                    new Object[] {"strict.invisible", "{\"tag\":\"t\"}", true},
                    new Object[] {"strict.invisible", "{}", false},
                    new Object[] {"strict.invisible", "{\"tag\":null}", false});
            List<String> disagreements = new ArrayList<>();
            for (Object[] test : cases) {
                String method = (String) test[0];
                String data = (String) test[1];
                boolean expected = (Boolean) test[2];
                boolean contractAccepts =
                        paramsSchema(method).validate(data, InputFormat.JSON).isEmpty();
                JsonNode reply = call(method, data);
                boolean serverAccepts = reply.has("result");
                if (contractAccepts != expected || serverAccepts != expected) {
                    disagreements.add(method + " " + data + ": expected " + (expected ? "accepted" : "refused")
                            + ", contract " + (contractAccepts ? "accepts" : "refuses") + ", server " + reply);
                }
                if (!serverAccepts) {
                    assertThat(reply.at("/error/code").asInt())
                            .as("%s %s", method, data)
                            .isEqualTo(400);
                }
                if (test.length > 3) {
                    assertThat(reply.at("/error/message").asString())
                            .as("%s %s", method, data)
                            .isEqualTo(test[3]);
                }
            }
            assertThat(disagreements).isEmpty();
        }

        private Schema paramsSchema(String method) {
            JsonNode params = null;
            for (JsonNode rpc : this.contract.path("rpc")) {
                if (rpc.path("name").asString().equals(method)) {
                    params = rpc.path("params");
                }
            }
            assertThat(params).as(method).isNotNull();
            ObjectNode root = MAPPER.createObjectNode();
            root.put("$schema", ContractWriter.SCHEMA_DIALECT);
            root.set("$defs", this.contract.get("$defs"));
            root.setAll((ObjectNode) params);
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(root.toString(), InputFormat.JSON);
        }
    }

    @Nested
    class TheVersion {

        private static final String PING_HANDLERS = "package com.example;\n"
                + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                + "public class PingHandlers {\n"
                + "    @WebSocketRpc(\"system.ping\")\n"
                + "    public Pong ping() { return null; }\n"
                + "}\n";

        @Test
        void isTheSha256OfEverythingAfterIt() {
            String contract = contract(compile(ZOO_SOURCES));
            ObjectNode json = (ObjectNode) MAPPER.readTree(contract);
            String version = json.remove("version").asString();
            json.remove("$schema");

            assertThat(version).matches("[0-9a-f]{64}");
            assertThat(version).isEqualTo(ContractVersion.of(Json.write(Json.parse(json.toString()))));
        }

        @Test
        void changesWhenAResultTypeGainsAField() {
            String before = versionOf(compileSources(PING_HANDLERS, "public record Pong(String text) {}"));
            String after = versionOf(compileSources(PING_HANDLERS, "public record Pong(String text, int count) {}"));
            String again = versionOf(compileSources(PING_HANDLERS, "public record Pong(String text) {}"));

            assertThat(after).isNotEqualTo(before);
            assertThat(again).isEqualTo(before);
        }

        private static Compilation compileSources(String handlers, String pong) {
            Compilation compilation = compile(
                    JavaFileObjects.forSourceString("com.example.PingHandlers", handlers),
                    JavaFileObjects.forSourceString("com.example.Pong", "package com.example;\n" + pong));
            assertThat(compilation).succeeded();
            return compilation;
        }

        private static String versionOf(Compilation compilation) {
            return MAPPER.readTree(contract(compilation)).get("version").asString();
        }
    }

    @Nested
    class UnsupportedTypes {

        @Test
        void areCompileErrorsOnTheParameterThatUsesThem() {
            assertOnlyError(
                    JavaFileObjects.forSourceString(
                            "com.example.DateHandlers",
                            "package com.example;\n"
                                    + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                                    + "public class DateHandlers {\n"
                                    + "    public record Range(java.util.Date from) {}\n"
                                    + "    @WebSocketRpc(\"dates.count\")\n"
                                    + "    public int count(\n"
                                    + "            Range range) { return 0; }\n"
                                    + "}\n"),
                    Message.UNSUPPORTED_CONTRACT_TYPE.format(
                            "java.util.Date",
                            "DateHandlersRange.from",
                            "count",
                            Message.TypeReason.JDK_TYPE_REPLACED.format(
                                    "Instant (a point in time) or OffsetDateTime (with its offset)")),
                    7);
        }

        /** Each unsupported type as a record component: the error is on the parameter, and says what to use. */
        @ParameterizedTest(name = "{0}")
        @MethodSource("dev.centrifugo4j.processor.HandlerProcessorContractTests#unsupportedTypes")
        void sayWhatToUseInstead(String declaredType, String reportedType, String reason) {
            assertOnlyError(
                    JavaFileObjects.forSourceString("com.example.TypeHandlers", typeHandlers(declaredType)),
                    Message.UNSUPPORTED_CONTRACT_TYPE.format(reportedType, "TypeHandlersHolder.value", "take", reason),
                    15);
        }

        @Test
        void isReportedOnTheMethodWhenItIsTheResult() {
            assertOnlyError(
                    JavaFileObjects.forSourceString(
                            "com.example.ClockHandlers",
                            "package com.example;\n"
                                    + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                                    + "public class ClockHandlers {\n"
                                    + "    @WebSocketRpc(\"clock.now\")\n"
                                    + "    public java.util.Calendar now() { return java.util.Calendar.getInstance(); }\n"
                                    + "}\n"),
                    Message.UNSUPPORTED_CONTRACT_TYPE.format(
                            "java.util.Calendar",
                            "result",
                            "now",
                            Message.TypeReason.JDK_TYPE_REPLACED.format("ZonedDateTime or OffsetDateTime")),
                    5);
        }

        @Test
        void isReportedOnThePublicationTypeOfATypedChannel() {
            assertOnlyError(
                    JavaFileObjects.forSourceString(
                            "com.example.Tick",
                            "package com.example;\n"
                                    + "import dev.centrifugo4j.channel.ChannelPublication;\n"
                                    + "@ChannelPublication(\"ticks:{id}\")\n"
                                    + "public record Tick(java.sql.Timestamp at) {}\n"),
                    Message.UNSUPPORTED_PUBLICATION_TYPE.format(
                            "java.sql.Timestamp",
                            "Tick.at",
                            "ticks:{id}",
                            Message.TypeReason.JDK_TYPE_REPLACED.format(
                                    "Instant (or LocalDateTime for a timestamp without a time zone)")),
                    3);
        }

        /** Compiles the source and asserts that its only error is the message, on the line. */
        private static void assertOnlyError(JavaFileObject source, String message, int line) {
            Compilation compilation = compile(source);

            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation).hadErrorContaining(message).inFile(source).onLine(line);
        }

        @Test
        void giveEveryReasonAReplacement() {
            for (Message.TypeReason reason : Message.TypeReason.values()) {
                assertThat(reason.format("X")).as(reason.name()).contains(" instead");
            }
        }

        @Test
        void rejectEnumsThatComputeTheirJsonValue() {
            Compilation compilation = compile(JavaFileObjects.forSourceString(
                    "com.example.LevelHandlers",
                    "package com.example;\n"
                            + "import com.fasterxml.jackson.annotation.JsonValue;\n"
                            + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                            + "public class LevelHandlers {\n"
                            + "    public enum Level { LOW; @JsonValue String wire() { return name().toLowerCase(); } }\n"
                            + "    @WebSocketRpc(\"levels.get\")\n"
                            + "    public Level get() { return Level.LOW; }\n"
                            + "}\n"));

            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation)
                    .hadErrorContaining("its @JsonValue member computes the wire value in a way the processor cannot"
                            + " read from the source");
        }

        @Test
        void describeEnumsWhoseJsonValueIsAFieldSetFromLiterals() throws IOException {
            Compilation compilation = compile(JavaFileObjects.forSourceString(
                    "com.example.LevelHandlers",
                    "package com.example;\n"
                            + "import com.fasterxml.jackson.annotation.JsonValue;\n"
                            + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                            + "public class LevelHandlers {\n"
                            + "    public enum Level {\n"
                            + "        LOW(\"low\", 1), HIGH(\"high-\\u00e9\", 2);\n"
                            + "        private final String code;\n"
                            + "        private final int rank;\n"
                            + "        Level(String code, int rank) { this.code = code; this.rank = rank; }\n"
                            + "        @JsonValue public String code() { return this.code; }\n"
                            + "    }\n"
                            + "    public enum Rank {\n"
                            + "        ONE(1), TWO(2);\n"
                            + "        @JsonValue private final int value;\n"
                            + "        Rank(int value) { this.value = value; }\n"
                            + "    }\n"
                            + "    public record Levels(Level level, Rank rank) {}\n"
                            + "    @WebSocketRpc(\"levels.get\")\n"
                            + "    public Levels get() { return new Levels(Level.LOW, Rank.ONE); }\n"
                            + "}\n"));

            assertThat(compilation).succeeded();
            JsonNode definitions = MAPPER.readTree(contract(compilation)).get("$defs");
            assertThat(definitions.get("LevelHandlersLevel").toString())
                    .isEqualTo("{\"type\":\"string\",\"enum\":[\"low\",\"high-\u00e9\"]}");
            assertThat(definitions.get("LevelHandlersRank").toString())
                    .isEqualTo("{\"type\":\"integer\",\"enum\":[1,2]}");
            // What Jackson really writes for the same enums.
            assertThat(JsonMapper.builder()
                            .build()
                            .writeValueAsString(java.util.List.of(JsonValueLevel.HIGH, JsonValueRank.TWO)))
                    .isEqualTo("[\"high-\u00e9\",2]");
        }
    }

    /** A handler whose parameter holds a value of the type, with the types the cases refer to. */
    private static String typeHandlers(String declaredType) {
        return "package com.example;\n"
                + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                + "import com.fasterxml.jackson.annotation.JsonValue;\n"
                + "public class TypeHandlers {\n"
                + "    public record Box<T>(T item) {}\n"
                + "    public interface Shape { double area(); }\n"
                + "    public static class Opaque { int hidden; }\n"
                + "    public sealed interface Animal permits Cat {}\n"
                + "    public record Cat(String name) implements Animal {}\n"
                + "    public enum Mixed { A(\"a\"), B(2); @JsonValue final Object v; Mixed(Object v) { this.v = v; } }\n"
                + "    public enum Computed { A; @JsonValue String wire() { return name().toLowerCase(); } }\n"
                + "    public record Holder(" + declaredType + " value) {}\n"
                + "    @WebSocketRpc(\"types.take\")\n"
                + "    public void take(\n"
                + "            Holder holder) {}\n"
                + "}\n";
    }

    /** A declared type, how javac names it, and the reason the error gives. */
    static Stream<Arguments> unsupportedTypes() {
        return Stream.of(
                replacedJdkType("java.util.Date", "Instant (a point in time) or OffsetDateTime (with its offset)"),
                replacedJdkType("java.util.GregorianCalendar", "ZonedDateTime or OffsetDateTime"),
                replacedJdkType("java.sql.Date", "LocalDate"),
                replacedJdkType("java.sql.Time", "LocalTime"),
                replacedJdkType(
                        "java.util.Locale",
                        "a String with the language tag, such as \"en-GB\" (Locale.forLanguageTag reads it)"),
                replacedJdkType("java.lang.Number", "Long, Double or BigDecimal"),
                Arguments.of("java.time.DayOfWeek", "java.time.DayOfWeek", Message.TypeReason.JDK_ENUM.format()),
                Arguments.of("java.lang.Thread", "java.lang.Thread", Message.TypeReason.JDK_TYPE.format()),
                Arguments.of(
                        "java.util.Map<Integer, java.util.List<String>>",
                        "java.util.Map<java.lang.Integer,java.util.List<java.lang.String>>",
                        Message.TypeReason.MAP_KEY.format("List<String>")),
                Arguments.of("java.util.Map", "java.util.Map", Message.TypeReason.MAP_KEY.format("T")),
                Arguments.of("java.util.List", "java.util.List", Message.TypeReason.RAW_COLLECTION.format("List")),
                Arguments.of("java.util.Optional", "java.util.Optional", Message.TypeReason.RAW_OPTIONAL.format()),
                Arguments.of("Box", "com.example.TypeHandlers.Box", Message.TypeReason.RAW_GENERIC.format("Box")),
                Arguments.of("Shape", "com.example.TypeHandlers.Shape", Message.TypeReason.NOT_CONCRETE.format()),
                Arguments.of("Opaque", "com.example.TypeHandlers.Opaque", Message.TypeReason.NO_PROPERTIES.format()),
                Arguments.of(
                        "Animal",
                        "com.example.TypeHandlers.Animal",
                        Message.TypeReason.SEALED_WITHOUT_TYPE_INFO.format()),
                Arguments.of(
                        "Computed",
                        "com.example.TypeHandlers.Computed",
                        Message.TypeReason.ENUM_JSON_VALUE_COMPUTED.format()),
                Arguments.of(
                        "Mixed", "com.example.TypeHandlers.Mixed", Message.TypeReason.ENUM_JSON_VALUES_MIXED.format()));
    }

    private static Arguments replacedJdkType(String type, String replacement) {
        return Arguments.of(type, type, Message.TypeReason.JDK_TYPE_REPLACED.format(replacement));
    }

    enum JsonValueLevel {
        LOW("low"),
        HIGH("high-\u00e9");

        private final String code;

        JsonValueLevel(String code) {
            this.code = code;
        }

        @com.fasterxml.jackson.annotation.JsonValue
        public String code() {
            return this.code;
        }
    }

    enum JsonValueRank {
        ONE(1),
        TWO(2);

        @com.fasterxml.jackson.annotation.JsonValue
        private final int value;

        JsonValueRank(int value) {
            this.value = value;
        }
    }

    @Nested
    class OnAnIncrementalBuild {

        @Test
        void keepsTheEntriesOfHandlersThatWereNotRecompiledAndDropsRemovedOnes(@TempDir Path classes) throws Exception {
            compileInto(classes, "KeptHandlers", "RemovedHandlers");
            Path contract = classes.resolve(ContractWriter.RESOURCE);
            assertThat(rpcNames(contract)).containsExactly("kept", "removed");

            Path incremental = classes.resolve("com/example/incremental");
            Files.delete(incremental.resolve("RemovedHandlers.class"));
            Files.delete(incremental.resolve("RemovedHandlers_CentrifugoHandlers.class"));
            compileInto(classes, "AddedHandlers");

            assertThat(rpcNames(contract)).containsExactly("added", "kept");
        }

        @Test
        void keepsTheTypedChannelOfAPublicationTypeThatWasNotRecompiledUntilItLosesItsAnnotation(@TempDir Path classes)
                throws Exception {
            compileInto(classes, "KeptEvent");
            Path contract = classes.resolve(ContractWriter.RESOURCE);

            compileInto(classes, "AddedHandlers");
            assertThat(typedChannelPatterns(contract)).containsExactly("kept:{id}");
            assertThat(MAPPER.readTree(Files.readString(contract)).get("$defs").has("KeptEvent"))
                    .isTrue();

            compileInto(classes, "changed/KeptEvent");
            assertThat(typedChannelPatterns(contract)).isEmpty();
        }

        private static List<String> rpcNames(Path contract) throws IOException {
            return valuesOf(contract, "rpc", "name");
        }

        private static List<String> typedChannelPatterns(Path contract) throws IOException {
            return valuesOf(contract, "typedChannels", "pattern");
        }

        /** The value of one field of every entry of one list of the contract. */
        private static List<String> valuesOf(Path contract, String list, String field) throws IOException {
            List<String> values = new ArrayList<>();
            MAPPER.readTree(Files.readString(contract))
                    .get(list)
                    .forEach(entry -> values.add(entry.get(field).asString()));
            return values;
        }
    }
}
