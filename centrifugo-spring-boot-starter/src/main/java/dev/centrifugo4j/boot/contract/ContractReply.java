package dev.centrifugo4j.boot.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What {@code system.contract} answers: a client compares {@code version} with the version it was
 * generated from to tell that it is out of date.
 *
 * @param version the contract's version, a SHA-256 of its RPC methods, channels and types
 * @param contract the contract without Java class names, only with {@link ContractExposure#FULL};
 *     {@code null} (and left out of the JSON) otherwise
 */
public record ContractReply(
        String version,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable JsonNode contract) {

    public ContractReply {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("'version' must not be blank");
        }
    }

    /**
     * The reply with the version alone.
     *
     * @param version the contract's version
     * @return the reply
     */
    public static ContractReply versionOnly(String version) {
        return new ContractReply(version, null);
    }
}
