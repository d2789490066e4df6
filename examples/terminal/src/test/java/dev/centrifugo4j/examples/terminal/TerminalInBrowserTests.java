package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
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
 * The whole example as its users meet it: the page in headless Chromium, a real Centrifugo v6 running
 * the example's own {@code centrifugo.json} (proxies, namespace, allowed origins, the server API on an
 * internal port of its own; only ports and secrets are the test's), and the app on a random port, with
 * its secrets where a deployment keeps them: the API key in the app's environment (the pom sets
 * {@code CENTRIFUGO_API_KEY} for the tests), the proxy secret in a file the app imports.
 *
 * <p>alice types into her terminal and sees the shell's answer. bob leaves a marker in his session. alice
 * then probes from her shell, as an attacker would: she cannot read the app's environment nor its
 * secrets file, cannot connect to Centrifugo's server API, cannot read bob's files nor see his
 * processes or terminal, and cannot subscribe to his session's channel; neither the secrets nor bob's
 * marker ever reach her channel or her page. A screenshot of alice's page is written to
 * {@code target/terminal-screenshot.png}.
 *
 * <p>Needs Debian's {@code chromium} ({@code CHROMIUM} to use another binary) and {@code bubblewrap};
 * {@code .ci/run} installs both. Without chromium the test is skipped with a message, except under CI
 * ({@code CI} set), where it fails.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
        properties = "spring.config.import=file:" + TerminalInBrowserTests.SECRETS_FILE_NAME)
class TerminalInBrowserTests {

    static final String SECRETS_FILE_NAME = "target/terminal-it/secrets.properties";

    private static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

    private static final Path SCREENSHOT =
            Path.of("target", "terminal-screenshot.png").toAbsolutePath();

    private static final Path SECRETS_FILE = Path.of(SECRETS_FILE_NAME).toAbsolutePath();

    private static final String PROXY_SECRET = "terminal-it-proxy-secret-" + System.nanoTime();

    /** The API key, in the application's environment as in a deployment. */
    private static final String API_KEY = System.getenv("CENTRIFUGO_API_KEY");

    private static final int APP_PORT = CentrifugoServer.freePort();

    /** Centrifugo's external port, the one the browser connects to. */
    private static final int WEBSOCKET_PORT = CentrifugoServer.freePort();

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final CentrifugoServer centrifugo;

    static {
        try {
            Files.createDirectories(SECRETS_FILE.getParent());
            Files.writeString(SECRETS_FILE, "centrifugo.proxy.secret=" + PROXY_SECRET + "\n");
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        CentrifugoServer.Builder builder =
                CentrifugoServer.builder().config(TerminalInBrowserTests::exampleConfiguration);
        if (API_KEY != null) {
            builder.apiKey(API_KEY);
        }
        centrifugo = builder.build();
    }

    @Autowired
    private TerminalSessions sessions;

    /**
     * Runs before the application context (and Centrifugo) would start: skips without a browser,
     * unless this is CI, where a missing browser is a broken setup.
     */
    @BeforeAll
    static void requireChromiumAndTheApiKeyInTheEnvironment() {
        assertThat(API_KEY)
                .as("CENTRIFUGO_API_KEY in the test's environment (the pom's surefire configuration sets it)")
                .isNotBlank();
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

    /**
     * The example's centrifugo.json, pointed at this test's app and secret. The test kit's port, where
     * it looks for /health and the API, is the internal one; browsers connect to the other.
     */
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
        ObjectNode server = generated.withObject("/http_server");
        String kitPort = server.get("port").asString();
        server.setAll((ObjectNode) example.get("http_server"));
        server.put("port", WEBSOCKET_PORT).put("internal_port", kitPort);
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
        // Not a login shell: what a machine's profile does (and how long it takes) is not under test.
        registry.add("terminal.command", () -> "/bin/bash,--noprofile,--norc");
        registry.add("terminal.centrifugo-ws-url", () -> "ws://{host}:" + WEBSOCKET_PORT + "/connection/websocket");
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @Test
    void aShellCannotReachTheSecretsTheServerApiNorAnotherUsersSession() throws Exception {
        Files.deleteIfExists(SCREENSHOT);
        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .withTimeout(Duration.ofSeconds(150))
                .run(
                        "browser-test.mjs",
                        Map.of(
                                "APP_URL", "http://127.0.0.1:" + APP_PORT,
                                "CHROMIUM", CHROMIUM.toString(),
                                "SCREENSHOT", SCREENSHOT.toString(),
                                "APP_PID", Long.toString(ProcessHandle.current().pid()),
                                "API_PORT", Integer.toString(centrifugo.port()),
                                "SECRETS_FILE", SECRETS_FILE.toString()));
        assertThat(output.path("ok").asBoolean())
                .as("browser run: %s%nCentrifugo log: %s", output, centrifugo.logFile())
                .isTrue();
        String bobMarker = output.get("bobMarker").asString();
        String aliceSession = step(output, "alice ready").get("session").asString();
        String bobSession = step(output, "bob left his marker").get("session").asString();
        assertThat(aliceSession).matches("[0-9a-f-]{36}").isNotEqualTo(bobSession);
        assertThat(step(output, "alice saw the output").get("rows").toString()).contains("\"hello-from-test\"");

        // Everything alice's shell printed, as her channel carried it. Soft assertions: a broken sandbox
        // shows every way it leaks at once.
        String aliceChannel = channelOutput(aliceSession);
        JsonNode spying = step(output, "alice tried to watch bob's session");
        SoftAssertions.assertSoftly((softly) -> {
            softly.assertThat(aliceChannel).as("the app's environment").contains("probe environ: denied");
            softly.assertThat(aliceChannel).as("the app's secrets file").contains("probe secrets-file: denied");
            softly.assertThat(aliceChannel).as("the server API's port").contains("probe api-port: unreachable");
            softly.assertThat(aliceChannel).as("bob's file").contains("probe bobs-file: denied");
            softly.assertThat(aliceChannel).as("other terminals").contains("probe terminals: 0");
            // bubblewrap's init, the shell and the probe's own commands, not the machine's processes.
            softly.assertThat(aliceChannel).as("processes").containsPattern("probe processes: [1-9]\r?\n");
            softly.assertThat(aliceChannel).as("the API key").doesNotContain(API_KEY);
            softly.assertThat(aliceChannel).as("the proxy secret").doesNotContain(PROXY_SECRET);
            softly.assertThat(aliceChannel).as("bob's marker").doesNotContain(bobMarker);
            softly.assertThat(spying.get("state").asString())
                    .as("alice subscribing to bob's session")
                    .isEqualTo("denied: permission denied");
            softly.assertThat(spying.get("rows").toString())
                    .contains("cannot attach to session " + bobSession + ": permission denied (403)");
            softly.assertThat(spying.get("sawBobsOutput").asBoolean())
                    .as("bob's output on alice's page for his session")
                    .isFalse();
            softly.assertThat(step(output, "alice's page").get("sawBobsOutput").asBoolean())
                    .as("bob's output on alice's page")
                    .isFalse();
        });
        assertThat(channelOutput(bobSession)).as("bob's channel").contains(bobMarker);
        assertThat(centrifugo.logs()).contains("\"user\":\"alice\"").contains("\"code\":403");

        JsonNode closed = step(output, "alice closed her session");
        assertThat(closed.get("state").asString()).isEqualTo("ended (status 129)");
        assertThat(this.sessions.find(aliceSession)).isNull();
        assertThat(output.has("consoleErrors"))
                .as("%s", output.get("consoleErrors"))
                .isFalse();

        byte[] png = Files.readAllBytes(SCREENSHOT);
        assertThat(png).hasSizeGreaterThan(5_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void theServerApiIsNotOnThePortTheBrowsersUse() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int port : new int[] {WEBSOCKET_PORT, centrifugo.port()}) {
            HttpResponse<String> info = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/info"))
                            .header("X-API-Key", API_KEY)
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(info.statusCode())
                    .as("POST /api/info on port %d (%s)", port, info.body())
                    .isEqualTo((port == WEBSOCKET_PORT) ? 404 : 200);
        }
    }

    private static JsonNode step(JsonNode output, String name) {
        for (JsonNode step : output.get("steps")) {
            if (name.equals(step.get("name").asString())) {
                return step;
            }
        }
        throw new AssertionError("No step '" + name + "' in " + output);
    }

    /** The output a session's channel carried, from Centrifugo's history of it. */
    private static String channelOutput(String sessionId) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(centrifugo.apiUrl() + "/history"))
                                .header("X-API-Key", API_KEY)
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"channel\":\"" + TerminalChannel.of(sessionId) + "\",\"limit\":1000}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        JsonNode history = JSON.readTree(response.body());
        assertThat(history.has("error"))
                .as("history of %s: %s", sessionId, history)
                .isFalse();
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (JsonNode publication : history.at("/result/publications")) {
            JsonNode data = publication.get("data");
            if ("output".equals(data.get("type").asString())) {
                all.writeBytes(Base64.getDecoder().decode(data.get("data").asString()));
            }
        }
        assertThat(all.size()).as("output in the history of %s", sessionId).isPositive();
        return all.toString(StandardCharsets.UTF_8);
    }
}
