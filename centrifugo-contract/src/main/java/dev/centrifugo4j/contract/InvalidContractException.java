package dev.centrifugo4j.contract;

/** The contract cannot be read: it is not JSON, or not a contract the processor wrote. */
public final class InvalidContractException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidContractException(String message) {
        super(message);
    }

    public InvalidContractException(String message, Throwable cause) {
        super(message, cause);
    }
}
