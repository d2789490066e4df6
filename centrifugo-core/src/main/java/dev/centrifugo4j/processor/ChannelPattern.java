package dev.centrifugo4j.processor;

import dev.centrifugo4j.channel.InvalidChannelPatternException;
import java.util.List;

/**
 * A parsed channel pattern such as {@code chat:room:{roomId}}: literal text and {@code {name}}
 * variables.
 *
 * @param value the pattern as written
 * @param variables the variable names, in order of appearance
 * @param shape the pattern with every variable written as {@code {}}: two patterns of the same shape
 *     match the same channels, whatever their variables are called
 */
record ChannelPattern(String value, List<String> variables, String shape) {

    ChannelPattern {
        variables = List.copyOf(variables);
    }

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
    }

    /**
     * Parses a pattern with the runtime's parser (one grammar for compile time and run time),
     * translating its problems into diagnostics.
     */
    static Result parse(String value) {
        try {
            dev.centrifugo4j.channel.ChannelPattern parsed = dev.centrifugo4j.channel.ChannelPattern.parse(value);
            return new Parsed(new ChannelPattern(value, parsed.variableNames(), parsed.shape()));
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
