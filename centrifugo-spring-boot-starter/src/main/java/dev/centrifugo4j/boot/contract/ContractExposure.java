package dev.centrifugo4j.boot.contract;

/**
 * How much of the contract {@code system.contract} answers with. The version is what generated
 * clients compare with the {@code CONTRACT_VERSION} they were generated from; the full contract (every
 * RPC method, channel pattern and schema) maps the application's whole API for anyone connected, so
 * it is opt-in, like Spring Boot's {@code management.endpoint.health.show-details}.
 */
public enum ContractExposure {

    /** Only the version: {@code {"version":"..."}}. The default. */
    VERSION,

    /**
     * The version and the contract: {@code {"version":"...","contract":{...}}}, without the Java
     * class names of handlers and publication types.
     */
    FULL
}
