package dev.centrifugo4j.dispatch;

import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.PropertyBindingException;
import tools.jackson.databind.exc.ValueInstantiationException;

/**
 * Describes why the call's data could not be bound, in words safe for the client: the field path
 * and what was wrong, never the text of an exception (a constructor's or a setter's message is the
 * application's, not meant for the client; see {@link PayloadBinding} for the one exception, {@code
 * RpcException}), Java class names of the application or a stack trace. Property names that the
 * client sent are quoted back only in printable ASCII and at most {@value #MAX_NAME} characters.
 */
final class DataErrors {

    /** The longest property name quoted back as it is. */
    static final int MAX_NAME = 64;

    private DataErrors() {}

    static String describe(JacksonException ex) {
        String path = path(ex.getPath());
        String where = path.isEmpty() ? "invalid data" : "invalid data at '" + path + "'";
        return where + ": " + reason(ex);
    }

    private static String reason(JacksonException ex) {
        if (ex instanceof PropertyBindingException) {
            return "unknown property";
        }
        if (ex instanceof InvalidNullException) {
            return "must not be null";
        }
        if (ex instanceof InvalidFormatException format) {
            return "expected " + typeName(format.getTargetType());
        }
        if (ex instanceof ValueInstantiationException) {
            return "invalid value";
        }
        if (startsWith(
                ex, "Missing required")) { // a creator property (Jackson's words) or a setter one (StrictPayloads')
            return "required property missing";
        }
        if (startsWith(ex, "Trailing token") && ex instanceof MismatchedInputException) {
            return "more after the JSON value";
        }
        if (ex instanceof MismatchedInputException mismatch) {
            return "expected " + typeName(mismatch.getTargetType());
        }
        if (isDuplicateProperty(ex)) {
            return "a property more than once";
        }
        if (ex instanceof StreamReadException) {
            return "malformed JSON";
        }
        return "cannot be decoded";
    }

    /**
     * Whether Jackson refused a property that the same object has already: the parser ({@code
     * STRICT_DUPLICATE_DETECTION}, "Duplicate Object property") or a tree ({@code
     * FAIL_ON_READING_DUP_TREE_KEY}, "Duplicate property").
     */
    static boolean isDuplicateProperty(JacksonException ex) {
        return startsWith(ex, "Duplicate Object property") || startsWith(ex, "Duplicate property");
    }

    /**
     * Whether Jackson's own message starts so: the few failures that have no exception type of their
     * own (the tests pin each of them, so that a Jackson upgrade that rewords one is noticed).
     */
    private static boolean startsWith(JacksonException ex, String prefix) {
        String message = ex.getOriginalMessage();
        return message != null && message.startsWith(prefix);
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "a different value";
        }
        if (type == String.class || type == Character.class || type == char.class || type.isEnum()) {
            return type.isEnum() ? "one of the allowed values" : "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "a boolean";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != void.class)) {
            return "a number";
        }
        if (type.isArray() || Iterable.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "an object";
    }

    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                appendName(path, reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /** A property name, printable ASCII only ({@code ?} for the rest, {@code '} too), cut after {@link #MAX_NAME}. */
    private static void appendName(StringBuilder path, String name) {
        int length = Math.min(name.length(), MAX_NAME);
        for (int i = 0; i < length; i++) {
            char c = name.charAt(i);
            path.append((c >= 0x20 && c < 0x7F && c != '\'') ? c : '?');
        }
        if (name.length() > MAX_NAME) {
            path.append("...");
        }
    }
}
