package dev.centrifugo4j.codegen.config;

/** The configuration to merge into is missing or is not a Centrifugo JSON configuration. */
public final class InvalidConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    InvalidConfigException(String message) {
        super(message);
    }

    InvalidConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
