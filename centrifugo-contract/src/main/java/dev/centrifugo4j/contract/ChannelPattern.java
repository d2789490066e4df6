package dev.centrifugo4j.contract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A channel pattern such as {@code chat:room:{roomId}}: literal text with {@code {name}} variables.
 * A variable matches one or more characters other than {@code :} (Centrifugo's namespace boundary).
 * Matching walks the pattern once, without regular expressions.
 *
 * <p>{@link #SPECIFICITY} orders patterns most specific first: more literal characters, then fewer
 * variables, then the pattern text (so the order is total and stable).
 */
public final class ChannelPattern {

    /** Most specific first. */
    public static final Comparator<ChannelPattern> SPECIFICITY = Comparator.comparingInt(
                    (ChannelPattern pattern) -> -pattern.literalLength)
            .thenComparingInt((pattern) -> pattern.variableNames.size())
            .thenComparing((pattern) -> pattern.text);

    private static final char BOUNDARY = ':';

    private final String text;

    /** Literal parts; {@code literals.get(i)} precedes variable i; one more part than variables. */
    private final List<String> literals;

    private final List<String> variableNames;

    private final List<Segment> segments;

    private final int literalLength;

    private ChannelPattern(String text, List<String> literals, List<String> variableNames) {
        this.text = text;
        this.literals = List.copyOf(literals);
        this.variableNames = List.copyOf(variableNames);
        this.segments = segments(literals, variableNames);
        this.literalLength = literals.stream().mapToInt(String::length).sum();
    }

    private static List<Segment> segments(List<String> literals, List<String> variableNames) {
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < literals.size(); i++) {
            if (!literals.get(i).isEmpty()) {
                segments.add(new Segment.Literal(literals.get(i)));
            }
            if (i < variableNames.size()) {
                segments.add(new Segment.Variable(variableNames.get(i)));
            }
        }
        return List.copyOf(segments);
    }

    /**
     * Parses a pattern. The annotation processor applies the same rules at compile time.
     *
     * @param pattern the pattern text
     * @return the pattern
     * @throws InvalidChannelPatternException when the pattern is malformed (the first problem from
     *     the left)
     */
    public static ChannelPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw invalid(String.valueOf(pattern), InvalidChannelPatternException.Problem.BLANK);
        }
        if (pattern.codePoints().anyMatch(Character::isWhitespace)) {
            throw invalid(pattern, InvalidChannelPatternException.Problem.WHITESPACE);
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int previousVariableEnd = -1;
        int index = 0;
        while (index < pattern.length()) {
            char c = pattern.charAt(index);
            if (c == '}') {
                throw invalid(pattern, InvalidChannelPatternException.Problem.UNBALANCED_BRACE, "}", index);
            }
            if (c != '{') {
                literal.append(c);
                index++;
                continue;
            }
            int close = pattern.indexOf('}', index + 1);
            int nextOpen = pattern.indexOf('{', index + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                throw invalid(pattern, InvalidChannelPatternException.Problem.UNBALANCED_BRACE, "{", index);
            }
            String name = pattern.substring(index + 1, close);
            if (name.isEmpty()) {
                throw invalid(pattern, InvalidChannelPatternException.Problem.EMPTY_VARIABLE);
            }
            if (!isIdentifier(name)) {
                throw invalid(pattern, InvalidChannelPatternException.Problem.INVALID_VARIABLE, name);
            }
            if (previousVariableEnd == index) {
                throw invalid(
                        pattern,
                        InvalidChannelPatternException.Problem.ADJACENT_VARIABLES,
                        names.get(names.size() - 1),
                        name);
            }
            if (names.contains(name)) {
                throw invalid(pattern, InvalidChannelPatternException.Problem.DUPLICATE_VARIABLE, name);
            }
            literals.add(literal.toString());
            literal.setLength(0);
            names.add(name);
            index = close + 1;
            previousVariableEnd = index;
        }
        literals.add(literal.toString());
        return new ChannelPattern(pattern, literals, names);
    }

    private static InvalidChannelPatternException invalid(
            String pattern, InvalidChannelPatternException.Problem problem, Object... details) {
        return new InvalidChannelPatternException(pattern, problem, List.of(details));
    }

    private static boolean isIdentifier(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!(letter || (i > 0 && c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return !name.isEmpty();
    }

    /**
     * The pattern with every variable written as {@code {}}: two patterns of the same shape match the
     * same channels, whatever their variables are called.
     */
    public String shape() {
        StringBuilder shape = new StringBuilder(this.literals.get(0));
        for (int i = 1; i < this.literals.size(); i++) {
            shape.append("{}").append(this.literals.get(i));
        }
        return shape.toString();
    }

    /** The pattern text. */
    public String text() {
        return this.text;
    }

    /** The variable names, in order. */
    public List<String> variableNames() {
        return this.variableNames;
    }

    /**
     * The pattern split into its literal text and its variables, in order, for whoever builds channel
     * names from it (a code generator writing a function per pattern, for example). A literal is never
     * empty and two variables never follow each other, so literals and variables alternate.
     *
     * <pre>{@code
     * ChannelPattern.parse("chat:{org}.room.{roomId}").segments()
     * // [Literal[text=chat:], Variable[name=org], Literal[text=.room.], Variable[name=roomId]]
     * }</pre>
     *
     * @return the segments; a pattern without variables is one literal
     */
    public List<Segment> segments() {
        return this.segments;
    }

    /**
     * Matches a channel.
     *
     * @param channel the channel
     * @return the variables by name (in pattern order), or {@code null} when the channel does not match
     */
    public @Nullable Map<String, String> match(String channel) {
        String first = this.literals.get(0);
        if (!channel.startsWith(first)) {
            return null;
        }
        if (this.variableNames.isEmpty()) {
            return channel.length() == first.length() ? Map.of() : null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        int position = first.length();
        for (int v = 0; v < this.variableNames.size(); v++) {
            String next = this.literals.get(v + 1);
            boolean last = v == this.variableNames.size() - 1;
            int end = findVariableEnd(channel, position, next, last);
            if (end <= position) {
                return null;
            }
            variables.put(this.variableNames.get(v), channel.substring(position, end));
            position = end + next.length();
        }
        return position == channel.length() ? variables : null;
    }

    /**
     * Where a variable that starts at {@code start} ends: before the next literal (the first
     * occurrence that leaves no boundary inside the variable) or, for a last variable without a
     * trailing literal, at the end of the channel.
     */
    private static int findVariableEnd(String channel, int start, String next, boolean last) {
        int boundary = channel.indexOf(BOUNDARY, start);
        int limit = (boundary < 0) ? channel.length() : boundary;
        if (next.isEmpty()) {
            return last ? (limit == channel.length() ? limit : -1) : -1;
        }
        int found = channel.indexOf(next, start + 1);
        if (found < 0 || found > limit) {
            return -1;
        }
        if (last && !channel.startsWith(next, channel.length() - next.length())) {
            return -1;
        }
        return last ? channel.length() - next.length() : found;
    }

    /**
     * One piece of a pattern: literal text or a variable. {@link #map} takes one function per kind, so
     * that no caller forgets one.
     */
    public sealed interface Segment {

        /**
         * Turns the segment into a value.
         *
         * @param literal applied to the text of a {@link Literal}
         * @param variable applied to the name of a {@link Variable}
         * @param <R> the value's type
         * @return what the function of the segment's kind returned
         */
        <R> R map(Function<? super String, ? extends R> literal, Function<? super String, ? extends R> variable);

        /**
         * Literal text, matched as it is.
         *
         * @param text the text, never empty in a parsed pattern
         */
        record Literal(String text) implements Segment {
            @Override
            public <R> R map(
                    Function<? super String, ? extends R> literal, Function<? super String, ? extends R> variable) {
                return literal.apply(this.text);
            }
        }

        /**
         * A variable, written {@code {name}} in the pattern.
         *
         * @param name the variable's name
         */
        record Variable(String name) implements Segment {
            @Override
            public <R> R map(
                    Function<? super String, ? extends R> literal, Function<? super String, ? extends R> variable) {
                return variable.apply(this.name);
            }
        }
    }

    /** Patterns are equal when they match the same channels: when their {@link #shape()}s are. */
    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ChannelPattern pattern && pattern.shape().equals(shape());
    }

    @Override
    public int hashCode() {
        return shape().hashCode();
    }

    @Override
    public String toString() {
        return this.text;
    }
}
