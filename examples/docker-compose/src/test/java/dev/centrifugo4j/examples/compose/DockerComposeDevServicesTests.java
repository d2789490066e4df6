package dev.centrifugo4j.examples.compose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.testcontainers.RequiresDocker;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import tools.jackson.databind.JsonNode;

/**
 * The application as {@code spring-boot:run} starts it: {@code spring-boot-docker-compose} runs
 * {@code compose.yaml}, and the starter is wired to the Centrifugo it started, with no {@code
 * centrifugo.*} property. A client of the official JavaScript SDK then sets a status through that
 * Centrifugo and receives the publication the application makes.
 */
@RequiresDocker(compose = true)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class DockerComposeDevServicesTests {

    private static final int APP_PORT = TestSocketUtils.findAvailableTcpPort();

    /** What compose.yaml gives Centrifugo, and so what the application must have been wired with. */
    private static final String API_KEY = "dev-api-key-not-for-production";

    private static final String HMAC_SECRET = "dev-hmac-secret-not-for-production-0123456789";

    private static final String PROXY_SECRET = "dev-proxy-secret-not-for-production";

    @DynamicPropertySource
    static void dockerCompose(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> APP_PORT);
        // Spring Boot leaves Docker Compose alone in tests unless told; down removes the containers after.
        registry.add("spring.docker.compose.skip.in-tests", () -> "false");
        registry.add("spring.docker.compose.stop.command", () -> "down");
        // compose.yaml points Centrifugo's RPC proxy at APP_PORT; a project name of its own keeps the test
        // apart from a `spring-boot:run` of the example on the same machine.
        registry.add("spring.docker.compose.arguments[0]", () -> "--env-file");
        registry.add("spring.docker.compose.arguments[1]", () -> envFile().toString());
        registry.add("spring.docker.compose.arguments[2]", () -> "--project-name");
        registry.add("spring.docker.compose.arguments[3]", () -> "centrifugo4j-docker-compose-test");
    }

    private static Path envFile() {
        try {
            Path file = Files.createDirectories(Path.of("target")).resolve("compose-test.env");
            Files.writeString(file, "APP_PORT=" + APP_PORT + "\n");
            return file.toAbsolutePath();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Autowired
    private CentrifugoConnectionDetails centrifugo;

    @Autowired
    private CentrifugoTokens tokens;

    @Test
    void wiresTheApplicationToTheCentrifugoComposeStarted() {
        assertThat(this.centrifugo.getClass().getName()).contains("DockerCompose");
        URI api = URI.create(this.centrifugo.getApiUrl());
        assertThat(api.getHost()).isEqualTo("127.0.0.1");
        assertThat(api.getPort()).isNotEqualTo(8000);
        assertThat(api.getPath()).isEqualTo("/api");
        assertThat(this.centrifugo.getUrl()).isEqualTo("ws://127.0.0.1:" + api.getPort() + "/connection/websocket");
        assertThat(this.centrifugo.getApiKey()).isEqualTo(API_KEY);
        assertThat(this.centrifugo.getTokenHmacSecret()).isEqualTo(HMAC_SECRET);
        assertThat(this.centrifugo.getProxySecret()).isEqualTo(PROXY_SECRET);
    }

    @Test
    void aClientSetsAStatusThroughThatCentrifugoAndReceivesItsPublication() {
        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .run(
                        "status.mjs",
                        Map.of(
                                "CENTRIFUGO_URL",
                                this.centrifugo.getUrl(),
                                "CENTRIFUGO_TOKEN",
                                this.tokens.connectionToken("alice", Duration.ofMinutes(5))),
                        "Out for lunch");
        assertThat(output.path("error").isMissingNode()).as("%s", output).isTrue();
        assertThat(output.get("set").get("user").asString()).isEqualTo("alice");
        assertThat(output.get("received").get("user").asString()).isEqualTo("alice");
        assertThat(output.get("received").get("text").asString()).isEqualTo("Out for lunch");
    }
}
