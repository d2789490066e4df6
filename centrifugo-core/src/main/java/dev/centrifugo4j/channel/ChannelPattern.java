package dev.centrifugo4j.channel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    /** Literal parts; {@code parts.get(i)} precedes variable i; one more part than variables. */
    private final List<String> literals;

    private final List<String> variableNames;

    private final int literalLength;

    private ChannelPattern(String text, List<String> literals, List<String> variableNames) {
        this.text = text;
        this.literals = List.copyOf(literals);
        this.variableNames = List.copyOf(variableNames);
        this.literalLength = literals.stream().mapToInt(String::length).sum();
    }

    /**
     * Parses a pattern.
     *
     * @param pattern the pattern text
     * @return the pattern
     * @throws IllegalArgumentException when the pattern is malformed (the message says why)
     */
    public static ChannelPattern parse(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("Channel pattern must not be blank");
        }
        List<String> literals = new ArrayList<>();
        List<String> names = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < pattern.length()) {
            char c = pattern.charAt(i);
            if (Character.isWhitespace(c)) {
                throw new IllegalArgumentException("Channel pattern '" + pattern + "' must not contain whitespace");
            }
            if (c == '}') {
                throw new IllegalArgumentException("Channel pattern '" + pattern + "' has an unmatched '}'");
            }
            if (c != '{') {
                literal.append(c);
                i++;
                continue;
            }
            int end = pattern.indexOf('}', i);
            if (end < 0) {
                throw new IllegalArgumentException("Channel pattern '" + pattern + "' has an unclosed '{'");
            }
            String name = pattern.substring(i + 1, end);
            if (!isIdentifier(name)) {
                throw new IllegalArgumentException(
                        "Channel pattern '" + pattern + "' has an invalid variable name '" + name + "'");
            }
            if (names.contains(name)) {
                throw new IllegalArgumentException(
                        "Channel pattern '" + pattern + "' uses the variable '" + name + "' twice");
            }
            if (!names.isEmpty() && literal.length() == 0) {
                throw new IllegalArgumentException("Channel pattern '" + pattern
                        + "' has two adjacent variables: separate them with literal text");
            }
            literals.add(literal.toString());
            literal.setLength(0);
            names.add(name);
            i = end + 1;
        }
        literals.add(literal.toString());
        return new ChannelPattern(pattern, literals, names);
    }

    private static boolean isIdentifier(String name) {
        if (name.isEmpty() || !(Character.isLetter(name.charAt(0)) || name.charAt(0) == '_')) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_') || c > 127) {
                return false;
            }
        }
        return name.charAt(0) <= 127;
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

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof ChannelPattern pattern && pattern.text.equals(this.text);
    }

    @Override
    public int hashCode() {
        return this.text.hashCode();
    }

    @Override
    public String toString() {
        return this.text;
    }
}
