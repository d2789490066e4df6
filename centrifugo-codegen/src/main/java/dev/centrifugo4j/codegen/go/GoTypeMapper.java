package dev.centrifugo4j.codegen.go;

import dev.centrifugo4j.codegen.ReservedWords;
import dev.centrifugo4j.codegen.StringLiterals;
import dev.centrifugo4j.codegen.Words;
import dev.centrifugo4j.contract.TypeRef;
import java.util.Locale;
import java.util.Set;

/**
 * All the Go knowledge about types and names: how each contract type is written in Go, how RPC names
 * become method names, how JSON properties become exported fields, and which words must be escaped
 * (with a trailing {@code _}).
 *
 * <p>Instants and offset date-times are {@code time.Time} (RFC 3339); dates, local date-times,
 * times, durations, UUIDs and the decimals and big integers written as JSON strings are {@code
 * string}s (exact, as the server writes them); JSON numbers without a fixed size ({@code
 * BigDecimal}, {@code BigInteger}) are {@code json.Number}, exact too; {@code byte[]} is {@code
 * []byte} (base64 in JSON); free JSON is {@code json.RawMessage}. A value that may be null is a
 * pointer, except slices, maps and {@code json.RawMessage}, whose nil is null.
 */
public final class GoTypeMapper implements TypeRef.Visitor<String> {

    private static final Set<String> INITIALISMS =
            Set.of("ID", "URL", "URI", "UUID", "API", "HTTP", "HTTPS", "JSON", "IP", "SQL", "TCP", "UDP", "XML", "RPC");

    private static final ReservedWords RESERVED_WORDS = ReservedWords.of(GoTypeMapper.class);

    /** The Go type of a contract type. */
    public String type(TypeRef type) {
        return type.accept(this);
    }

    @Override
    public String visitScalar(TypeRef.Scalar scalar) {
        return switch (scalar.kind()) {
            case STRING -> scalar.format().equals("date-time") ? "time.Time" : "string";
            case INTEGER ->
                switch (scalar.format()) {
                    case "int32" -> "int32";
                    case "int64" -> "int64";
                    default -> "json.Number";
                };
            case NUMBER -> scalar.format().equals("decimal") ? "json.Number" : "float64";
            case BOOLEAN -> "bool";
        };
    }

    @Override
    public String visitAny(TypeRef.Any any) {
        return "json.RawMessage";
    }

    @Override
    public String visitArray(TypeRef.ArrayOf array) {
        return "[]" + type(array.items());
    }

    @Override
    public String visitMap(TypeRef.MapOf map) {
        return "map[string]" + type(map.values());
    }

    @Override
    public String visitNamed(TypeRef.Named named) {
        return typeName(named.name());
    }

    @Override
    public String visitNullable(TypeRef.Nullable nullable) {
        return nullable(type(nullable.type()));
    }

    @Override
    public String visitLiteral(TypeRef.Literal literal) {
        return "string";
    }

    @Override
    public String visitEnum(TypeRef.InlineEnum inlineEnum) {
        return "string";
    }

    @Override
    public String visitFaceted(TypeRef.Faceted faceted) {
        if (faceted.facets().isBase64()
                && faceted.type() instanceof TypeRef.Scalar scalar
                && scalar.kind() == TypeRef.Kind.STRING) {
            return "[]byte";
        }
        return type(faceted.type());
    }

    /** The form of a Go type that can be nil: itself for slices, maps and raw JSON, a pointer otherwise. */
    public String nullable(String goType) {
        return hasNil(goType) ? goType : "*" + goType;
    }

    /** Whether a Go type has a nil of its own (pointer, slice, map, raw JSON). */
    public boolean hasNil(String goType) {
        return goType.startsWith("*")
                || goType.startsWith("[]")
                || goType.startsWith("map[")
                || goType.equals("json.RawMessage");
    }

    /**
     * The name of a contract type in Go: the Java simple name as it is (exported), escaped when the
     * package itself defines it.
     */
    public String typeName(String name) {
        String goName = name.replace('$', '_');
        if (goName.isEmpty() || !Character.isLetter(goName.charAt(0))) {
            goName = "X" + goName;
        }
        return RESERVED_WORDS.escape(Character.toUpperCase(goName.charAt(0)) + goName.substring(1));
    }

    /** {@code orders.get_status} and {@code admin:get_status} become {@code OrdersGetStatus} and {@code AdminGetStatus}. */
    public String methodName(String rpcName) {
        return exported(rpcName);
    }

    /** The exported field for a JSON property: {@code userId} becomes {@code UserID}. */
    public String fieldName(String jsonName) {
        return exported(jsonName);
    }

    /** The words of a name in Pascal case, with Go's initialisms: {@code zoo:cage.} gives {@code ZooCage}. */
    public String exported(String text) {
        StringBuilder name = new StringBuilder();
        for (String word : Words.of(text)) {
            String upper = word.toUpperCase(Locale.ROOT);
            if (INITIALISMS.contains(upper)) {
                name.append(upper);
            } else if (word.length() > 1 && word.equals(upper)) {
                name.append(word.charAt(0)).append(word.substring(1).toLowerCase(Locale.ROOT));
            } else {
                name.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
        }
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name.insert(0, 'X');
        }
        return name.toString();
    }

    /** A parameter name: lower camel case, escaped when it is a keyword or a name the methods use. */
    public String parameter(String name) {
        String pascal = exported(name);
        int upperRun = 0;
        while (upperRun < pascal.length() && Character.isUpperCase(pascal.charAt(upperRun))) {
            upperRun++;
        }
        String camel = (upperRun > 1 && upperRun < pascal.length())
                ? pascal.substring(0, upperRun - 1).toLowerCase(Locale.ROOT) + pascal.substring(upperRun - 1)
                : pascal.substring(0, Math.max(upperRun, 1)).toLowerCase(Locale.ROOT)
                        + pascal.substring(Math.max(upperRun, 1));
        return RESERVED_WORDS.escape(camel);
    }

    /** A Go interpreted string literal; control characters other than line ends as {@code \t} or {@code \xhh}. */
    public static String stringLiteral(String value) {
        return StringLiterals.doubleQuoted(value, StringLiterals.ControlEscapes.HEX);
    }
}
