package dev.centrifugo4j.boot.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The property reference, {@code docs/properties.md}: rendered from the configuration metadata that
 * {@code spring-boot-configuration-processor} writes for the starter, and read back row by row to
 * tell how a file differs from it.
 */
final class PropertiesDocumentation {

    static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private static final String HEADER = """
            # Configuration properties

            Every property of the centrifugo4j Spring Boot starter (`centrifugo-spring-boot-starter`): the
            `centrifugo.*` ones, and `management.health.centrifugo.enabled` for the health indicator. Set them
            in `application.properties` or `application.yml` like any Spring Boot property. Durations take a
            unit (`500ms`, `10s`, `1h`), data sizes too (`512KB`, `1MB`). Map keys that hold dots or colons go
            in brackets: `centrifugo.proxy.concurrency.rpc[report.build]=4`,
            `centrifugo.proxy.concurrency.subscribe[chat:room:{id}]=8`.

            This file is generated from the configuration metadata that the starter's build writes
            (`META-INF/spring-configuration-metadata.json`, from the Javadoc of `CentrifugoProperties`); do not
            edit it by hand. `PropertiesDocumentationTests` fails when the two disagree and writes the expected
            file to `centrifugo-spring-boot-starter/target/properties.md`. To regenerate, run

            ```
            ./mvnw -pl centrifugo-spring-boot-starter test -Dtest=PropertiesDocumentationTests -Dcentrifugo.docs.update=true
            ```

            """;

    private static final String TABLE_HEAD = "| Name | Type | Default | Description |\n|---|---|---|---|\n";

    /** A cell separator: a pipe that is not escaped. */
    private static final Pattern CELL_SEPARATOR = Pattern.compile("(?<!\\\\)\\|");

    /** A qualified class name (packages in lower case, nested classes after '$'). */
    private static final Pattern QUALIFIED_NAME = Pattern.compile("\\b(?:[a-z_][a-z0-9_]*\\.)+(?:[A-Za-z0-9_]+\\$)*");

    /** One property as the table shows it. */
    record Row(String name, String type, String defaultValue, String description) {

        String line() {
            return "| " + String.join(" | ", this.name, this.type, this.defaultValue, this.description) + " |";
        }

        static Row parse(String line) {
            String[] cells = CELL_SEPARATOR.split(line.strip(), -1);
            if (cells.length != 6) {
                throw new IllegalArgumentException("not a row of four cells: " + line);
            }
            return new Row(cells[1].strip(), cells[2].strip(), cells[3].strip(), cells[4].strip());
        }
    }

    private PropertiesDocumentation() {}

    /** The starter's metadata on the class path: the one file of them all that has centrifugo properties. */
    static JsonNode metadata(ClassLoader classLoader) {
        try {
            List<JsonNode> ours = new ArrayList<>();
            for (URL url : Collections.list(classLoader.getResources(METADATA))) {
                try (InputStream in = url.openStream()) {
                    JsonNode metadata = JsonMapper.shared().readTree(in);
                    if (names(metadata).stream().anyMatch((name) -> name.startsWith("centrifugo."))) {
                        ours.add(metadata);
                    }
                }
            }
            if (ours.size() != 1) {
                throw new IllegalStateException("Expected one " + METADATA
                        + " with centrifugo.* properties on the class path, found " + ours.size());
            }
            return ours.get(0);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static List<String> names(JsonNode metadata) {
        return StreamSupport.stream(metadata.path("properties").spliterator(), false)
                .map((property) -> property.path("name").asString())
                .toList();
    }

    /** The rows of every property, by name. */
    static List<Row> rows(JsonNode metadata) {
        return StreamSupport.stream(metadata.path("properties").spliterator(), false)
                .sorted(Comparator.comparing((property) -> property.path("name").asString()))
                .map((property) -> new Row(
                        code(property.path("name").asString()),
                        code(QUALIFIED_NAME
                                .matcher(property.path("type").asString())
                                .replaceAll("")),
                        defaultValue(property.path("defaultValue")),
                        escape(property.path("description").asString()).replace("<", "\\<")))
                .toList();
    }

    /** The whole file. */
    static String render(List<Row> rows) {
        StringBuilder markdown = new StringBuilder(HEADER).append(TABLE_HEAD);
        rows.forEach((row) -> markdown.append(row.line()).append('\n'));
        return markdown.toString();
    }

    /** The rows of the table in a file, by the property's name. */
    static Map<String, Row> parse(String markdown) {
        Map<String, Row> rows = new LinkedHashMap<>();
        markdown.lines()
                .filter((line) -> line.startsWith("| `"))
                .map(Row::parse)
                .forEach((row) -> rows.put(row.name(), row));
        return rows;
    }

    /**
     * How the file's rows differ from the metadata's: properties missing or extra, and each cell that
     * disagrees. Empty when the rows agree.
     */
    static List<String> differences(List<Row> expected, Map<String, Row> actual) {
        List<String> differences = new ArrayList<>();
        Map<String, Row> extra = new LinkedHashMap<>(actual);
        for (Row row : expected) {
            Row documented = extra.remove(row.name());
            if (documented == null) {
                differences.add(row.name() + " is missing");
                continue;
            }
            compare(differences, row.name(), "type", row.type(), documented.type());
            compare(differences, row.name(), "default", row.defaultValue(), documented.defaultValue());
            compare(differences, row.name(), "description", row.description(), documented.description());
        }
        extra.keySet().forEach((name) -> differences.add(name + " is documented but not in the metadata"));
        return differences;
    }

    private static void compare(List<String> differences, String name, String cell, String expected, String actual) {
        if (!expected.equals(actual)) {
            differences.add(name + ": the " + cell + " is '" + actual + "', the metadata says '" + expected + "'");
        }
    }

    private static String defaultValue(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            return code(String.join(
                    ",",
                    StreamSupport.stream(value.spliterator(), false)
                            .map(JsonNode::asString)
                            .toList()));
        }
        return code(value.asString());
    }

    private static String code(String text) {
        return text.isEmpty() ? "" : "`" + escape(text) + "`";
    }

    /**
     * Markdown table cells end at a pipe and at the end of the line (in descriptions, a '<' could also
     * start HTML, so it is escaped there; code spans show it as it is).
     */
    private static String escape(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }
}
