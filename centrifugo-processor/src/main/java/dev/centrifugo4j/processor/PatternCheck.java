package dev.centrifugo4j.processor;

import dev.centrifugo4j.contract.ChannelPattern;
import dev.centrifugo4j.contract.InvalidChannelPatternException;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a channel pattern such as {@code chat:room:{roomId}} with the runtime's parser (one grammar
 * for compile time and run time), translating its problems into diagnostics.
 */
final class PatternCheck {

    private PatternCheck() {}

    /** The outcome of {@link #parse}: a pattern, or the reason it is not one. */
    sealed interface Result permits Parsed, Invalid {}

    /** A valid pattern. */
    record Parsed(ChannelPattern pattern) implements Result {}

    /**
     * An invalid pattern.
     *
     * @param message the diagnostic, whose first three arguments are the annotation, the pattern and
     *     the method
     * @param details the diagnostic's further arguments
     */
    record Invalid(Message message, List<Object> details) implements Result {

        Invalid {
            details = List.copyOf(details);
        }

        /**
         * The diagnostic's arguments.
         *
         * @param annotation the simple name of the annotation that declares the pattern
         * @param pattern the pattern
         * @param declaredBy where the annotation is, such as {@code method join}
         */
        Object[] arguments(String annotation, String pattern, String declaredBy) {
            List<Object> arguments = new ArrayList<>(List.of(annotation, pattern, declaredBy));
            arguments.addAll(this.details);
            return arguments.toArray();
        }
    }

    /** Parses a pattern, or says why it is not one. */
    static Result parse(String value) {
        try {
            return new Parsed(ChannelPattern.parse(value));
        } catch (InvalidChannelPatternException ex) {
            return new Invalid(message(ex.problem()), ex.details());
        }
    }

    private static Message message(InvalidChannelPatternException.Problem problem) {
        return switch (problem) {
            case BLANK -> Message.PATTERN_BLANK;
            case WHITESPACE -> Message.PATTERN_WHITESPACE;
            case UNBALANCED_BRACE -> Message.PATTERN_UNBALANCED_BRACE;
            case EMPTY_VARIABLE -> Message.PATTERN_EMPTY_VARIABLE;
            case INVALID_VARIABLE -> Message.PATTERN_INVALID_VARIABLE;
            case ADJACENT_VARIABLES -> Message.PATTERN_ADJACENT_VARIABLES;
            case DUPLICATE_VARIABLE -> Message.PATTERN_DUPLICATE_VARIABLE;
        };
    }
}
