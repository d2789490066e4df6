package dev.centrifugo4j.processor;

import java.util.Locale;
import javax.tools.Diagnostic;

/**
 * Every diagnostic the {@link HandlerProcessor} reports. Each one says what is wrong and how to
 * fix it; the tests assert on the same text, so a wording change is made once, here.
 */
public enum Message {

    /** The method is private, so the generated invoker cannot call it. */
    METHOD_PRIVATE(
            Diagnostic.Kind.ERROR,
            "Handler method %s must not be private: the generated invoker calls it directly from the"
                    + " same package. Make it package-private or public."),

    /** The method is static, but invokers call it on the handler bean. */
    METHOD_STATIC(
            Diagnostic.Kind.ERROR,
            "Handler method %s must not be static: it is called on the handler bean. Make it an" + " instance method."),

    /** The method is abstract, so there is no code to call. */
    METHOD_ABSTRACT(
            Diagnostic.Kind.ERROR,
            "Handler method %s must not be abstract: the generated invoker calls this very method."
                    + " Give it a body, or annotate the implementing method instead."),

    /** The method declares type parameters, which the request's data cannot be bound to. */
    METHOD_GENERIC(
            Diagnostic.Kind.ERROR,
            "Handler method %s must not declare type parameters: the request's data cannot be bound to a"
                    + " type variable. Use concrete parameter types."),

    /** The method is varargs. */
    METHOD_VARARGS(
            Diagnostic.Kind.ERROR,
            "Handler method %s must not be varargs: each parameter receives one value (the request's data, a"
                    + " channel variable or the context). Declare the parameter as an array, a List or a record"
                    + " instead."),

    /** The declaring type is an interface, an enum, a record or an annotation type. */
    TYPE_NOT_A_CLASS(
            Diagnostic.Kind.ERROR,
            "Handler method %s is declared in the %s %s, but handlers must be classes. Move the method"
                    + " to a class that is registered as a bean."),

    /** The declaring type is a local or anonymous class, which generated code cannot name. */
    TYPE_LOCAL(
            Diagnostic.Kind.ERROR,
            "Handler method %s is declared in a local or anonymous class, which the generated code"
                    + " cannot name. Move it to a top-level or static nested class."),

    /** The declaring type is a non-static inner class. */
    TYPE_INNER(
            Diagnostic.Kind.ERROR,
            "Handler method %s is declared in the inner class %s, which needs an enclosing instance."
                    + " Make the class static."),

    /** The declaring type, or a type enclosing it, is private. */
    TYPE_PRIVATE(
            Diagnostic.Kind.ERROR,
            "Handler method %s is declared in %s, which is private or nested in a private class, so the"
                    + " generated code in the same package cannot access it. Make the class package-private or"
                    + " public."),

    /** The method has more than two parameters. */
    TOO_MANY_PARAMETERS(
            Diagnostic.Kind.ERROR,
            "@WebSocketRpc method %s has %d parameters, but at most 2 are supported: an optional RpcContext"
                    + " and an optional parameters object. Group the call's data in one record."),

    /** The method declares RpcContext twice. */
    DUPLICATE_CONTEXT(
            Diagnostic.Kind.ERROR, "@WebSocketRpc method %s declares RpcContext twice. Keep one RpcContext parameter."),

    /** The method has two parameters, neither of which is RpcContext. */
    TWO_PARAMETERS_OBJECTS(
            Diagnostic.Kind.ERROR,
            "@WebSocketRpc method %s has two parameters objects (%s and %s), but the call's data binds to"
                    + " one. Group them in one record, or make one of them RpcContext."),

    /** The parameters object has a primitive type. */
    PRIMITIVE_PARAMETERS(
            Diagnostic.Kind.ERROR,
            "The parameters object of @WebSocketRpc method %s has the primitive type %s, which cannot"
                    + " represent a call without data. Use %s or a record instead."),

    /** The parameters type uses a type variable of the handler class. */
    PARAMETERS_TYPE_VARIABLE(
            Diagnostic.Kind.ERROR,
            "The parameters object of @WebSocketRpc method %s has the type %s, which uses a type variable,"
                    + " so the generated code cannot tell what to bind the call's data to. Use a concrete"
                    + " type."),

    /** The RPC name is empty or blank. */
    NAME_BLANK(
            Diagnostic.Kind.ERROR,
            "The @WebSocketRpc name of method %s must not be blank. Give the RPC method name that clients"
                    + " call, for example \"system.ping\"."),

    /** The RPC name contains whitespace. */
    NAME_WHITESPACE(
            Diagnostic.Kind.ERROR,
            "The @WebSocketRpc name \"%s\" of method %s must not contain whitespace. Separate words with"
                    + " '.', '_' or '-' instead, for example \"system.ping\"."),

    /** The namespace part (before ':') of the RPC name is not a valid Centrifugo namespace. */
    NAME_INVALID_NAMESPACE(
            Diagnostic.Kind.ERROR,
            "The @WebSocketRpc name \"%s\" of method %s has the RPC namespace \"%s\", which Centrifugo does"
                    + " not accept: the part before ':' must match ^[-a-zA-Z0-9_.]{2,}$ (at least two"
                    + " letters, digits, '-', '_' or '.'). Fix the namespace, or remove the ':'."),

    /** Nothing follows the namespace boundary ':' in the RPC name. */
    NAME_EMPTY_METHOD(
            Diagnostic.Kind.ERROR,
            "The @WebSocketRpc name \"%s\" of method %s has nothing after the namespace boundary ':'. Add"
                    + " the method name, for example \"%s:ping\"."),

    /** Another method in the compilation already handles the RPC name. */
    DUPLICATE_NAME(
            Diagnostic.Kind.ERROR,
            "The @WebSocketRpc name \"%s\" of method %s is already used by %s. Each RPC method name must be"
                    + " unique: rename one of them."),

    /** The parameters type declares constraints that nothing will check. */
    CONSTRAINTS_NOT_VALIDATED(
            Diagnostic.Kind.WARNING,
            "The type %s of the data parameter of handler method %s declares constraint annotations, but they will"
                    + " not be checked because the parameter has neither @Valid nor a constraint annotation."
                    + " Annotate the parameter with @jakarta.validation.Valid."),

    /**
     * A property of a payload type is {@code @Nullable} with an annotation that is not kept at run
     * time, so the server cannot see it and the contract marks the property required.
     */
    NULLABLE_NOT_AT_RUN_TIME(
            Diagnostic.Kind.WARNING,
            "@%s on %s is not kept at run time, so the server cannot see it: the contract marks the property"
                    + " required and the server refuses a value without it. Use a @Nullable that is kept at run"
                    + " time, such as @org.jspecify.annotations.Nullable, or Optional."),

    /** A handler returns a stream, but a proxy call has one answer. */
    STREAM_RETURN_TYPE(
            Diagnostic.Kind.ERROR,
            "Handler method %s returns a %s, but a proxy call is answered once: a stream has no single result."
                    + " Return a Mono (or a CompletionStage, or make it a suspend fun) of the one result; to send a"
                    + " stream of values to clients, publish them to a channel."),

    /** A constraint on a Kotlin constructor parameter, which Jakarta validation does not see. */
    KOTLIN_CONSTRAINT_ON_PARAMETER(
            Diagnostic.Kind.WARNING,
            "@%s on the constructor parameter %s of the Kotlin class %s is not validated: Kotlin puts an annotation"
                    + " without a use-site target on the constructor parameter, and Jakarta validation checks"
                    + " fields and getters. Write @field:%s (or @get:%s)."),

    /** A method carries more than one handler annotation. */
    MULTIPLE_HANDLER_ANNOTATIONS(
            Diagnostic.Kind.ERROR,
            "Method %s is annotated with both @%s and @%s, but a handler method answers one kind of request."
                    + " Split it into one method per annotation."),

    /** The channel pattern is empty or blank. */
    PATTERN_BLANK(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of %s must not be blank. Give the channels the method answers for, for"
                    + " example \"chat:room:{roomId}\"."),

    /** The channel pattern contains whitespace. */
    PATTERN_WHITESPACE(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of %s must not contain whitespace, which no channel name has."
                    + " Separate words with ':', '.', '_' or '-' instead."),

    /** A brace of the channel pattern has no partner, or braces are nested. */
    PATTERN_UNBALANCED_BRACE(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of %s has an unmatched '%s' at index %d. Write each variable as"
                    + " {name}; braces have no other use in a pattern."),

    /** The channel pattern has {@code {}}. */
    PATTERN_EMPTY_VARIABLE(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of %s has an empty variable {}. Name it, for example {roomId}."),

    /** A variable name of the channel pattern is not an identifier. */
    PATTERN_INVALID_VARIABLE(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of %s has the variable {%s}, but variable names must match"
                    + " [a-zA-Z_][a-zA-Z0-9_]*. Rename it, for example {roomId}."),

    /** Two variables of the channel pattern follow each other without literal text between them. */
    PATTERN_ADJACENT_VARIABLES(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of %s has the variables {%s} and {%s} directly next to each"
                    + " other, so a channel could be split between them in more than one way. Put literal text"
                    + " such as ':' between them."),

    /** The channel pattern declares a variable twice. */
    PATTERN_DUPLICATE_VARIABLE(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of %s declares the variable {%s} twice. Give each variable its" + " own name."),

    /** Another method of the compilation answers the same operation for the same pattern. */
    DUPLICATE_PATTERN(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of method %s matches the same channels as the pattern \"%s\" of %s, so"
                    + " neither is more specific. Keep one @%1$s method per pattern: merge the two methods, or"
                    + " make one pattern more specific."),

    /** The channel method returns a type its annotation does not support. */
    INVALID_RETURN_TYPE(Diagnostic.Kind.ERROR, "@%s method %s returns %s, but it must return %s."),

    /** The channel method declares ChannelContext twice. */
    DUPLICATE_CHANNEL_CONTEXT(
            Diagnostic.Kind.ERROR, "@%s method %s declares ChannelContext twice. Keep one ChannelContext parameter."),

    /** A {@code @ChannelVariable} parameter names a variable the pattern does not declare. */
    UNKNOWN_VARIABLE(
            Diagnostic.Kind.ERROR,
            "The parameter %s of @%s method %s is bound to the variable {%s}, which the pattern \"%s\" does"
                    + " not declare. The pattern's variables: %s. Name one of them in @ChannelVariable(\"...\"),"
                    + " or rename the parameter."),

    /** Two parameters are bound to the same pattern variable. */
    VARIABLE_BOUND_TWICE(
            Diagnostic.Kind.ERROR,
            "The parameters %s and %s of @%s method %s are both bound to the variable {%s}. Bind each"
                    + " variable to one parameter."),

    /** The channel method has two parameters that are neither the context nor variables. */
    TWO_PAYLOADS(
            Diagnostic.Kind.ERROR,
            "@%s method %s has two payload parameters (%s and %s), but the request's data binds to one. Annotate"
                    + " pattern variables with @ChannelVariable, or group the data in one record."),

    /** An {@code @OnSubRefresh} method has a payload parameter. */
    SUB_REFRESH_PAYLOAD(
            Diagnostic.Kind.ERROR,
            "@OnSubRefresh method %s declares the parameter %s, which is neither ChannelContext nor a"
                    + " @ChannelVariable, but a sub_refresh request carries no data to bind to it. Annotate it"
                    + " with @ChannelVariable, or remove it."),

    /** The payload parameter has a primitive type. */
    PRIMITIVE_PAYLOAD(
            Diagnostic.Kind.ERROR,
            "The payload parameter %s of @%s method %s has the primitive type %s, which cannot represent a"
                    + " request without data. Use %s or a record instead, or annotate it with @ChannelVariable"
                    + " if it is a pattern variable."),

    /** A channel method parameter's type uses a type variable. */
    CHANNEL_PARAMETER_TYPE_VARIABLE(
            Diagnostic.Kind.ERROR,
            "The parameter %s of @%s method %s has the type %s, which uses a type variable, so the generated"
                    + " code cannot tell what to convert the request's data to. Use a concrete type."),

    /** Two publication types declare typed channels of the same pattern shape. */
    DUPLICATE_TYPED_CHANNEL(
            Diagnostic.Kind.ERROR,
            "The @ChannelPublication pattern \"%s\" of type %s matches the same channels as the pattern \"%s\" of"
                    + " %s, so subscribers could not tell which type a publication has. Give each type its own"
                    + " pattern, or publish one sealed interface with a subtype per kind of publication."),

    /** A publication type has type parameters. */
    PUBLICATION_TYPE_GENERIC(
            Diagnostic.Kind.ERROR,
            "The publication type %s of the typed channel \"%s\" is generic, so the contract cannot tell what its"
                    + " publications contain. Annotate a concrete type, for example a record that holds the generic"
                    + " one with its type arguments."),

    /** A publication type has no JSON form the contract can describe ({@link TypeReason}: why, what instead). */
    UNSUPPORTED_PUBLICATION_TYPE(
            Diagnostic.Kind.ERROR, "The contract cannot describe the type %s (at %s) of the typed channel \"%s\": %s."),

    /** A channel handler of a typed channel's pattern names the variables differently. */
    TYPED_CHANNEL_VARIABLES_DIFFER(
            Diagnostic.Kind.ERROR,
            "The @%s pattern \"%s\" of method %s matches the channels of the typed channel \"%s\" declared by %s,"
                    + " but names its variables differently. Use the same variable names in both patterns, so"
                    + " that clients and handlers agree."),

    /** An {@code @OnPublish} handler of a typed channel takes another type than the channel's. */
    TYPED_CHANNEL_PAYLOAD_DIFFERS(
            Diagnostic.Kind.ERROR,
            "@OnPublish method %s answers the typed channel \"%s\", but takes %s instead of its publication"
                    + " type %s. Take %4$s (or JsonNode to inspect the raw data)."),

    /** Two handler classes whose index classes would have the same name. */
    INDEX_NAME_CLASH(
            Diagnostic.Kind.ERROR,
            "Handler classes %s and %s would both get the generated index class %s (nested class names are"
                    + " joined with '_'). Rename one of them."),

    /** A generated source file could not be written. */
    SOURCE_NOT_WRITTEN(
            Diagnostic.Kind.ERROR,
            "Could not write the generated class %s for %s: %s. Check that no other class has that name and"
                    + " that the generated sources directory is writable."),

    /** The aggregate index could not be written. */
    INDEX_NOT_WRITTEN(
            Diagnostic.Kind.ERROR,
            "Could not write the handler index %s: %s. Check that the class output directory is writable."),

    /**
     * A parameter, payload or result type has no JSON form the contract can describe ({@link TypeReason}:
     * why, what instead).
     */
    UNSUPPORTED_CONTRACT_TYPE(
            Diagnostic.Kind.ERROR, "The contract cannot describe the type %s (at %s) of handler method %s: %s."),

    /** The contract resource could not be written. */
    CONTRACT_NOT_WRITTEN(
            Diagnostic.Kind.ERROR,
            "Could not write the contract %s: %s. Check that the class output directory is writable."),

    /** A bug in the processor, reported instead of crashing javac. */
    INTERNAL_ERROR(
            Diagnostic.Kind.ERROR,
            "internal error in the centrifugo4j processor: %s. Please report it with this message.");

    private final Diagnostic.Kind kind;

    private final String format;

    /**
     * Why the contract cannot describe a type, and what to use instead: the last argument of {@link
     * #UNSUPPORTED_CONTRACT_TYPE} and {@link #UNSUPPORTED_PUBLICATION_TYPE}. Every reason ends with the
     * type to use in its place, so that the error says how to fix it, not only what is wrong.
     */
    public enum TypeReason {

        /** A JDK type that one of the types the contract describes replaces (the argument). */
        JDK_TYPE_REPLACED("the contract knows no JSON form for this JDK type; use %s instead"),

        /** A JDK enum, whose constants the processor does not read. */
        JDK_ENUM("the contract knows no JSON form for this JDK enum; use an enum of your own with the constants you"
                + " need instead, or a String"),

        /** Any other JDK type. */
        JDK_TYPE("the contract knows no JSON form for this JDK type; use a record of the values clients need"
                + " instead, or one of the types it describes: String, boolean, a number, BigDecimal, BigInteger,"
                + " UUID, Instant, OffsetDateTime, LocalDate and the other java.time types, byte[], a List, a Set"
                + " or a Map<String, T>"),

        /** A map whose keys are not strings (the argument: the value type). */
        MAP_KEY("only maps with String keys (Map<String, T>) map to JSON objects; use Map<String, %s> instead,"
                + " with the keys converted to strings, or a List of records that hold the key and the value"),

        /** A collection without its element type (the argument: the collection's simple name). */
        RAW_COLLECTION("a raw collection says nothing about its elements; use %s<T> with the element type"
                + " instead, for example %1$s<String>"),

        /** An {@code Optional} without its value type. */
        RAW_OPTIONAL("a raw Optional says nothing about its value; use Optional<T> with the value type instead,"
                + " for example Optional<String>"),

        /** A generic type used without type arguments (the argument: its simple name). */
        RAW_GENERIC("a raw generic type says nothing about its type arguments; use %s<...> with concrete type"
                + " arguments instead"),

        /** A generic type whose type arguments are type variables (the argument: its simple name). */
        TYPE_ARGUMENTS_NOT_CONCRETE("its type arguments must be concrete types; use %s with concrete type arguments"
                + " instead, for example a record or String in place of a type variable"),

        /** A type variable, an intersection or another kind of type without a value (the argument: the kind). */
        NO_JSON_FORM("it has no JSON form (%s); use a concrete type instead, such as a record"),

        /** An interface or abstract class that is not sealed. */
        NOT_CONCRETE("Jackson cannot tell which implementation to create; use a record or a concrete class"
                + " instead, or make it a sealed interface with @JsonTypeInfo(use = Id.NAME)"),

        /** An annotation type or another kind of type that is no data. */
        NOT_DATA("only records, classes with getters, enums and sealed interfaces map; use a record instead"),

        /** A class without public getters or fields. */
        NO_PROPERTIES("it has no properties (no public getters or fields) for Jackson to write; use a record"
                + " instead, or add public getters"),

        /** An enum whose {@code @JsonValue} member computes its value. */
        ENUM_JSON_VALUE_COMPUTED("its @JsonValue member computes the wire value in a way the processor cannot read"
                + " from the source; make it return a field that each constant sets from a literal (RED(\"red\"),"
                + " with this.code = code in the constructor), or name the values with @JsonProperty on the"
                + " constants instead"),

        /** An enum whose {@code @JsonValue} values are strings for some constants and numbers for others. */
        ENUM_JSON_VALUES_MIXED("its @JsonValue values mix strings and numbers; use strings for every constant"
                + " instead, or numbers for every one"),

        /** A sealed type without {@code @JsonTypeInfo}. */
        SEALED_WITHOUT_TYPE_INFO("a sealed type needs @JsonTypeInfo(use = JsonTypeInfo.Id.NAME) so that Jackson"
                + " writes and reads which subtype a value is; add it, or use a record instead"),

        /** A sealed type whose {@code @JsonTypeInfo} is not a named property. */
        SEALED_TYPE_INFO_UNSUPPORTED("only @JsonTypeInfo(use = Id.NAME, include = As.PROPERTY) maps to a"
                + " discriminated union; use that instead"),

        /** A generic subtype of a sealed type (the argument: the subtype's simple name). */
        SEALED_SUBTYPE_GENERIC("its subtype %s must not be generic; use a concrete subtype instead, for example a"
                + " record that holds the generic value with its type arguments");

        private final String format;

        TypeReason(String format) {
            this.format = format;
        }

        /**
         * The reason with its arguments filled in.
         *
         * @param arguments the values for the format's placeholders, in order
         * @return the text that ends the message
         */
        public String format(Object... arguments) {
            return String.format(Locale.ROOT, this.format, arguments);
        }
    }

    Message(Diagnostic.Kind kind, String format) {
        this.kind = kind;
        this.format = format;
    }

    /** Whether javac shows this message as an error or as a warning. */
    public Diagnostic.Kind kind() {
        return this.kind;
    }

    /** The {@link String#format(String, Object...) format} of the message. */
    public String format() {
        return this.format;
    }

    /**
     * The message text with its arguments filled in.
     *
     * @param arguments the values for the format's placeholders, in order
     * @return the text javac shows
     */
    public String format(Object... arguments) {
        return String.format(Locale.ROOT, this.format, arguments);
    }
}
