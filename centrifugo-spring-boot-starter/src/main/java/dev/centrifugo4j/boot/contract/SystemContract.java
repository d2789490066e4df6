package dev.centrifugo4j.boot.contract;

import dev.centrifugo4j.contract.Contracts;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The handler of the built-in RPC method {@value #METHOD}: it answers with the version of the
 * application's contract and, only with {@link ContractExposure#FULL}, the contract itself without
 * the Java class names of handlers and publication types; read once from every {@value
 * Contracts#RESOURCE} on the class path (the application's, and those of libraries with handlers of
 * their own, merged by {@link Contracts}).
 *
 * <p>The starter compiles this class with the annotation processor like any handler, so the method
 * is in the starter's handler index, and serves it when a bean of this class exists (declared when
 * the application has a contract). From the JavaScript SDK:
 *
 * <pre>{@code
 * const { data } = await centrifuge.rpc("system.contract", {});
 * if (data.version !== GENERATED_CONTRACT_VERSION) { ... }
 * }</pre>
 */
public final class SystemContract {

    /** The RPC method name. */
    public static final String METHOD = "system.contract";

    private final JsonMapper mapper;

    private final ClassLoader classLoader;

    private final ContractExposure exposure;

    private volatile @Nullable ContractReply reply;

    /**
     * Creates the handler that answers with the version only.
     *
     * @param mapper reads the contract
     * @param classLoader finds the contracts
     */
    public SystemContract(JsonMapper mapper, ClassLoader classLoader) {
        this(mapper, classLoader, ContractExposure.VERSION);
    }

    /**
     * Creates the handler.
     *
     * @param mapper reads the contract
     * @param classLoader finds the contracts
     * @param exposure whether to answer with the version only or with the contract too
     */
    public SystemContract(JsonMapper mapper, ClassLoader classLoader, ContractExposure exposure) {
        if (exposure == null) {
            throw new IllegalArgumentException("'exposure' must not be null");
        }
        this.mapper = mapper;
        this.classLoader = classLoader;
        this.exposure = exposure;
    }

    /**
     * The contract's version, and the contract when it is exposed in full.
     *
     * @return the reply, the same for every call
     * @throws IllegalStateException when there is no contract on the class path, one has no version,
     *     or two do not fit together
     */
    @WebSocketRpc(METHOD)
    public ContractReply contract() {
        ContractReply current = this.reply;
        if (current == null) {
            current = read();
            this.reply = current;
        }
        return current;
    }

    private ContractReply read() {
        List<JsonNode> parts = new ArrayList<>();
        List<URL> resources;
        try {
            resources = Collections.list(this.classLoader.getResources(Contracts.RESOURCE));
        } catch (IOException ex) {
            throw new UncheckedIOException("Failed to look for " + Contracts.RESOURCE, ex);
        }
        if (resources.isEmpty()) {
            throw new IllegalStateException(
                    "No " + Contracts.RESOURCE + " on the class path: the centrifugo4j annotation"
                            + " processor writes it when it compiles @WebSocketRpc or channel handler methods");
        }
        for (URL resource : resources) {
            try (InputStream in = resource.openStream()) {
                parts.add(this.mapper.readTree(in));
            } catch (IOException ex) {
                throw new UncheckedIOException("Failed to read " + resource, ex);
            }
        }
        JsonNode contract;
        try {
            contract = Contracts.merge(parts);
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException(
                    "The contracts " + resources + " do not fit together: " + ex.getMessage(), ex);
        }
        String version = contract.get("version").asString();
        return (this.exposure == ContractExposure.FULL)
                ? new ContractReply(version, withoutClassNames(contract))
                : ContractReply.versionOnly(version);
    }

    /**
     * The contract without the Java class names the processor records for its own use (merging,
     * incremental builds): {@code handler} of RPC methods and channel handlers, {@code type} of typed
     * channels. Clients need neither, and they tell an attacker how the server is built.
     */
    private static JsonNode withoutClassNames(JsonNode contract) {
        ObjectNode copy = (ObjectNode) contract.deepCopy();
        for (String section : List.of("rpc", "channels")) {
            for (JsonNode entry : copy.path(section)) {
                if (entry instanceof ObjectNode object) {
                    object.remove("handler");
                }
            }
        }
        for (JsonNode entry : copy.path("typedChannels")) {
            if (entry instanceof ObjectNode object) {
                object.remove("type");
            }
        }
        return copy;
    }
}
