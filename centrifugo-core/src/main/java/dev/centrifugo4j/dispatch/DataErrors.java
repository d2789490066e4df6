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
 * and what was wrong, never Java class names of the application or a stack trace.
 */
final class DataErrors {

    private DataErrors() {}

    static String describe(JacksonException ex) {
        String path = path(ex.getPath());
        String where = path.isEmpty() ? "invalid data" : "invalid data at '" + path + "'";
        return where + ": " + reason(ex);
    }

    private static String reason(JacksonException ex) {
        if (ex instanceof PropertyBindingException) {
            return "unknown field";
        }
        if (ex instanceof InvalidNullException) {
            return "must not be null";
        }
        if (ex instanceof InvalidFormatException format) {
            return "expected " + typeName(format.getTargetType());
        }
        if (ex instanceof ValueInstantiationException instantiation) {
            Throwable cause = instantiation.getCause();
            // A record's compact constructor rejecting a value speaks to the caller on purpose.
            if (cause instanceof IllegalArgumentException && cause.getMessage() != null) {
                return cause.getMessage();
            }
            return "invalid value";
        }
        if (ex instanceof MismatchedInputException mismatch) {
            return "expected " + typeName(mismatch.getTargetType());
        }
        if (ex instanceof StreamReadException) {
            return "malformed JSON";
        }
        return "cannot be decoded";
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
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
