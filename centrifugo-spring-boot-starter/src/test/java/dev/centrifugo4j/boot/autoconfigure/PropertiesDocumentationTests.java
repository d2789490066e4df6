package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.autoconfigure.PropertiesDocumentation.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * {@code docs/properties.md} is the configuration metadata as a table: every property with its type,
 * default and description. With {@code -Dcentrifugo.docs.update=true} the test rewrites the file
 * instead of failing.
 */
class PropertiesDocumentationTests {

    private static final String UPDATE = "centrifugo.docs.update";

    private final JsonNode metadata =
            PropertiesDocumentation.metadata(getClass().getClassLoader());

    private final List<Row> rows = PropertiesDocumentation.rows(this.metadata);

    /** The repository's root: the nearest folder above the module with the Maven wrapper. */
    private static Path root() {
        Path module = Path.of("").toAbsolutePath();
        for (Path folder = module.getParent(); folder != null; folder = folder.getParent()) {
            if (Files.exists(folder.resolve("mvnw"))) {
                return folder;
            }
        }
        throw new IllegalStateException("No folder above " + module + " holds mvnw");
    }

    @Test
    void docsPropertiesMdDocumentsEveryPropertyAsTheMetadataDoes() throws IOException {
        Path root = root();
        Path documentation = root.resolve("docs/properties.md");
        Path generated = Path.of("target/properties.md").toAbsolutePath();
        String expected = PropertiesDocumentation.render(this.rows);
        Files.createDirectories(generated.getParent());
        Files.writeString(generated, expected, StandardCharsets.UTF_8);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(documentation.getParent());
            Files.writeString(documentation, expected, StandardCharsets.UTF_8);
        }
        String actual = Files.exists(documentation) ? Files.readString(documentation, StandardCharsets.UTF_8) : "";

        List<String> differences =
                PropertiesDocumentation.differences(this.rows, PropertiesDocumentation.parse(actual));
        String regenerate = "\nRegenerate it with\n  ./mvnw -pl centrifugo-spring-boot-starter test"
                + " -Dtest=PropertiesDocumentationTests -Dcentrifugo.docs.update=true\nor copy what this test wrote:\n  cp "
                + root.relativize(generated) + " " + root.relativize(documentation);
        assertThat(differences)
                .as(
                        "%s disagrees with the configuration metadata:%n  %s%s",
                        root.relativize(documentation), String.join("\n  ", differences), regenerate)
                .isEmpty();
        assertThat(actual)
                .as(
                        "%s has the metadata's rows but not the generated text around them.%s",
                        root.relativize(documentation), regenerate)
                .isEqualTo(expected);
    }

    @Test
    void theTableHasARowPerPropertyOfTheMetadata() {
        Map<String, Row> table = PropertiesDocumentation.parse(PropertiesDocumentation.render(this.rows));

        assertThat(table.keySet())
                .hasSameSizeAs(PropertiesDocumentation.names(this.metadata))
                .contains("`centrifugo.url`", "`centrifugo.proxy.secret`", "`management.health.centrifugo.enabled`");
        assertThat(table.get("`centrifugo.proxy.shutdown-timeout`"))
                .isEqualTo(new Row(
                        "`centrifugo.proxy.shutdown-timeout`",
                        "`Duration`",
                        "`30s`",
                        "How long proxy calls in flight (asynchronous ones included) may take to finish when the"
                                + " application shuts down; calls that arrive meanwhile get the temporary error 503."));
        assertThat(table.get("`centrifugo.proxy.masked-keys`").defaultValue())
                .isEqualTo("`token,password,secret,authorization,cookie,api_key,apikey`");
        assertThat(table.get("`centrifugo.proxy.concurrency.rpc`").type()).isEqualTo("`Map<String,Integer>`");
        assertThat(table.get("`centrifugo.connect.unauthenticated`").type()).isEqualTo("`Refusal`");
    }

    @Test
    void aMissingAnExtraAndAChangedPropertyAreEachNamed() {
        Map<String, Row> table = PropertiesDocumentation.parse(PropertiesDocumentation.render(this.rows));
        table.remove("`centrifugo.url`");
        table.put("`centrifugo.gone`", new Row("`centrifugo.gone`", "`String`", "", "Gone."));
        Row ttl = table.get("`centrifugo.token.ttl`");
        table.put(ttl.name(), new Row(ttl.name(), ttl.type(), "`2h`", "Old words."));

        assertThat(PropertiesDocumentation.differences(this.rows, table))
                .containsExactly(
                        "`centrifugo.token.ttl`: the default is '`2h`', the metadata says '`1h`'",
                        "`centrifugo.token.ttl`: the description is 'Old words.', the metadata says 'How long issued"
                                + " connection tokens are valid; must be positive (tokens always expire).'",
                        "`centrifugo.url` is missing",
                        "`centrifugo.gone` is documented but not in the metadata");
    }

    @Test
    void aPipeInADescriptionStaysInsideItsCell() {
        Row row = new Row("`centrifugo.x`", "`String`", "", "Either a \\| b.");

        assertThat(Row.parse(row.line())).isEqualTo(row);
    }
}
