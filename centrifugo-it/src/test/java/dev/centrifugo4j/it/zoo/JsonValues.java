package dev.centrifugo4j.it.zoo;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Compares JSON values as values: numbers by their value ({@code 2} equals {@code 2.0}, as JSON
 * does not tell them apart), strings that both hold a decimal number by its value ({@code
 * "-0.000000010"} equals {@code "-1.0E-8"}), strings that both hold the same kind of ISO 8601 date or
 * time by the moment they name, to the given precision ({@code "03:04:05.5"} equals {@code
 * "03:04:05.500000"}), objects without regard to the order of their properties, and the arrays of
 * the named properties (Java {@code Set}s) without regard to order.
 */
final class JsonValues {

    private JsonValues() {}

    /** The differences between the two values, as {@code path: expected != actual} lines; empty when equal. */
    static List<String> differences(JsonNode expected, JsonNode actual, Set<String> unorderedProperties) {
        return differences(expected, actual, unorderedProperties, ChronoUnit.NANOS);
    }

    /** The same, with date-times compared truncated to {@code precision}. */
    static List<String> differences(
            JsonNode expected, JsonNode actual, Set<String> unorderedProperties, ChronoUnit precision) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, unorderedProperties, precision, differences);
        return differences;
    }

    private static boolean sameText(String left, String right, ChronoUnit precision) {
        if (left.equals(right)) {
            return true;
        }
        if (DECIMAL.matcher(left).matches() && DECIMAL.matcher(right).matches()) {
            return new BigDecimal(left).compareTo(new BigDecimal(right)) == 0;
        }
        for (Function<String, Temporal> parser : TEMPORALS) {
            try {
                Temporal a = parser.apply(left);
                Temporal b = parser.apply(right);
                return truncated(a, precision).equals(truncated(b, precision));
            } catch (DateTimeParseException ex) {
                // Not this kind: try the next.
            }
        }
        return false;
    }

    private static Object truncated(Temporal value, ChronoUnit precision) {
        if (value instanceof OffsetDateTime time) {
            return time.truncatedTo(precision);
        }
        if (value instanceof LocalDateTime time) {
            return time.truncatedTo(precision);
        }
        return value;
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("-?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

    private static final List<Function<String, Temporal>> TEMPORALS =
            List.of(OffsetDateTime::parse, LocalDateTime::parse, LocalDate::parse);

    private static void compare(
            String path,
            JsonNode expected,
            JsonNode actual,
            Set<String> unordered,
            ChronoUnit precision,
            List<String> differences) {
        if (expected.isString() && actual.isString()) {
            if (!sameText(expected.asString(), actual.asString(), precision)) {
                differences.add(path + ": " + expected + " != " + actual);
            }
            return;
        }
        if (expected.isNumber() && actual.isNumber()) {
            if (expected.decimalValue().compareTo(actual.decimalValue()) != 0) {
                differences.add(path + ": " + expected + " != " + actual);
            }
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new java.util.TreeSet<>(expected.propertyNames());
            names.addAll(actual.propertyNames());
            for (String name : names) {
                JsonNode left = expected.get(name);
                JsonNode right = actual.get(name);
                if (left == null || right == null) {
                    differences.add(path + "/" + name + ": " + (left == null ? "absent" : left) + " != "
                            + (right == null ? "absent" : right));
                } else if (unordered.contains(name) && left.isArray() && right.isArray()) {
                    if (!sorted(left).equals(sorted(right))) {
                        differences.add(path + "/" + name + ": " + left + " != " + right + " (as sets)");
                    }
                } else {
                    compare(path + "/" + name, left, right, unordered, precision, differences);
                }
            }
            return;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                differences.add(path + ": " + expected + " != " + actual);
                return;
            }
            Iterator<JsonNode> left = expected.iterator();
            Iterator<JsonNode> right = actual.iterator();
            for (int i = 0; left.hasNext(); i++) {
                compare(path + "/" + i, left.next(), right.next(), unordered, precision, differences);
            }
            return;
        }
        if (!expected.equals(actual)) {
            differences.add(path + ": " + expected + " != " + actual);
        }
    }

    private static List<String> sorted(JsonNode array) {
        List<String> items = new ArrayList<>();
        array.forEach(item -> items.add(item.toString()));
        items.sort(null);
        return items;
    }
}
