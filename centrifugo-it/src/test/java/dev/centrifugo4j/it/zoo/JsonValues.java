package dev.centrifugo4j.it.zoo;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Compares JSON values as values: numbers by their value ({@code 2} equals {@code 2.0}, as JSON
 * does not tell them apart), objects without regard to the order of their properties, and the
 * arrays of the named properties (Java {@code Set}s) without regard to order.
 */
final class JsonValues {

    private JsonValues() {}

    /** The differences between the two values, as {@code path: expected != actual} lines; empty when equal. */
    static List<String> differences(JsonNode expected, JsonNode actual, Set<String> unorderedProperties) {
        List<String> differences = new ArrayList<>();
        compare("", expected, actual, unorderedProperties, differences);
        return differences;
    }

    private static void compare(
            String path, JsonNode expected, JsonNode actual, Set<String> unordered, List<String> differences) {
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
                    compare(path + "/" + name, left, right, unordered, differences);
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
                compare(path + "/" + i, left.next(), right.next(), unordered, differences);
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
