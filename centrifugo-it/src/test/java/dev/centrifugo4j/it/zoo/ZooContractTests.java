package dev.centrifugo4j.it.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.centrifugo4j.json.CentrifugoJson;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The contract describes what Jackson really puts on the wire: the zoo's values validate against
 * the schemas of the methods' parameters, and what the application writes after binding them to
 * the Java types (with the mapper the starter uses for payloads) validates against the results'.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ZooContractTests {

    private static final JsonMapper PLAIN = JsonMapper.builder().build();

    /** The mapper the starter derives for proxy payloads and the publisher. */
    private static final JsonMapper WIRE = CentrifugoJson.mapper(PLAIN);

    /** The Java type each RPC method binds its data to. */
    private static final Map<String, TypeReference<?>> PARAMS = Map.of(
            "zoo.echo", new TypeReference<Everything>() {},
            "zoo:shape", new TypeReference<Shape>() {},
            "zoo.page", new TypeReference<Page<Order.Line>>() {},
            "zoo.tags", new TypeReference<Map<String, List<Tag>>>() {},
            "zoo.keeper", new TypeReference<Keeper>() {});

    private JsonNode contract;

    private JsonNode values;

    @BeforeAll
    void read() throws Exception {
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/centrifugo/contract.json")) {
            assertThat(in).as("the processor's contract").isNotNull();
            this.contract = PLAIN.readTree(in);
        }
        this.values = PLAIN.readTree(ZooThroughCentrifugoTests.VALUES.toFile());
    }

    private JsonNode method(String name) {
        for (JsonNode method : this.contract.path("rpc")) {
            if (method.path("name").asString().equals(name)) {
                return method;
            }
        }
        throw new AssertionError("no method " + name + " in the contract");
    }

    private List<String> validate(JsonNode schemaNode, JsonNode value) {
        ObjectNode root = PLAIN.createObjectNode();
        root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        root.set("$defs", this.contract.get("$defs"));
        root.setAll((ObjectNode) schemaNode);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(root.toString(), InputFormat.JSON);
        List<String> failures = new ArrayList<>();
        for (Error error : schema.validate(
                value, context -> context.executionConfig(config -> config.formatAssertionsEnabled(true)))) {
            failures.add(error.toString());
        }
        return failures;
    }

    @Test
    void describesTheValuesSentAndTheValuesWritten() {
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (JsonNode testCase : this.values.path("cases")) {
            if (!testCase.has("value")) {
                continue;
            }
            String name = testCase.path("name").asString();
            JsonNode method = method(testCase.path("method").asString());
            JsonNode sent = testCase.get("value");
            validate(method.get("params"), sent).forEach(failure -> failures.add(name + " (sent): " + failure));

            Object bound = WIRE.readValue(
                    sent.toString(), PARAMS.get(testCase.path("method").asString()));
            JsonNode written = WIRE.valueToTree(bound);
            validate(method.get("result"), written).forEach(failure -> failures.add(name + " (written): " + failure));
            checked++;
        }

        assertThat(failures).isEmpty();
        assertThat(checked).isEqualTo(8);
    }

    @Test
    void describesTheTypedChannelsPublications() {
        JsonNode typed = this.contract.path("typedChannels").get(0);
        assertThat(typed.path("pattern").asString()).isEqualTo("zoo:cage.{cage}");
        JsonNode sighting = this.values.at("/sighting/sighting").deepCopy();
        ((ObjectNode) sighting).set("specimen", this.values.at("/cases/0/value"));

        JsonNode written = WIRE.valueToTree(WIRE.readValue(sighting.toString(), Sighting.class));

        assertThat(validate(typed.get("data"), written)).isEmpty();
    }

    @Test
    void refusesWhatTheWireWouldNotCarry() {
        ObjectNode wrong = (ObjectNode) this.values.at("/cases/0/value").deepCopy();
        wrong.put("price", 12.5);
        wrong.put("grade", "SMALL");
        wrong.remove("id");

        assertThat(validate(method("zoo.echo").get("params"), wrong)).hasSize(3);
    }
}
