package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.codegen.config.CentrifugoConfigGenerator;
import dev.centrifugo4j.codegen.config.ConfigRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code centrifugo.json} is what {@code centrifugo:config} makes of the app's contract merged into
 * it: the proxies, namespaces and secret header are generated, not hand-written, and a change of
 * the handlers that the file does not follow fails here. Regenerate it with
 *
 * <pre>
 * ./mvnw -pl examples/terminal compile dev.centrifugo4j:centrifugo-codegen:config \
 *   -Dcentrifugo.config.mergeInto=centrifugo.json -Dcentrifugo.config.outputFile=centrifugo.json \
 *   -Dcentrifugo.config.appUrl=http://127.0.0.1:8080 -Dcentrifugo.config.connectProxy=true \
 *   -Dcentrifugo.config.refreshProxy=true -Dcentrifugo.config.forwardedHeaders=Cookie
 * </pre>
 */
class CentrifugoConfigTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Test
    void isWhatTheConfigGoalMakesOfTheContract(@TempDir Path output) throws IOException {
        Path file = output.resolve("config.json");
        ConfigRequest request = new ConfigRequest(
                Path.of("target/classes/META-INF/centrifugo/contract.json"),
                file,
                Path.of("centrifugo.json"),
                "http://127.0.0.1:8080",
                ConfigRequest.ProxyPaths.DEFAULTS,
                ConfigRequest.DEFAULT_PROXY_TIMEOUT,
                ConfigRequest.DEFAULT_SECRET_HEADER,
                ConfigRequest.DEFAULT_SECRET_VARIABLE,
                true,
                true,
                List.of("Cookie"));

        CentrifugoConfigGenerator.Result result = new CentrifugoConfigGenerator().generate(request);

        assertThat(result.warnings()).isEmpty();
        assertThat(MAPPER.readTree(Files.readString(file)))
                .isEqualTo(MAPPER.readTree(Files.readString(Path.of("centrifugo.json"))));
    }
}
