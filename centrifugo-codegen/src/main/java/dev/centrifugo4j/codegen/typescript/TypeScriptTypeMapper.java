package dev.centrifugo4j.codegen.typescript;

import dev.centrifugo4j.codegen.PackageVersion;
import dev.centrifugo4j.codegen.ReservedWords;
import dev.centrifugo4j.codegen.StringLiterals;
import dev.centrifugo4j.codegen.Words;
import dev.centrifugo4j.contract.TypeRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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

    /** What a contract type must not be called: the reserved words and what the package defines itself. */
    private static final ReservedWords TYPE_NAMES = RESERVED_WORDS.and(Set.of(
            "CONTRACT_VERSION",
            "CallOptions",
            "CentrifugeLike",
            "ChannelHandlers",
            "PublicationContext",
            "RpcClient",
            "RpcError",
            "SubscriptionLike",
            "Violation"));

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

    /** The name of a contract type in TypeScript, escaped when it is reserved or a name of the package. */
    public String typeName(String name) {
        return TYPE_NAMES.escape(name);
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

    /**
     * The npm (semantic) version of an application's version, such as a Maven project version:
     * {@code 1.2} gives {@code 1.2.0}, {@code 1.2.0-SNAPSHOT} stays, {@code 1.0-alpha-1} gives {@code
     * 1.0.0-alpha.1}, {@code 1.0.Final} gives {@code 1.0.0}; a fourth number becomes build metadata
     * ({@code 1.2.3.4} gives {@code 1.2.3+4}).
     *
     * @param version a version that starts with a number
     * @throws IllegalArgumentException when it does not
     */
    public static String packageVersion(String version) {
        PackageVersion parsed = PackageVersion.parse(version);
        List<String> release = new ArrayList<>(parsed.release());
        while (release.size() < 3) {
            release.add("0");
        }
        StringBuilder npm = new StringBuilder(String.join(".", release.subList(0, 3)));
        List<String> qualifier = parsed.qualifier().stream()
                .filter(word -> !PackageVersion.isFinal(word))
                .map(word -> word.chars().allMatch(Character::isDigit) ? new BigInteger(word).toString() : word)
                .toList();
        if (!qualifier.isEmpty()) {
            npm.append('-').append(String.join(".", qualifier));
        }
        if (release.size() > 3) {
            npm.append('+').append(String.join(".", release.subList(3, release.size())));
        }
        return npm.toString();
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
