package dev.centrifugo4j.processor;

import dev.centrifugo4j.contract.ContractVersion;
import dev.centrifugo4j.contract.Contracts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Assembles {@value #RESOURCE}: the RPC methods and channel handlers of this compilation, those of
 * an earlier (incremental) compilation that still stand, and the JSON Schema definitions of their
 * types, in a fixed order, with a version that hashes all of it.
 *
 * <p>The contract is itself a JSON Schema document ({@code $schema} is 2020-12), so that the
 * {@code $ref}s of its entries resolve against its {@code $defs}:
 *
 * <pre>{@code
 * {
 *   "$schema": "https://json-schema.org/draft/2020-12/schema",
 *   "version": "<sha-256 of the rest, hex>",
 *   "rpc": [{"name", "description"?, "handler", "async", "params"?, "result"?}],
 *   "channels": [{"pattern", "operation", "variables", "handler", "description"?, "data"?}],
 *   "typedChannels": [{"pattern", "variables", "type", "description"?, "data"}],
 *   "$defs": {"<TypeName>": <schema>}
 * }
 * }</pre>
 */
final class ContractWriter {

    /** Where the contract is written in the class output. */
    static final String RESOURCE = Contracts.RESOURCE;

    static final String SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema";

    private static final String DEFS_POINTER = "#/$defs/";

    private final ContractSchemas schemas;

    private final List<Map<String, Object>> rpc = new ArrayList<>();

    private final List<Map<String, Object>> channels = new ArrayList<>();

    private final List<Map<String, Object>> typedChannels = new ArrayList<>();

    ContractWriter(ContractSchemas schemas) {
        this.schemas = schemas;
    }

    void addRpc(Map<String, Object> entry) {
        this.rpc.add(entry);
    }

    void addChannel(Map<String, Object> entry) {
        this.channels.add(entry);
    }

    void addTypedChannel(Map<String, Object> entry) {
        this.typedChannels.add(entry);
    }

    boolean isEmpty() {
        return this.rpc.isEmpty() && this.channels.isEmpty() && this.typedChannels.isEmpty();
    }

    /**
     * The contract's text.
     *
     * @param previous the contract an earlier compilation left in the class output, or {@code null}
     * @param stillValid whether an entry of the earlier contract, named by its handler class, still
     *     stands (its handler exists, has handlers and was not compiled again)
     * @param stillValidType whether a typed channel of the earlier contract, named by its
     *     publication type, still stands
     */
    String render(
            @Nullable Map<String, Object> previous, Predicate<String> stillValid, Predicate<String> stillValidType) {
        List<Map<String, Object>> rpcEntries = new ArrayList<>(this.rpc);
        List<Map<String, Object>> channelEntries = new ArrayList<>(this.channels);
        List<Map<String, Object>> typedEntries = new ArrayList<>(this.typedChannels);
        List<Object> schemasOfEntries = new ArrayList<>();
        schemasOfEntries.addAll(rpcEntries);
        schemasOfEntries.addAll(channelEntries);
        schemasOfEntries.addAll(typedEntries);
        Map<String, Object> definitions = new TreeMap<>(this.schemas.definitions(schemasOfEntries));
        if (previous != null) {
            List<Object> kept = new ArrayList<>();
            kept.addAll(keep(previous.get("rpc"), "handler", stillValid, rpcEntries));
            kept.addAll(keep(previous.get("channels"), "handler", stillValid, channelEntries));
            kept.addAll(keep(previous.get("typedChannels"), "type", stillValidType, typedEntries));
            if (previous.get("$defs") instanceof Map<?, ?> previousDefinitions) {
                Set<String> reachable = new LinkedHashSet<>();
                collectReferences(kept, previousDefinitions, reachable);
                for (String name : reachable) {
                    if (!definitions.containsKey(name) && previousDefinitions.get(name) != null) {
                        definitions.put(name, previousDefinitions.get(name));
                    }
                }
            }
        }
        rpcEntries.sort(Comparator.comparing(entry -> (String) entry.get("name")));
        channelEntries.sort(Comparator.comparing((Map<String, Object> entry) -> (String) entry.get("pattern"))
                .thenComparing(entry -> (String) entry.get("operation")));
        typedEntries.sort(Comparator.comparing(entry -> (String) entry.get("pattern")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("rpc", rpcEntries);
        body.put("channels", channelEntries);
        body.put("typedChannels", typedEntries);
        body.put("$defs", definitions);
        Map<String, Object> contract = new LinkedHashMap<>();
        contract.put("$schema", SCHEMA_DIALECT);
        contract.put("version", ContractVersion.of(Json.write(body)));
        contract.putAll(body);
        return Json.write(contract);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> keep(
            @Nullable Object previousEntries,
            String ownerKey,
            Predicate<String> stillValid,
            List<Map<String, Object>> entries) {
        List<Map<String, Object>> kept = new ArrayList<>();
        if (previousEntries instanceof List<?> list) {
            for (Object element : list) {
                if (element instanceof Map<?, ?> entry
                        && entry.get(ownerKey) instanceof String owner
                        && stillValid.test(owner)) {
                    kept.add((Map<String, Object>) entry);
                }
            }
        }
        entries.addAll(kept);
        return kept;
    }

    /** The names of the definitions a node refers to, directly or through other definitions. */
    private static void collectReferences(@Nullable Object node, Map<?, ?> definitions, Set<String> names) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("$ref") instanceof String reference && reference.startsWith(DEFS_POINTER)) {
                String name = reference.substring(DEFS_POINTER.length());
                if (names.add(name)) {
                    collectReferences(definitions.get(name), definitions, names);
                }
            }
            map.values().forEach(value -> collectReferences(value, definitions, names));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectReferences(value, definitions, names));
        }
    }
}
