package dev.centrifugo4j.boot.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import dev.centrifugo4j.contract.Contracts;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.HandlerIndexes;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class SystemContractTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final RpcContext CONTEXT =
            new RpcContext("client-1", "alice", "websocket", "json", "json", "system.contract", null, Map.of(), null);

    private static ClassLoader withContract(Path root, String json) throws IOException {
        Path file = root.resolve(Contracts.RESOURCE);
        Files.createDirectories(file.getParent());
        Files.writeString(file, json);
        return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
    }

    @Nested
    class TheReply {

        /** A contract as the processor writes it, with the Java class names it records. */
        private static final String CONTRACT = "{\"version\":\"abc123\","
                + "\"rpc\":[{\"name\":\"orders.get\",\"handler\":\"com.example.internal.OrderHandlers\","
                + "\"async\":false}],"
                + "\"channels\":[{\"pattern\":\"orders:{id}\",\"operation\":\"subscribe\","
                + "\"handler\":\"com.example.internal.OrderHandlers\"}],"
                + "\"typedChannels\":[{\"pattern\":\"orders:{id}\",\"type\":\"com.example.internal.OrderEvent\","
                + "\"data\":{\"$ref\":\"#/$defs/OrderEvent\"}}],"
                + "\"$defs\":{\"OrderEvent\":{\"type\":\"object\"}}}";

        @Test
        void carriesOnlyTheVersionByDefault(@TempDir Path root) throws IOException {
            SystemContract handler = new SystemContract(MAPPER, withContract(root, CONTRACT));

            ContractReply reply = handler.contract();

            assertThat(reply.version()).isEqualTo("abc123");
            assertThat(reply.contract()).isNull();
            assertThat(MAPPER.writeValueAsString(reply)).isEqualTo("{\"version\":\"abc123\"}");
        }

        @Test
        void carriesTheContractWithoutJavaClassNamesWhenExposedInFull(@TempDir Path root) throws IOException {
            SystemContract handler = new SystemContract(MAPPER, withContract(root, CONTRACT), ContractExposure.FULL);

            ContractReply reply = handler.contract();

            String expected = CONTRACT.replace(",\"handler\":\"com.example.internal.OrderHandlers\"", "")
                    .replace(",\"type\":\"com.example.internal.OrderEvent\"", "");
            assertThat(reply.version()).isEqualTo("abc123");
            assertThat(reply.contract()).isEqualTo(MAPPER.readTree(expected));
            assertThat(MAPPER.writeValueAsString(reply))
                    .startsWith("{\"version\":\"abc123\",\"contract\":{")
                    .doesNotContain("com.example")
                    .doesNotContain("\"handler\"");
        }

        @Test
        void answersWithTheMergedContractOfEveryJar(@TempDir Path app, @TempDir Path library) throws IOException {
            String appContract = "{\"version\":\"b2\",\"rpc\":[{\"name\":\"orders.get\",\"handler\":\"app.Orders\"}],"
                    + "\"$defs\":{\"Order\":{\"type\":\"object\"}}}";
            String libraryContract =
                    "{\"version\":\"a1\",\"rpc\":[{\"name\":\"audit.list\",\"handler\":\"lib.Audit\"}],"
                            + "\"$defs\":{\"Entry\":{\"type\":\"object\"}}}";
            withContract(app, appContract);
            withContract(library, libraryContract);
            ClassLoader both = new URLClassLoader(
                    new URL[] {app.toUri().toURL(), library.toUri().toURL()}, null);

            ContractReply reply = new SystemContract(MAPPER, both, ContractExposure.FULL).contract();

            JsonNode expected =
                    Contracts.merge(List.of(MAPPER.readTree(appContract), MAPPER.readTree(libraryContract)));
            for (JsonNode method : expected.path("rpc")) {
                ((ObjectNode) method).remove("handler");
            }
            assertThat(reply.contract()).isEqualTo(expected);
            assertThat(reply.contract().path("rpc").findValuesAsString("name"))
                    .containsExactly("audit.list", "orders.get");
            assertThat(reply.version())
                    .isEqualTo(expected.path("version").asString())
                    .isNotIn("a1", "b2");
        }

        @Test
        void explainsThatTheContractIsMissing(@TempDir Path root) throws IOException {
            SystemContract handler = new SystemContract(
                    MAPPER, new URLClassLoader(new URL[] {root.toUri().toURL()}, null));

            assertThatIllegalStateException()
                    .isThrownBy(handler::contract)
                    .withMessageContaining("No META-INF/centrifugo/contract.json on the class path");
        }

        @Test
        void rejectsAContractWithoutVersion(@TempDir Path root) throws IOException {
            SystemContract handler = new SystemContract(MAPPER, withContract(root, "{\"rpc\":[]}"));

            assertThatIllegalStateException().isThrownBy(handler::contract).withMessageContaining("has no version");
        }
    }

    @Nested
    class TheIndex {

        @Test
        void isGeneratedByTheProcessorAndListedInTheStartersHandlerIndex() {
            assertThat(HandlerIndexes.load(SystemContractTests.class.getClassLoader()))
                    .extracting(HandlerIndex::handlerType)
                    .contains(SystemContract.class);
        }

        @Test
        void definesSystemContractWithoutParametersAndCallsTheHandler(@TempDir Path root) throws Exception {
            SystemContract handler = new SystemContract(MAPPER, withContract(root, "{\"version\":\"v1\"}"));
            RpcMethodDefinition definition =
                    new SystemContract_CentrifugoHandlers().methods().get(0);

            assertThat(definition.name()).isEqualTo("system.contract");
            assertThat(definition.paramsType()).isNull();
            assertThat(definition.invoker().invoke(handler, CONTEXT, null)).isEqualTo(ContractReply.versionOnly("v1"));
        }
    }
}
