package dev.centrifugo4j.boot.contract;

import tools.jackson.databind.JsonNode;

/**
 * What {@code system.contract} answers: a client compares {@code version} with the version it was
 * generated from to tell that it is out of date.
 *
 * @param version the contract's version, a SHA-256 of its RPC methods, channels and types
 * @param contract the whole contract, as the processor wrote it
 */
public record ContractReply(String version, JsonNode contract) {

    public ContractReply {
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("'version' must not be blank");
        }
        if (contract == null) {
            throw new IllegalArgumentException("'contract' must not be null");
        }
    }
}
