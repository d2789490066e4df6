package dev.centrifugo4j.codegen.python;

import dev.centrifugo4j.codegen.PackageVersion;
import dev.centrifugo4j.codegen.ReservedWords;
import dev.centrifugo4j.codegen.StringLiterals;
import dev.centrifugo4j.codegen.Words;
import dev.centrifugo4j.contract.Facets;
import dev.centrifugo4j.contract.TypeRef;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * All the Python knowledge about types and names: how each contract type is written as a Pydantic v2
 * annotation, how RPC names become method names, and which words must be escaped (with a trailing
 * {@code _}).
 *
 * <p>Instants and offset date-times are {@code datetime.datetime} with a time zone, local date-times
 * naive ones, dates {@code datetime.date}, durations {@code datetime.timedelta} (microseconds: finer
 * digits are lost), UUIDs {@code uuid.UUID}, decimals written as JSON strings {@code
 * decimal.Decimal}, big integers written as JSON strings {@code int} (written back as strings),
 * {@code byte[]} {@code pydantic.Base64Bytes}, free JSON {@code pydantic.JsonValue}. JSON numbers are
 * {@code int} or {@code float}. Bean-validation constraints become {@code pydantic.Field}
 * constraints inside {@code Annotated}.
 */
public final class PythonTypeMapper implements TypeRef.Visitor<String> {

    /** Where a version's word turns from letters to digits or back: {@code RC1} gives {@code RC}, {@code 1}. */
    private static final Pattern LETTERS_DIGITS = Pattern.compile("(?<=[A-Za-z])(?=[0-9])|(?<=[0-9])(?=[A-Za-z])");

    /** Keywords and soft keywords, from {@code reserved-words.txt}. */
    private static final ReservedWords KEYWORDS = ReservedWords.of(PythonTypeMapper.class);

    /** Attributes of {@code pydantic.BaseModel} a field must not shadow. */
    private static final Set<String> MODEL_ATTRIBUTES = Set.of(
            // builtins the annotations of a model use: a field of that name would shadow them
            "str",
            "int",
            "float",
            "bool",
            "list",
            "construct",
            "copy",
            "dict",
            "json",
            "parse_obj",
            "parse_raw",
            "parse_file",
            "from_orm",
            "schema",
            "schema_json",
            "validate",
            "update_forward_refs",
            "fields",
            "model_config",
            "model_fields");

    /** Names the package itself defines next to the contract's types. */
    private static final Set<String> RUNTIME_NAMES = Set.of(
            "RpcClient",
            "RpcError",
            "Violation",
            "TypedSubscription",
            "BadRequestError",
            "MethodNotFoundError",
            "ValidationFailedError",
            "TooManyCallsError",
            "ServerError",
            "HandlerTimeoutError",
            "CallTimeoutError",
            "TransportError",
            "ReplyDecodeError",
            "CONTRACT_VERSION",
            "BigInteger");

    /** Names pycodestyle finds ambiguous (E741): in some fonts {@code l} and {@code I} look like 1, {@code O} like 0. */
    private static final Set<String> AMBIGUOUS_NAMES = Set.of("l", "I", "O");

    /** What a contract type must not be called. */
    private static final ReservedWords TYPE_NAMES = KEYWORDS.and(RUNTIME_NAMES);

    /** What a model's attribute must not be called. */
    private static final ReservedWords FIELD_NAMES =
            KEYWORDS.and(MODEL_ATTRIBUTES).and(AMBIGUOUS_NAMES);

    /** What a parameter or an enum member must not be called. */
    private static final ReservedWords VARIABLE_NAMES = KEYWORDS.and(AMBIGUOUS_NAMES);

    private final String modulePrefix;

    /**
     * Creates a mapper.
     *
     * @param modulePrefix what goes before the name of a contract type: empty in the models module,
     *     {@code _m.} where the models module is imported as {@code _m}
     */
    public PythonTypeMapper(String modulePrefix) {
        this.modulePrefix = modulePrefix;
    }

    /** The Python annotation of a contract type. */
    public String type(TypeRef type) {
        return type.accept(this);
    }

    @Override
    public String visitScalar(TypeRef.Scalar scalar) {
        return switch (scalar.kind()) {
            case STRING ->
                switch (scalar.format()) {
                    case "date-time", "local-date-time" -> "_dt.datetime";
                    case "date" -> "_dt.date";
                    case "local-time" -> "_dt.time";
                    case "iso-8601-duration" -> "_dt.timedelta";
                    case "uuid" -> "_uuid.UUID";
                    case "decimal" -> "_decimal.Decimal";
                    case "big-integer" -> this.modulePrefix + "BigInteger";
                    default -> "str";
                };
            case INTEGER -> "int";
            case NUMBER -> "float";
            case BOOLEAN -> "bool";
        };
    }

    @Override
    public String visitAny(TypeRef.Any any) {
        return "_pd.JsonValue";
    }

    @Override
    public String visitArray(TypeRef.ArrayOf array) {
        return "list[" + type(array.items()) + "]";
    }

    @Override
    public String visitMap(TypeRef.MapOf map) {
        return "dict[str, " + type(map.values()) + "]";
    }

    @Override
    public String visitNamed(TypeRef.Named named) {
        return this.modulePrefix + typeName(named.name());
    }

    @Override
    public String visitNullable(TypeRef.Nullable nullable) {
        return type(nullable.type()) + " | None";
    }

    @Override
    public String visitLiteral(TypeRef.Literal literal) {
        return "_t.Literal[" + stringLiteral(literal.value()) + "]";
    }

    @Override
    public String visitEnum(TypeRef.InlineEnum inlineEnum) {
        return inlineEnum.values().stream()
                .map(PythonTypeMapper::stringLiteral)
                .collect(Collectors.joining(", ", "_t.Literal[", "]"));
    }

    @Override
    public String visitFaceted(TypeRef.Faceted faceted) {
        Facets facets = faceted.facets();
        TypeRef inner = faceted.type();
        boolean bytes =
                facets.isBase64() && inner instanceof TypeRef.Scalar scalar && scalar.kind() == TypeRef.Kind.STRING;
        String base = bytes ? "_pd.Base64Bytes" : type(inner);
        List<String> arguments = new ArrayList<>();
        if (!bytes) {
            @Nullable Integer minLength = (inner instanceof TypeRef.Scalar) ? facets.minLength() : facets.minItems();
            @Nullable Integer maxLength = (inner instanceof TypeRef.Scalar) ? facets.maxLength() : facets.maxItems();
            if (minLength != null) {
                arguments.add("min_length=" + minLength);
            }
            if (maxLength != null) {
                arguments.add("max_length=" + maxLength);
            }
            // A decimal or big integer written as a string is parsed into a number: the pattern that
            // describes its text does not apply to the parsed value.
            boolean number = base.equals("_decimal.Decimal") || base.endsWith("BigInteger");
            if (facets.pattern() != null && !number) {
                arguments.add("pattern=" + stringLiteral(facets.pattern()));
            }
            bound(arguments, "ge", facets.minimum(), base);
            bound(arguments, "le", facets.maximum(), base);
            bound(arguments, "gt", facets.exclusiveMinimum(), base);
            bound(arguments, "lt", facets.exclusiveMaximum(), base);
        }
        return arguments.isEmpty()
                ? base
                : "_t.Annotated[" + base + ", _pd.Field(" + String.join(", ", arguments) + ")]";
    }

    private static void bound(List<String> arguments, String keyword, @Nullable BigDecimal value, String base) {
        if (value == null) {
            return;
        }
        String text = value.stripTrailingZeros().toPlainString();
        String literal = switch (base) {
            case "_decimal.Decimal" -> "_decimal.Decimal(" + stringLiteral(value.toPlainString()) + ")";
            case "int" -> text;
            default -> base.endsWith("BigInteger") ? text : text.contains(".") ? text : text + ".0";
        };
        arguments.add(keyword + "=" + literal);
    }

    /** The name of a contract type in Python, escaped when it is a keyword or a name of the package. */
    public String typeName(String name) {
        return TYPE_NAMES.escape(name);
    }

    /** {@code orders.get_status}, {@code admin:get_status} and {@code orders.getStatus} become {@code orders_get_status} and so on. */
    public String snakeCase(String text) {
        String name = Words.of(text).stream()
                .map(word -> word.toLowerCase(Locale.ROOT))
                .collect(Collectors.joining("_"));
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            name = "_" + name;
        }
        return name;
    }

    /** The method of an RPC, such as {@code orders_get_status}. */
    public String methodName(String rpcName) {
        return KEYWORDS.escape(snakeCase(rpcName));
    }

    /** A parameter or variable name, in snake case as PEP 8 has it ({@code roomId} becomes {@code room_id}); escaped. */
    public String identifier(String name) {
        return VARIABLE_NAMES.escape(snakeCase(name));
    }

    /**
     * The attribute of a model for a JSON property, in snake case as PEP 8 has it ({@code boxedCount}
     * becomes {@code boxed_count}, {@code @type} becomes {@code type_}, {@code json} becomes {@code
     * json_}); the model reads and writes the JSON name, its alias.
     */
    public String fieldName(String jsonName) {
        String candidate = snakeCase(jsonName);
        while (candidate.startsWith("_")) {
            candidate = candidate.substring(1);
        }
        if (candidate.isEmpty() || Character.isDigit(candidate.charAt(0))) {
            candidate = "field_" + candidate;
        }
        // Pydantic keeps the model_ prefix for itself.
        return candidate.startsWith("model_") ? candidate + "_" : FIELD_NAMES.escape(candidate);
    }

    /** The member of an enum for one of its values: upper snake case. */
    public String enumMember(String value) {
        String name = snakeCase(value).toUpperCase(Locale.ROOT);
        if (name.startsWith("_")) {
            name = "V" + name;
        }
        return VARIABLE_NAMES.escape(name);
    }

    /**
     * A docstring: the text between {@code """}s, with backslashes doubled, {@code """}
     * escaped and a final {@code "} escaped, so that the text never closes the docstring early.
     */
    public static String docstring(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\"\"\"", "\\\"\\\"\\\"");
        if (escaped.endsWith("\"")) {
            escaped = escaped.substring(0, escaped.length() - 1) + "\\\"";
        }
        return "\"\"\"" + escaped + "\"\"\"";
    }

    /**
     * The PEP 440 version of an application's version, such as a Maven project version: {@code
     * 1.2.0-SNAPSHOT} gives {@code 1.2.0.dev0}, {@code 2.0-RC1} gives {@code 2.0rc1}, {@code
     * 1.0-alpha-1} gives {@code 1.0a1}, {@code 1.0.Final} gives {@code 1.0}; other words become the
     * local version ({@code 1.2-acme} gives {@code 1.2+acme}).
     *
     * @param version a version that starts with a number
     * @throws IllegalArgumentException when it does not
     */
    public static String packageVersion(String version) {
        PackageVersion parsed = PackageVersion.parse(version);
        List<String> words = parsed.qualifier().stream()
                .flatMap(word -> Arrays.stream(LETTERS_DIGITS.split(word)))
                .map(word -> word.toLowerCase(Locale.ROOT))
                .toList();
        String pre = "";
        String post = "";
        String dev = "";
        List<String> local = new ArrayList<>();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            boolean numbered = i + 1 < words.size() && words.get(i + 1).chars().allMatch(Character::isDigit);
            String number = numbered ? new BigInteger(words.get(i + 1)).toString() : "0";
            String kind = switch (word) {
                case "alpha", "a" -> "a";
                case "beta", "b" -> "b";
                case "rc", "cr", "c", "pre", "preview" -> "rc";
                case "post", "dev", "snapshot" -> word;
                default -> "";
            };
            if (PackageVersion.isFinal(word)) {
                continue;
            }
            if (kind.isEmpty() || (kind.length() <= 2 && !pre.isEmpty())) {
                local.add(word);
                continue;
            }
            if (numbered && !kind.equals("snapshot")) {
                i++;
            }
            switch (kind) {
                case "post" -> post = ".post" + number;
                case "dev" -> dev = ".dev" + number;
                case "snapshot" -> dev = ".dev0";
                default -> pre = kind + number;
            }
        }
        return String.join(".", parsed.release())
                + pre
                + post
                + dev
                + (local.isEmpty() ? "" : "+" + String.join(".", local));
    }

    /** A double-quoted Python string literal; control characters other than line ends as {@code \t} or {@code \xhh}. */
    public static String stringLiteral(String value) {
        return StringLiterals.doubleQuoted(value, StringLiterals.ControlEscapes.HEX);
    }
}
