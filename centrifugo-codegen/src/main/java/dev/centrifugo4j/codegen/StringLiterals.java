package dev.centrifugo4j.codegen;

import java.util.Locale;

/**
 * Double-quoted string literals, which the target languages write alike: {@code \"}, {@code \\},
 * {@code \n} and {@code \r}, every other character as it is (the files are UTF-8), except the other
 * control characters, which each language escapes its own way ({@link ControlEscapes}). Each type
 * mapper's {@code stringLiteral} says which way is its language's.
 */
public final class StringLiterals {

    private StringLiterals() {}

    /** How a language writes the control characters other than line feed and carriage return. */
    public enum ControlEscapes {

        /** {@code \t} for a tab, {@code \xhh} for the other C0 controls and for DEL: Python's and Go's. */
        HEX {
            @Override
            String escape(char c) {
                return (c == '\t') ? "\\t" : String.format(Locale.ROOT, "\\x%02x", (int) c);
            }
        },

        /** <code>&#92;u00hh</code> for every C0 control, tab included; DEL as it is: JavaScript's. */
        UNICODE {
            @Override
            String escape(char c) {
                return (c == 0x7f) ? String.valueOf(c) : String.format(Locale.ROOT, "\\u%04x", (int) c);
            }
        };

        abstract String escape(char c);
    }

    /**
     * The value as a double-quoted string literal.
     *
     * @param value the value
     * @param controls how the language writes control characters
     * @return the literal, quotes included
     */
    public static String doubleQuoted(String value, ControlEscapes controls) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(controls.escape(c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
