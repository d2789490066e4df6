package dev.centrifugo4j.contract;

import java.util.List;

/**
 * A channel pattern that does not parse. {@link #problem()} and {@link #details()} let the
 * annotation processor report the same rule violations as compile errors on the annotation.
 */
public class InvalidChannelPatternException extends IllegalArgumentException {

    private final Problem problem;

    private final List<Object> details;

    InvalidChannelPatternException(String pattern, Problem problem, List<Object> details) {
        super("Channel pattern '" + pattern + "' " + problem.describe(details));
        this.problem = problem;
        this.details = List.copyOf(details);
    }

    /** Which rule the pattern breaks. */
    public Problem problem() {
        return this.problem;
    }

    /** The problem's particulars, as listed on each {@link Problem}. */
    public List<Object> details() {
        return this.details;
    }

    /** The rules of the pattern syntax. */
    public enum Problem {

        /** The pattern is blank. No details. */
        BLANK,

        /** The pattern contains whitespace. No details. */
        WHITESPACE,

        /** A brace has no partner. Details: the brace ("{" or "}") and its index. */
        UNBALANCED_BRACE,

        /** A variable has no name ({@code {}}). No details. */
        EMPTY_VARIABLE,

        /** A variable name is not {@code [a-zA-Z_][a-zA-Z0-9_]*}. Details: the name. */
        INVALID_VARIABLE,

        /** Two variables follow each other without literal text between. Details: both names. */
        ADJACENT_VARIABLES,

        /** A variable name is used twice. Details: the name. */
        DUPLICATE_VARIABLE;

        String describe(List<Object> details) {
            return switch (this) {
                case BLANK -> "must not be blank";
                case WHITESPACE -> "must not contain whitespace";
                case UNBALANCED_BRACE -> "has an unmatched '" + details.get(0) + "' at index " + details.get(1);
                case EMPTY_VARIABLE -> "has an empty variable {}";
                case INVALID_VARIABLE -> "has an invalid variable name '" + details.get(0) + "'";
                case ADJACENT_VARIABLES ->
                    "has two adjacent variables {" + details.get(0) + "}{" + details.get(1)
                            + "}: separate them with literal text";
                case DUPLICATE_VARIABLE -> "uses the variable '" + details.get(0) + "' twice";
            };
        }
    }
}
