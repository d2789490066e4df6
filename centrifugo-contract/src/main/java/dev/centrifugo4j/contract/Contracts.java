package dev.centrifugo4j.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merges the contracts of several compilation units (the application and the libraries that bring
 * handlers of their own, each with its {@value #RESOURCE}) into one, the same way at run time
 * ({@code system.contract}) and in the code generator, so that both report the same version.
 *
 * <p>One contract is returned as it is. Several are merged: RPC methods sorted by name, channel
 * handlers by pattern and operation, typed channels by pattern, type definitions by name; the
 * version is the SHA-256 of the sorted versions of the parts. A method, handler or typed channel
 * declared twice, or a type name defined twice with different schemas, is an error: the generated
 * clients could not tell them apart.
 */
public final class Contracts {

    /** Where the annotation processor writes the contract of a compilation in its class output. */
    public static final String RESOURCE = "META-INF/centrifugo/contract.json";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Contracts() {}

    /**
     * The contract of all the parts.
     *
     * @param parts the contracts, each as the annotation processor wrote it (with a {@code version})
     * @return the merged contract
     * @throws IllegalArgumentException when {@code parts} is empty, a part has no version, or two
     *     parts declare the same method, handler, typed channel or a type name differently
     */
    public static JsonNode merge(List<JsonNode> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("'parts' must not be empty");
        }
        List<String> versions = new ArrayList<>();
        for (JsonNode part : parts) {
            JsonNode version = part.get("version");
            if (version == null || !version.isString() || version.asString().isBlank()) {
                throw new IllegalArgumentException("A contract has no version: rebuild the module that holds it");
            }
            versions.add(version.asString());
        }
        if (parts.size() == 1) {
            return parts.get(0);
        }
        Map<String, JsonNode> rpc = new TreeMap<>();
        Map<String, JsonNode> channels = new TreeMap<>();
        Map<String, JsonNode> typedChannels = new TreeMap<>();
        Map<String, JsonNode> definitions = new TreeMap<>();
        for (JsonNode part : parts) {
            collect(part.path("rpc"), entry -> entry.path("name").asString(), rpc, "RPC method");
            collect(
                    part.path("channels"),
                    entry -> entry.path("pattern").asString() + " "
                            + entry.path("operation").asString(),
                    channels,
                    "channel handler");
            collect(
                    part.path("typedChannels"),
                    entry -> entry.path("pattern").asString(),
                    typedChannels,
                    "typed channel");
            for (Map.Entry<String, JsonNode> definition : part.path("$defs").properties()) {
                JsonNode earlier = definitions.putIfAbsent(definition.getKey(), definition.getValue());
                if (earlier != null && !earlier.equals(definition.getValue())) {
                    throw new IllegalArgumentException("Two contracts define the type " + definition.getKey()
                            + " differently: rename one of the Java types, so that the generated clients can tell"
                            + " them apart");
                }
            }
        }
        versions.sort(Comparator.naturalOrder());
        ObjectNode merged = NODES.objectNode();
        merged.set("$schema", parts.get(0).path("$schema"));
        merged.put("version", ContractVersion.of(String.join("\n", versions)));
        merged.set("rpc", array(rpc));
        merged.set("channels", array(channels));
        merged.set("typedChannels", array(typedChannels));
        ObjectNode defs = merged.putObject("$defs");
        definitions.forEach(defs::set);
        return merged;
    }

    private interface Key {
        String of(JsonNode entry);
    }

    private static void collect(JsonNode entries, Key key, Map<String, JsonNode> into, String what) {
        for (JsonNode entry : entries) {
            String name = key.of(entry);
            JsonNode earlier = into.putIfAbsent(name, entry);
            if (earlier != null) {
                throw new IllegalArgumentException("Two contracts declare the " + what + " \"" + name + "\" (in "
                        + earlier.path("handler").asString(earlier.path("type").asString("?")) + " and "
                        + entry.path("handler").asString(entry.path("type").asString("?"))
                        + "): keep one of them");
            }
        }
    }

    private static ArrayNode array(Map<String, JsonNode> entries) {
        ArrayNode array = NODES.arrayNode();
        entries.values().forEach(array::add);
        return array;
    }
}
