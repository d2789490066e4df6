package dev.centrifugo4j.codegen.python;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Breaks the long lines of generated Python the way black does, so that the package passes
 * pycodestyle's line length (88, ruff's default) without a formatter: a statement is broken inside
 * its largest bracket, the contents on one line when they fit, else one item per line with a trailing
 * comma; a one-line docstring becomes a docstring of several lines. A line that has nothing to break
 * (a long string literal) keeps its length and says so with {@code # noqa: E501}.
 */
final class PythonLines {

    /** The longest line, black's and ruff's default. */
    static final int WIDTH = 88;

    private static final String INDENT = "    ";

    private static final String TRIPLE_QUOTE = "\"\"\"";

    private PythonLines() {}

    /**
     * The source with its long lines broken.
     *
     * @param source Python source whose strings are on one line each, but for docstrings
     * @return the source, every line at most {@link #WIDTH} long where it can be broken
     */
    static String wrap(String source) {
        StringBuilder out = new StringBuilder();
        boolean inDocstring = false;
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String text = line.stripLeading();
            int indent = line.length() - text.length();
            boolean oneLineDocstring =
                    !inDocstring && text.startsWith(TRIPLE_QUOTE) && text.endsWith(TRIPLE_QUOTE) && text.length() >= 6;
            if (line.length() <= WIDTH || inDocstring || text.startsWith("#")) {
                out.append(line);
            } else if (oneLineDocstring) {
                docstring(text.substring(3, text.length() - 3), indent, out);
            } else {
                statement(text, indent, out);
                out.setLength(out.length() - 1);
            }
            if (!oneLineDocstring && count(text, TRIPLE_QUOTE) % 2 == 1) {
                inDocstring = !inDocstring;
            }
            if (i + 1 < lines.length) {
                out.append('\n');
            }
        }
        return out.toString();
    }

    private static void docstring(String text, int indent, StringBuilder out) {
        String prefix = " ".repeat(indent);
        StringBuilder line = new StringBuilder(prefix).append(TRIPLE_QUOTE);
        for (String word : text.split(" ")) {
            if (line.length() > indent + 3 && line.length() + 1 + word.length() > WIDTH) {
                out.append(line).append('\n');
                line.setLength(0);
                line.append(prefix).append(word);
            } else {
                if (line.length() > indent + 3) {
                    line.append(' ');
                }
                line.append(word);
            }
        }
        out.append(line).append('\n').append(prefix).append(TRIPLE_QUOTE);
    }

    /** Writes a statement (or what is left of one), broken where it is too long, each line ending with \n. */
    private static void statement(String text, int indent, StringBuilder out) {
        String prefix = " ".repeat(indent);
        if (indent + text.length() <= WIDTH) {
            out.append(prefix).append(text).append('\n');
            return;
        }
        int[] bracket = largestBracket(text);
        if (bracket == null) {
            int equals = text.indexOf(" = ");
            if (equals > 0 && !text.startsWith("def ") && !text.startsWith("async def ") && depths(text)[equals] == 0) {
                // An assignment of one long value: put the value in parentheses of its own.
                out.append(prefix).append(text, 0, equals + 3).append("(\n");
                statement(text.substring(equals + 3), indent + INDENT.length(), out);
                out.append(prefix).append(")\n");
                return;
            }
            out.append(prefix).append(text).append("  # noqa: E501\n");
            return;
        }
        String head = text.substring(0, bracket[0] + 1);
        String body = text.substring(bracket[0] + 1, bracket[1]).strip();
        String tail = text.substring(bracket[1]);
        out.append(prefix).append(head);
        out.append(indent + head.length() > WIDTH ? "  # noqa: E501\n" : "\n");
        int inner = indent + INDENT.length();
        if (inner + body.length() <= WIDTH) {
            out.append(" ".repeat(inner)).append(body).append('\n');
        } else {
            List<String> items = items(body);
            for (String item : items) {
                statement(items.size() > 1 ? item + "," : item, inner, out);
            }
        }
        statement(tail, indent, out);
    }

    /** The top-level bracket pair with the longest contents (the last of equals): its open and close index. */
    private static int[] largestBracket(String text) {
        int[] depths = depths(text);
        int[] best = null;
        int open = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (depths[i] != 0) {
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                open = i;
            } else if ((c == ')' || c == ']' || c == '}') && (best == null || i - open >= best[1] - best[0])) {
                best = new int[] {open, i};
            }
        }
        return (best != null && best[1] - best[0] > 1) ? best : null;
    }

    /** The contents of a bracket split at its top-level commas. */
    private static List<String> items(String body) {
        int[] depths = depths(body);
        List<String> items = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            if (body.charAt(i) == ',' && depths[i] == 0) {
                items.add(body.substring(start, i).strip());
                start = i + 1;
            }
        }
        String last = body.substring(start).strip();
        if (!last.isEmpty()) {
            items.add(last);
        }
        return items;
    }

    /**
     * How deep in brackets each character is, -1 inside a string: an opening bracket counts at the
     * depth outside it, and so does its closing one.
     */
    private static int[] depths(String text) {
        int[] depths = new int[text.length()];
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\'') {
                int end = Math.min(endOfString(text, i), text.length() - 1);
                Arrays.fill(depths, i, end + 1, -1);
                i = end;
                continue;
            }
            if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
            depths[i] = depth;
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            }
        }
        return depths;
    }

    /** The index of the quote that closes the string opened at {@code start}. */
    private static int endOfString(String text, int start) {
        char quote = text.charAt(start);
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == quote) {
                return i;
            }
        }
        return text.length();
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + part.length())) {
            count++;
        }
        return count;
    }
}
