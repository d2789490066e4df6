package dev.centrifugo4j.examples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.thread.Threading;
import org.springframework.core.env.Environment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The quick start with {@code spring.threads.virtual.enabled=true}: {@code system.ping} and the asynchronous {@code system.ping.later} called
 * through a real Centrifugo with the JavaScript SDK, its handler on a virtual request thread. Runs on
 * Java 21 and later.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.threads.virtual.enabled=true")
@EnabledForJreRange(min = JRE.JAVA_21)
class QuickstartOnVirtualThreadsTests {

    private static final String PROXY_SECRET = "vt-proxy-secret-0123456789abcdef-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    private static final CentrifugoServer centrifugo = CentrifugoServer.builder()
            .rpcProxy("http://127.0.0.1:" + APP_PORT + "/centrifugo/rpc/")
            .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
            .build();

    @DynamicPropertySource
    static void centrifugoProperties(DynamicPropertyRegistry registry) {
        centrifugo.start();
        registry.add("server.port", () -> APP_PORT);
        registry.add("centrifugo.url", centrifugo::websocketUrl);
        registry.add("centrifugo.api-url", centrifugo::apiUrl);
        registry.add("centrifugo.api-key", centrifugo::apiKey);
        registry.add("centrifugo.token.hmac-secret", centrifugo::hmacSecret);
        registry.add("centrifugo.proxy.secret", () -> PROXY_SECRET);
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @Autowired
    private CentrifugoTokens tokens;

    @Autowired
    private Environment environment;

    @Test
    void servesSystemPingOnVirtualThreads() {
        assertThat(Threading.VIRTUAL.isActive(this.environment)).isTrue();

        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .run(
                        "rpc-steps.mjs",
                        Map.of(
                                "CENTRIFUGO_URL",
                                centrifugo.websocketUrl(),
                                "CENTRIFUGO_TOKEN",
                                this.tokens.connectionToken("vera", Duration.ofMinutes(5))),
                        "[{\"method\":\"system.ping\",\"data\":{\"message\":\"Hello\"}},"
                                + "{\"method\":\"system.ping.later\",\"data\":{\"message\":\"Hi\"}}]");

        assertThat(output.get("connected").asBoolean())
                .as("connected: %s", output)
                .isTrue();
        assertThat(output.at("/results/0/data/echo").asString()).isEqualTo("Pong: Hello");
        assertThat(output.at("/results/1/data/echo").asString()).startsWith("Pong later: Hi");
    }
}
