package dev.centrifugo4j.codegen.go;

import dev.centrifugo4j.codegen.NameScope;
import dev.centrifugo4j.codegen.ReservedWords;
import dev.centrifugo4j.codegen.StringLiterals;
import dev.centrifugo4j.codegen.Words;
import dev.centrifugo4j.contract.TypeRef;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * All the Go knowledge about types and names: how each contract type is written in Go, how RPC names
 * become method names, how JSON properties become exported fields (and which property names a
 * struct tag can hold), how strings are written as literals, and which words must be escaped (with a
 * trailing {@code _}).
 *
 * <p>Instants and offset date-times are {@code time.Time} (RFC 3339); dates, local date-times,
 * times, durations, UUIDs and the decimals and big integers written as JSON strings are {@code
 * string}s (exact, as the server writes them); JSON numbers without a fixed size ({@code
 * BigDecimal}, {@code BigInteger}) are {@code json.Number}, exact too; {@code byte[]} is {@code
 * []byte} (base64 in JSON); free JSON is {@code json.RawMessage}. A value that may be null is a
 * pointer, except slices, maps and {@code json.RawMessage}, whose nil is null.
 *
 * <p>Names follow Go's conventions as staticcheck checks them (ST1003): mixed caps, no underscores,
 * and the initialisms of its default list in one case ({@code userId} gives {@code UserID}).
 */
public final class GoTypeMapper implements TypeRef.Visitor<String> {

    /** staticcheck's default list (its {@code initialisms} setting), which ST1003 checks names against. */
    private static final Set<String> INITIALISMS = Set.of(
            "ACL", "AMQP", "API", "ASCII", "CPU", "CSS", "DB", "DNS", "EOF", "GID", "GUID", "HTML", "HTTP", "HTTPS",
            "ID", "IP", "JSON", "QPS", "RAM", "RPC", "RTP", "SIP", "SLA", "SMTP", "SQL", "SSH", "TCP", "TLS", "TS",
            "TTL", "UDP", "UI", "UID", "URI", "URL", "UTF8", "UUID", "VM", "XML", "XMPP", "XSRF", "XSS");

    /** The punctuation encoding/json accepts in the name of a struct tag, besides letters and digits. */
    private static final String TAG_PUNCTUATION = "!#$%&()*+-./:;<=>?@[]^_{|}~ ";

    private static final ReservedWords RESERVED_WORDS = ReservedWords.of(GoTypeMapper.class);

    /** The Go name of each contract type, told apart from each other and from the package's own names. */
    private final Map<String, String> typeNames = new HashMap<>();

    /** A mapper without a contract, whose type names are not checked against each other. */
    public GoTypeMapper() {}

    /**
     * A mapper for one package: the contract's type names, in the given order, are claimed in the
     * package's scope, so that two contract types never get one Go name ({@code Order$Line} and {@code
     * OrderLine}) and none takes a name the package defines itself.
     *
     * @param contractTypeNames the names of the contract's types
     * @param packageScope the names taken in the package, which the types' names are added to
     */
    public GoTypeMapper(Collection<String> contractTypeNames, NameScope packageScope) {
        for (String name : contractTypeNames) {
            this.typeNames.put(name, packageScope.claim(goTypeName(name)));
        }
    }

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
     * The name of a contract type in Go: the Java simple name in mixed caps with Go's initialisms
     * ({@code UserId} gives {@code UserID}), as this mapper's package claimed it.
     */
    public String typeName(String name) {
        String claimed = this.typeNames.get(name);
        return (claimed != null) ? claimed : goTypeName(name);
    }

    private static String goTypeName(String name) {
        StringBuilder goName = new StringBuilder();
        for (String word : Words.of(name)) {
            String upper = word.toUpperCase(Locale.ROOT);
            goName.append(
                    INITIALISMS.contains(upper) ? upper : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        if (goName.isEmpty() || !Character.isLetter(goName.charAt(0))) {
            goName.insert(0, 'X');
        }
        return goName.toString();
    }

    /** {@code orders.get_status} and {@code admin:get_status} become {@code OrdersGetStatus} and {@code AdminGetStatus}. */
    public String methodName(String rpcName) {
        return exported(rpcName);
    }

    /** The exported field for a JSON property: {@code userId} becomes {@code UserID}. */
    public String fieldName(String jsonName) {
        return exported(jsonName);
    }

    /**
     * Whether a struct tag can name the JSON property: encoding/json takes a tag's name only when it
     * is letters, digits and some punctuation ({@code isValidTag}); a quote, a backslash, a comma (the
     * start of the options), a backtick or an invisible character cannot be in it, and a tag with one
     * is silently ignored, the field written under its Go name.
     */
    public static boolean isTagName(String jsonName) {
        return !jsonName.isEmpty()
                && jsonName.codePoints()
                        .allMatch(
                                c -> Character.isLetter(c) || Character.isDigit(c) || TAG_PUNCTUATION.indexOf(c) >= 0);
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

    /**
     * A Go interpreted string literal: control characters other than line ends as {@code \t} or
     * {@code \xhh}, and the characters Go's {@code strconv.Quote} would not show as they are (format
     * characters such as U+FEFF, which Go refuses anywhere but at the start of a file, separators
     * other than the space, private-use and unassigned code points) as {@code \}{@code uhhhh} or
     * {@code \}{@code Uhhhhhhhh}.
     */
    public static String stringLiteral(String value) {
        // The shared part leaves every character from U+0020 on as it is, so none is part of an escape.
        return escapeInvisible(StringLiterals.doubleQuoted(value, StringLiterals.ControlEscapes.HEX));
    }

    /**
     * The text with every character Go would not show as it is written as {@code \}{@code uhhhh}
     * (or {@code \}{@code Uhhhhhhhh}): for string literals, and for comments, where Go refuses U+FEFF
     * and a NUL too. A lone surrogate, which UTF-8 cannot hold, becomes U+FFFD.
     */
    public static String escapeInvisible(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (isShown(c)) {
                out.appendCodePoint(c);
            } else if (Character.getType(c) == Character.SURROGATE) {
                out.append("\\ufffd");
            } else if (c > 0xffff) {
                out.append(String.format(Locale.ROOT, "\\U%08x", c));
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", c));
            }
        });
        return out.toString();
    }

    /** Go's {@code unicode.IsPrint}, plus the tab and the line ends that literals and comments handle. */
    private static boolean isShown(int c) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.CONTROL,
                    Character.FORMAT,
                    Character.SPACE_SEPARATOR,
                    Character.LINE_SEPARATOR,
                    Character.PARAGRAPH_SEPARATOR,
                    Character.PRIVATE_USE,
                    Character.SURROGATE,
                    Character.UNASSIGNED -> false;
            default -> true;
        };
    }
}
