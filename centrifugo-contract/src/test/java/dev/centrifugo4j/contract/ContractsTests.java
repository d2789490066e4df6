package dev.centrifugo4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ContractsTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private static final String APP =
            "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"version\":\"b2\","
                    + "\"rpc\":[{\"name\":\"orders.get\",\"handler\":\"app.Orders\",\"result\":{\"$ref\":\"#/$defs/Order\"}}],"
                    + "\"channels\":[{\"pattern\":\"orders:{id}\",\"operation\":\"subscribe\",\"handler\":\"app.Orders\"}],"
                    + "\"typedChannels\":[],"
                    + "\"$defs\":{\"Order\":{\"type\":\"object\"},\"Money\":{\"type\":\"string\"}}}";

    private static final String LIBRARY =
            "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"version\":\"a1\","
                    + "\"rpc\":[{\"name\":\"audit.list\",\"handler\":\"lib.Audit\"}],"
                    + "\"channels\":[],"
                    + "\"typedChannels\":[{\"pattern\":\"audit:{id}\",\"type\":\"lib.Entry\",\"data\":{\"$ref\":\"#/$defs/Entry\"}}],"
                    + "\"$defs\":{\"Entry\":{\"type\":\"object\"},\"Money\":{\"type\":\"string\"}}}";

    private static JsonNode json(String text) {
        return MAPPER.readTree(text);
    }

    @Test
    void returnsASingleContractAsItIs() {
        assertThat(Contracts.merge(List.of(json(APP)))).isEqualTo(json(APP));
    }

    @Test
    void mergesEntriesAndDefinitionsInNameOrder() {
        JsonNode merged = Contracts.merge(List.of(json(APP), json(LIBRARY)));

        assertThat(merged.path("rpc").findValuesAsString("name")).containsExactly("audit.list", "orders.get");
        assertThat(merged.path("channels")).hasSize(1);
        assertThat(merged.path("typedChannels").get(0).path("pattern").asString())
                .isEqualTo("audit:{id}");
        assertThat(merged.path("$defs").propertyNames()).containsExactly("Entry", "Money", "Order");
    }

    @Test
    void hasAVersionOfItsPartsThatDoesNotDependOnTheirOrder() {
        JsonNode merged = Contracts.merge(List.of(json(APP), json(LIBRARY)));
        JsonNode reversed = Contracts.merge(List.of(json(LIBRARY), json(APP)));

        assertThat(merged).isEqualTo(reversed);
        assertThat(merged.path("version").asString()).isEqualTo(ContractVersion.of("a1\nb2"));
        JsonNode changed = Contracts.merge(List.of(json(APP), json(LIBRARY.replace("\"a1\"", "\"a2\""))));
        assertThat(changed.path("version")).isNotEqualTo(merged.path("version"));
    }

    @Test
    void refusesAMethodDeclaredTwice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Contracts.merge(List.of(json(APP), json(APP.replace("\"b2\"", "\"b3\"")))))
                .withMessage("Two contracts declare the RPC method \"orders.get\" (in app.Orders and app.Orders):"
                        + " keep one of them");
    }

    @Test
    void refusesATypeNameDefinedTwiceDifferently() {
        String other = LIBRARY.replace("\"Money\":{\"type\":\"string\"}", "\"Money\":{\"type\":\"number\"}");

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Contracts.merge(List.of(json(APP), json(other))))
                .withMessageStartingWith("Two contracts define the type Money differently");
    }
}
