package dev.centrifugo4j.boot.autoconfigure;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A {@code centrifugo.*} property is missing or wrong in a way that stops the application from
 * starting; {@link InvalidCentrifugoPropertyFailureAnalyzer} tells what to set.
 */
public class InvalidCentrifugoPropertyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String property;

    private final String problem;

    private final String action;

    /**
     * Creates the exception.
     *
     * @param property the property's name, for example {@code centrifugo.api-url}
     * @param problem what is wrong with it
     * @param action what to set
     * @param cause the exception that revealed the problem, if any
     */
    public InvalidCentrifugoPropertyException(
            String property, String problem, String action, @Nullable Throwable cause) {
        super("Invalid " + property + ": " + problem, cause);
        this.property = property;
        this.problem = problem;
        this.action = action;
    }

    /** The property's name. */
    public String getProperty() {
        return this.property;
    }

    /** What is wrong with it. */
    public String getProblem() {
        return this.problem;
    }

    /** What to set. */
    public String getAction() {
        return this.action;
    }

    /**
     * A duration property that must be positive.
     *
     * @param value the property's value
     * @param property the property's name
     * @param why why it must be positive, for the problem ("connection tokens must expire")
     * @param action what to set
     * @return the value
     * @throws InvalidCentrifugoPropertyException when it is missing, zero or negative
     */
    static Duration positive(@Nullable Duration value, String property, String why, String action) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidCentrifugoPropertyException(
                    property, "it is " + value + ", but " + why + " (a positive duration)", action, null);
        }
        return value;
    }
}
