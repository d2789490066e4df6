package dev.centrifugo4j.processor;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The little JSON the processor needs to write and re-read the contract: objects are {@link Map}s
 * (written in their iteration order), arrays are {@link List}s, numbers are {@link BigDecimal}s or
 * other {@link Number}s. The processor runs with nothing but the compiler on its class path, so it
 * cannot use Jackson.
 */
final class Json {

    private Json() {}

    /** The value as pretty-printed JSON, two spaces per level, with a final new line. */
    static String write(@Nullable Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out, 0);
        return out.append('\n').toString();
    }

    private static void write(@Nullable Object value, StringBuilder out, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            quote(text, out);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString());
        } else if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                out.append("{}");
                return;
            }
            out.append('{');
            String separator = "\n";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                indent(out, level + 1);
                quote(String.valueOf(entry.getKey()), out);
                out.append(": ");
                write(entry.getValue(), out, level + 1);
                separator = ",\n";
            }
            out.append('\n');
            indent(out, level);
            out.append('}');
        } else if (value instanceof List<?> list) {
            if (list.isEmpty()) {
                out.append("[]");
                return;
            }
            out.append('[');
            String separator = "\n";
            for (Object element : list) {
                out.append(separator);
                indent(out, level + 1);
                write(element, out, level + 1);
                separator = ",\n";
            }
            out.append('\n');
            indent(out, level);
            out.append(']');
        } else {
            throw new IllegalArgumentException(
                    "Not a JSON value: " + value.getClass().getName());
        }
    }

    private static void indent(StringBuilder out, int level) {
        out.append("  ".repeat(level));
    }

    private static void quote(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Parses a JSON text into maps (keeping the order of the keys), lists, strings, numbers, booleans and nulls. */
    static @Nullable Object parse(String text) {
        Parser parser = new Parser(text);
        Object value = parser.value();
        parser.skipWhitespace();
        if (parser.position != text.length()) {
            throw parser.error("end of input");
        }
        return value;
    }

    private static final class Parser {

        private final String text;

        private int position;

        Parser(String text) {
            this.text = text;
        }

        @Nullable
        Object value() {
            skipWhitespace();
            if (this.position >= this.text.length()) {
                throw error("a value");
            }
            char c = this.text.charAt(this.position);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> number();
            };
        }

        private Map<String, @Nullable Object> object() {
            Map<String, @Nullable Object> map = new LinkedHashMap<>();
            this.position++;
            skipWhitespace();
            if (peek() == '}') {
                this.position++;
                return map;
            }
            while (true) {
                skipWhitespace();
                String key = string();
                skipWhitespace();
                expect(':');
                map.put(key, value());
                skipWhitespace();
                if (peek() == ',') {
                    this.position++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<@Nullable Object> array() {
            List<@Nullable Object> list = new ArrayList<>();
            this.position++;
            skipWhitespace();
            if (peek() == ']') {
                this.position++;
                return list;
            }
            while (true) {
                list.add(value());
                skipWhitespace();
                if (peek() == ',') {
                    this.position++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (this.position >= this.text.length()) {
                    throw error("a closing quote");
                }
                char c = this.text.charAt(this.position++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = this.text.charAt(this.position++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16));
                        this.position += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private BigDecimal number() {
            int start = this.position;
            while (this.position < this.text.length()
                    && "+-0123456789.eE".indexOf(this.text.charAt(this.position)) >= 0) {
                this.position++;
            }
            if (start == this.position) {
                throw error("a value");
            }
            return new BigDecimal(this.text.substring(start, this.position));
        }

        private @Nullable Object literal(String word, @Nullable Object value) {
            if (!this.text.startsWith(word, this.position)) {
                throw error(word);
            }
            this.position += word.length();
            return value;
        }

        private char peek() {
            return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) {
                throw error("'" + c + "'");
            }
            this.position++;
        }

        void skipWhitespace() {
            while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
                this.position++;
            }
        }

        IllegalArgumentException error(String expected) {
            return new IllegalArgumentException("Expected " + expected + " at offset " + this.position);
        }
    }
}
