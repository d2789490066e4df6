package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every centrifugo.* property is in the configuration metadata, with a description. */
class ConfigurationMetadataTests {

    private static final Pattern PROPERTY_IN_SOURCE = Pattern.compile("\"(centrifugo\\.[a-z0-9.-]+)\"");

    private static JsonNode metadata() {
        return PropertiesDocumentation.metadata(ConfigurationMetadataTests.class.getClassLoader());
    }

    private static Set<String> documented() {
        return new TreeSet<>(PropertiesDocumentation.names(metadata()));
    }

    @Test
    void everyPropertyHasADescription() {
        List<String> undocumented = new ArrayList<>();
        for (JsonNode property : metadata().get("properties")) {
            JsonNode description = property.get("description");
            if (description == null || description.asString().isBlank()) {
                undocumented.add(property.get("name").asString());
            }
        }
        assertThat(undocumented).isEmpty();
        assertThat(documented()).hasSizeGreaterThan(40);
    }

    @Test
    void everyPropertyTheStarterReadsByNameIsDocumented() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source :
                    sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                Matcher matcher = PROPERTY_IN_SOURCE.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    read.add(matcher.group(1));
                }
            }
        }
        assertThat(read).contains("centrifugo.contract.enabled", "centrifugo.api-key");
        assertThat(documented()).containsAll(read);
    }
}
