package dev.centrifugo4j.examples.terminal;

/**
 * The terminal refuses to start: something it needs to be safe is missing (a secret, the sandbox).
 * {@link StartupRefusedFailureAnalyzer} prints the description and what to do about it.
 */
final class StartupRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String action;

    StartupRefusedException(String description, String action) {
        super(description);
        this.action = action;
    }

    /** What the operator has to do. */
    String action() {
        return this.action;
    }
}
