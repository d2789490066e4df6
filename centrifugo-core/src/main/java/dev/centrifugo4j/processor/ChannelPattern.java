package dev.centrifugo4j.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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

    private static final Pattern VARIABLE_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

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

    /** Parses a pattern, reporting the first problem found from the left. */
    static Result parse(String value) {
        if (value.isBlank()) {
            return new Invalid(Message.PATTERN_BLANK, List.of());
        }
        if (value.codePoints().anyMatch(Character::isWhitespace)) {
            return new Invalid(Message.PATTERN_WHITESPACE, List.of());
        }
        List<String> variables = new ArrayList<>();
        StringBuilder shape = new StringBuilder();
        int previousVariableEnd = -1;
        int index = 0;
        while (index < value.length()) {
            char character = value.charAt(index);
            if (character == '}') {
                return new Invalid(Message.PATTERN_UNBALANCED_BRACE, List.of("}", index));
            }
            if (character != '{') {
                shape.append(character);
                index++;
                continue;
            }
            int close = value.indexOf('}', index + 1);
            int nextOpen = value.indexOf('{', index + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                return new Invalid(Message.PATTERN_UNBALANCED_BRACE, List.of("{", index));
            }
            String name = value.substring(index + 1, close);
            if (name.isEmpty()) {
                return new Invalid(Message.PATTERN_EMPTY_VARIABLE, List.of());
            }
            if (!VARIABLE_NAME.matcher(name).matches()) {
                return new Invalid(Message.PATTERN_INVALID_VARIABLE, List.of(name));
            }
            if (previousVariableEnd == index) {
                return new Invalid(
                        Message.PATTERN_ADJACENT_VARIABLES, List.of(variables.get(variables.size() - 1), name));
            }
            if (variables.contains(name)) {
                return new Invalid(Message.PATTERN_DUPLICATE_VARIABLE, List.of(name));
            }
            variables.add(name);
            shape.append("{}");
            index = close + 1;
            previousVariableEnd = index;
        }
        return new Parsed(new ChannelPattern(value, variables, shape.toString()));
    }
}
