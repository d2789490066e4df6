package dev.centrifugo4j.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor;

/**
 * Spring AOT processing of the quick start (what {@code spring-boot:process-aot} does before a
 * native build) succeeds, and the native-image metadata it writes carries centrifugo4j's hints:
 * the generated invokers, the bound records and the handler index.
 */
class QuickstartAotTests {

    @Test
    void aotProcessingSucceedsAndWritesCentrifugoHints(@TempDir Path out) throws IOException {
        AbstractAotProcessor.Settings settings = AbstractAotProcessor.Settings.builder()
                .sourceOutput(out.resolve("sources"))
                .resourceOutput(out.resolve("resources"))
                .classOutput(out.resolve("classes"))
                .groupId("dev.centrifugo4j")
                .artifactId("quickstart")
                .build();

        new SpringApplicationAotProcessor(QuickstartApplication.class, settings, new String[0]).process();

        String metadata = readAll(out.resolve("resources"), ".json");
        assertThat(metadata)
                .contains(
                        "dev.centrifugo4j.examples.quickstart.SystemHandlers_CentrifugoHandlers",
                        "dev.centrifugo4j.boot.contract.SystemContract_CentrifugoHandlers",
                        "dev.centrifugo4j.examples.quickstart.PingParams",
                        "dev.centrifugo4j.examples.quickstart.PingResult");
        // The resource pattern, as JSON writes it (with or without escaped slashes).
        assertThat(metadata).containsAnyOf("\"META-INF/centrifugo/*\"", "\"META-INF\\/centrifugo\\/*\"");
        assertThat(readAll(out.resolve("sources"), ".java"))
                .as("bean definitions generated for the starter's beans")
                .contains("centrifugoRpcDispatcher", "centrifugoPublisher");
    }

    private static String readAll(Path root, String suffix) throws IOException {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> files = Files.walk(root)) {
            List<Path> matching =
                    files.filter(path -> path.toString().endsWith(suffix)).toList();
            assertThat(matching).as("%s files under %s", suffix, root).isNotEmpty();
            for (Path file : matching) {
                all.append(Files.readString(file, StandardCharsets.UTF_8)).append('\n');
            }
        }
        return all.toString();
    }
}
