package dev.centrifugo4j.codegen.typescript;

import dev.centrifugo4j.codegen.ReservedWords;
import dev.centrifugo4j.codegen.StringLiterals;
import dev.centrifugo4j.codegen.Words;
import dev.centrifugo4j.contract.TypeRef;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * All the TypeScript knowledge about types and names: how each contract type is written, how RPC
 * names become method names, and which words must be escaped (with a trailing {@code _}).
 *
 * <p>Dates, times, durations and UUIDs are {@code string}s (ISO 8601, as Jackson writes them);
 * {@code BigDecimal} and {@code BigInteger} are {@code string}s too (centrifugo4j writes them as JSON
 * strings so that no digit is lost); {@code long} is a {@code number}, exact up to 2^53 in
 * JavaScript; {@code byte[]} is a base64 {@code string}; free JSON is {@code unknown}.
 */
public final class TypeScriptTypeMapper implements TypeRef.Visitor<String> {

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    private static final ReservedWords RESERVED_WORDS = ReservedWords.of(TypeScriptTypeMapper.class);

    /** The TypeScript type of a contract type. */
    public String type(TypeRef type) {
        return type.accept(this);
    }

    @Override
    public String visitScalar(TypeRef.Scalar scalar) {
        return switch (scalar.kind()) {
            case STRING -> "string";
            case INTEGER, NUMBER -> "number";
            case BOOLEAN -> "boolean";
        };
    }

    @Override
    public String visitAny(TypeRef.Any any) {
        return "unknown";
    }

    @Override
    public String visitArray(TypeRef.ArrayOf array) {
        return "Array<" + type(array.items()) + ">";
    }

    @Override
    public String visitMap(TypeRef.MapOf map) {
        return "Record<string, " + type(map.values()) + ">";
    }

    @Override
    public String visitNamed(TypeRef.Named named) {
        return typeName(named.name());
    }

    @Override
    public String visitNullable(TypeRef.Nullable nullable) {
        return type(nullable.type()) + " | null";
    }

    @Override
    public String visitLiteral(TypeRef.Literal literal) {
        return stringLiteral(literal.value());
    }

    @Override
    public String visitEnum(TypeRef.InlineEnum inlineEnum) {
        return inlineEnum.values().stream()
                .map(TypeScriptTypeMapper::stringLiteral)
                .collect(Collectors.joining(" | ", "(", ")"));
    }

    /** The name of a contract type in TypeScript. */
    public String typeName(String name) {
        return RESERVED_WORDS.escape(name);
    }

    /** {@code orders.get_status} and {@code admin:get_status} become {@code ordersGetStatus} and {@code adminGetStatus}. */
    public String methodName(String rpcName) {
        return RESERVED_WORDS.escape(camelCase(rpcName, false));
    }

    /** The words of a name joined in camel case, for example {@code zoo:cage.} and {@code true} give {@code ZooCage}. */
    public String camelCase(String text, boolean upperFirst) {
        StringBuilder name = new StringBuilder();
        for (String word : Words.of(text)) {
            boolean first = name.isEmpty() && !upperFirst;
            name.append(first ? Character.toLowerCase(word.charAt(0)) : Character.toUpperCase(word.charAt(0)))
                    .append(word.substring(1));
        }
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name.insert(0, '_');
        }
        return name.toString();
    }

    /** A variable or parameter name, escaped when it is a reserved word. */
    public String identifier(String name) {
        String candidate = IDENTIFIER.matcher(name).matches() ? name : camelCase(name, false);
        return RESERVED_WORDS.escape(candidate);
    }

    /** A property key: as is when it is an identifier, quoted otherwise ({@code "@type"}). */
    public String propertyKey(String name) {
        return IDENTIFIER.matcher(name).matches() ? name : stringLiteral(name);
    }

    /** A double-quoted string literal; control characters other than line ends as <code>&#92;u00hh</code>. */
    public static String stringLiteral(String value) {
        return StringLiterals.doubleQuoted(value, StringLiterals.ControlEscapes.UNICODE);
    }

    /** A doc comment, with {@code *}{@code /} in the text broken up so that it does not end the comment. */
    public static String docComment(String text) {
        return "/** " + text.replace("*/", "*\\/") + " */";
    }

    /**
     * Literal text inside a template literal: {@code `} and {@code \} escaped, and so is a {@code $}
     * that ends the text when a substitution follows, so that it does not stand against the
     * substitution's <code>$&#123;</code>.
     *
     * @param text the text
     * @param beforeSubstitution whether a substitution follows the text
     */
    public static String templateText(String text, boolean beforeSubstitution) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '`' || c == '\\' || (c == '$' && i == text.length() - 1 && beforeSubstitution)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }
}
