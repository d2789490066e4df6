package dev.centrifugo4j.codegen.go;

import dev.centrifugo4j.codegen.CodeWriter;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Doc comments in Go's form, which starts with the name it documents ({@code // OrdersGet returns
 * the order.}, {@code // Color is a colour, written by name.}), as staticcheck checks (ST1020,
 * ST1021, ST1022), made from the Javadoc descriptions of the contract. Characters Go would refuse or
 * not show (U+FEFF among them) are written as escapes.
 */
final class GoComments {

    /** Words after which a first word ending in s is a verb: "Returns the ...", "Holds what ...". */
    private static final Set<String> OBJECT_STARTS = Set.of(
            "a", "an", "the", "its", "their", "this", "that", "these", "those", "one", "all", "each", "every", "some",
            "any", "no", "whether", "if", "how", "what", "when", "where", "which", "who", "whom", "to", "it", "them");

    private GoComments() {}

    /**
     * The comment of a type, field or constant: "Color is a colour" for "A colour", "Order holds the
     * lines" for "Holds the lines"; nothing for an empty description.
     */
    static void describe(CodeWriter out, String name, String description) {
        List<String> lines = lines(description);
        if (lines.isEmpty()) {
            return;
        }
        String head = lines.get(0);
        String first = firstWord(head);
        if (head.startsWith(name + " ")) {
            out.line("// " + head);
        } else if (isVerb(first) && OBJECT_STARTS.contains(secondWord(head).toLowerCase(Locale.ROOT))) {
            out.line("// " + name + " " + lowerFirst(head));
        } else {
            out.line("// " + name + " is " + lowerFirst(head));
        }
        rest(out, lines);
    }

    /**
     * The comment of a generated method for an RPC: "OrdersGet returns the order. It calls
     * orders.get." for a description that starts with a verb, "OrdersGet calls orders.get: the order."
     * for another one, "OrdersGet calls orders.get." without one.
     */
    static void method(CodeWriter out, String name, String rpcName, String description) {
        List<String> lines = lines(description);
        String calls = "calls " + oneLine(rpcName);
        if (lines.isEmpty()) {
            out.line("// " + name + " " + calls + ".");
            return;
        }
        String head = lines.get(0);
        if (!isVerb(firstWord(head))) {
            out.line("// " + name + " " + calls + ": " + lowerFirst(head));
            rest(out, lines);
            return;
        }
        out.line("// " + name + " " + lowerFirst(head));
        rest(out, lines);
        String last = lines.get(lines.size() - 1);
        if (!last.isEmpty() && ".!?:".indexOf(last.charAt(last.length() - 1)) < 0) {
            out.line("//");
        }
        out.line("// It " + calls + ".");
    }

    /** A comment of the generator's own words, which start with a verb: "SubscribeZooCage subscribes to ...". */
    static void sentence(CodeWriter out, String name, String text) {
        out.line("// " + name + " " + oneLine(text));
    }

    /** Text for a comment: one line, the characters Go would refuse or not show escaped. */
    static String oneLine(String text) {
        return GoTypeMapper.escapeInvisible(text.replaceAll("\\R", " "));
    }

    private static void rest(CodeWriter out, List<String> lines) {
        lines.stream().skip(1).forEach(line -> out.line(line.isEmpty() ? "//" : "// " + line));
    }

    private static List<String> lines(String text) {
        return text.strip()
                .lines()
                .map(line -> GoTypeMapper.escapeInvisible(line.strip()))
                .toList();
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return (space < 0) ? text : text.substring(0, space);
    }

    private static String secondWord(String text) {
        int space = text.indexOf(' ');
        return (space < 0) ? "" : firstWord(text.substring(space + 1).strip());
    }

    /** A verb of the third person: "Returns", "echoes", not "Class" or "its". */
    private static boolean isVerb(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return lower.length() > 2
                && lower.endsWith("s")
                && !lower.endsWith("ss")
                && !lower.endsWith("us")
                && !lower.endsWith("is")
                && lower.chars().allMatch(Character::isLetter);
    }

    /** "A colour" gives "a colour"; "JSON text" and "iPhone" stay as they are. */
    private static String lowerFirst(String text) {
        if (text.isEmpty() || !Character.isUpperCase(text.charAt(0))) {
            return text;
        }
        if (text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
            return text;
        }
        return Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }
}
