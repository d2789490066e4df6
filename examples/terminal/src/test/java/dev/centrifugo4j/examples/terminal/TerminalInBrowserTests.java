package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The whole example as a user meets it: the page in headless Chromium, a real Centrifugo v6 running
 * the example's own {@code centrifugo.json} (proxies, namespace, allowed origins; only ports and the
 * secret are the test's), and the app on a random port. alice logs in, types into her terminal and
 * sees the shell's answer; bob cannot attach to alice's session; a screenshot of alice's page is
 * written to {@code target/terminal-screenshot.png}.
 *
 * <p>Needs Debian's {@code chromium} ({@code CHROMIUM} to use another binary); {@code .ci/run}
 * installs it. Without it the test is skipped with a message, except under CI ({@code CI} set), where
 * it fails.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class TerminalInBrowserTests {

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static final Path SCREENSHOT =
            Path.of("target", "terminal-screenshot.png").toAbsolutePath();

    private static final String PROXY_SECRET = "terminal-it-secret-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final CentrifugoServer centrifugo = CentrifugoServer.builder()
            .config(TerminalInBrowserTests::exampleConfiguration)
            .build();

    @Autowired
    private TerminalSessions sessions;

    /**
     * Runs before the application context (and Centrifugo) would start: skips without a browser,
     * unless this is CI, where a missing browser is a broken setup.
     */
    @BeforeAll
    static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String message = CHROMIUM + " is not installed: install Debian's chromium (apt-get install chromium, as "
                + ".ci/run does) or point CHROMIUM at a Chromium binary";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(message + " (CI is set, so this is a failure, not a skip)");
        }
        // A class skipped in @BeforeAll shows as "Tests run: 0" in the build output: say why there.
        System.err.println("SKIPPED TerminalInBrowserTests: " + message);
        Assumptions.abort(message);
    }

    /** The example's centrifugo.json, pointed at this test's app and secret. */
    private static void exampleConfiguration(ObjectNode generated) {
        String text;
        try {
            text = Files.readString(Path.of("centrifugo.json"));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        JsonNode example = JSON.readTree(text.replace("127.0.0.1:8080", "127.0.0.1:" + APP_PORT)
                .replace("localhost:8080", "localhost:" + APP_PORT)
                // Centrifugo would expand it from CENTRIFUGO_VAR_PROXY_SECRET; the test kit clears CENTRIFUGO_*.
                .replace("${CENTRIFUGO_VAR_PROXY_SECRET}", PROXY_SECRET));
        generated.set("channel", example.get("channel"));
        generated.set("rpc", example.get("rpc"));
        ObjectNode client = generated.withObject("/client");
        client.set("proxy", example.at("/client/proxy"));
        client.set("allowed_origins", example.at("/client/allowed_origins"));
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        centrifugo.start();
        registry.add("server.port", () -> APP_PORT);
        registry.add("centrifugo.api-url", centrifugo::apiUrl);
        registry.add("centrifugo.api-key", centrifugo::apiKey);
        registry.add("centrifugo.proxy.secret", () -> PROXY_SECRET);
        // Not a login shell: what a machine's profile does (and how long it takes) is not under test.
        registry.add("terminal.command", () -> "/bin/bash,--noprofile,--norc");
        registry.add("terminal.centrifugo-ws-url", () -> "ws://{host}:" + centrifugo.port() + "/connection/websocket");
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @Test
    void aliceTypesIntoHerShellAndBobCannotWatch() throws IOException {
        Files.deleteIfExists(SCREENSHOT);
        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .withTimeout(Duration.ofSeconds(120))
                .run(
                        "browser-test.mjs",
                        Map.of(
                                "APP_URL", "http://127.0.0.1:" + APP_PORT,
                                "CHROMIUM", CHROMIUM.toString(),
                                "SCREENSHOT", SCREENSHOT.toString()));
        assertThat(output.path("ok").asBoolean())
                .as("browser run: %s%nCentrifugo log: %s", output, centrifugo.logFile())
                .isTrue();

        JsonNode steps = output.get("steps");
        String aliceSession = steps.at("/0/session").asString();
        assertThat(aliceSession).matches("[0-9a-f-]{36}");
        assertThat(steps.at("/1/rows").toString()).contains("\"hello-from-test\"");

        JsonNode bob = steps.get(4);
        assertThat(bob.get("name").asString()).isEqualTo("bob was refused alice's session");
        assertThat(bob.get("state").asString()).isEqualTo("denied: permission denied");
        assertThat(bob.get("rows").toString())
                .contains("cannot attach to session " + aliceSession + ": permission denied (403)");
        assertThat(bob.get("sawAliceOutput").asBoolean()).isFalse();
        assertThat(centrifugo.logs()).contains("\"user\":\"bob\"").contains("\"code\":403");

        JsonNode closed = steps.get(5);
        assertThat(closed.get("state").asString()).isEqualTo("ended (status 129)");
        assertThat(this.sessions.find(aliceSession)).isNull();
        assertThat(output.has("consoleErrors"))
                .as("%s", output.get("consoleErrors"))
                .isFalse();

        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).hasSizeGreaterThan(5_000);
        assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("PNG");
    }
}
