package dev.centrifugo4j.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.testcontainers.app.NewsApplication;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import tools.jackson.databind.JsonNode;

/**
 * An application with no {@code centrifugo.*} property, wired by {@code @ServiceConnection} to a
 * {@link CentrifugoContainer}: a client of the official JavaScript SDK connects with a token the
 * application signs, calls an RPC method that the container's proxy sends back to the application
 * (which checks the container's proxy secret), and receives what the handler published through the
 * auto-configured publisher.
 */
@RequiresDocker
@Testcontainers
@SpringBootTest(classes = NewsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ServiceConnectionTests {

    private static final int APP_PORT = TestSocketUtils.findAvailableTcpPort();

    @Container
    @ServiceConnection
    static final CentrifugoContainer centrifugo = new CentrifugoContainer().withAppProxies(APP_PORT);

    @DynamicPropertySource
    static void appPort(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> APP_PORT);
    }

    @Autowired
    private CentrifugoConnectionDetails connectionDetails;

    @Autowired
    private CentrifugoTokens tokens;

    @Test
    void wiresTheApplicationToTheContainer() {
        assertThat(this.connectionDetails.getApiUrl()).isEqualTo(centrifugo.getApiUrl());
        assertThat(this.connectionDetails.getUrl()).isEqualTo(centrifugo.getWebsocketUrl());
        assertThat(this.connectionDetails.getApiKey()).isEqualTo(centrifugo.getApiKey());
    }

    @Test
    void aJavaScriptClientCallsTheApplicationThroughTheContainerAndReceivesWhatItPublishes() {
        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .run(
                        "announce.mjs",
                        Map.of(
                                "CENTRIFUGO_URL",
                                centrifugo.getWebsocketUrl(),
                                "CENTRIFUGO_TOKEN",
                                this.tokens.connectionToken("alice", Duration.ofMinutes(5))),
                        "news",
                        "news.announce",
                        "{\"text\":\"containers are up\"}");
        assertThat(output.path("error").isMissingNode()).as("%s", output).isTrue();
        assertThat(output.get("reply").get("by").asString()).isEqualTo("alice");
        assertThat(output.get("publication").get("text").asString()).isEqualTo("containers are up");
        assertThat(output.get("publication").get("by").asString()).isEqualTo("alice");
    }
}
