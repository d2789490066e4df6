package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.testcontainers.RequiresDocker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code docker compose up} of the repository's docker-compose.yml, as its comment tells a user to
 * run it (after the build made the jar): the terminal example answers a client of the official
 * JavaScript SDK through the Centrifugo in the containers, and with {@code --profile scale} the
 * output that the second app publishes through one Centrifugo node reaches a client on the other
 * one through Redis. Runs after {@code package} (failsafe), since the image is built from the jar.
 */
@RequiresDocker(compose = true)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DockerComposeUpIT {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    /** A project name of its own, so that the test leaves a user's `docker compose up` alone. */
    private static final String PROJECT = "centrifugo4j-compose-up-it";

    private static final Duration COMPOSE_TIMEOUT = Duration.ofMinutes(5);

    private static final String API_KEY = secret();

    /** What docker-compose.yml requires, made up for this run as a user's .env would be. */
    private static final Map<String, String> SECRETS =
            Map.of("CENTRIFUGO_PROXY_SECRET", secret(), "CENTRIFUGO_API_KEY", API_KEY);

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Path LOG =
            Path.of("target", "docker-compose-up-it.log").toAbsolutePath();

    @AfterAll
    static void down() {
        compose("--profile", "scale", "down", "--volumes", "--timeout", "5");
        // The app's image, built for this run (both app services share it); not `down --rmi local`, which
        // removes a shared image twice and fails.
        run(List.of("docker", "image", "rm", PROJECT + "-terminal", PROJECT + "-terminal-scaled"));
    }

    @Test
    @Order(1)
    void theTerminalAnswersThroughCentrifugoInTheContainers() {
        compose("up", "--build", "--wait", "--wait-timeout", "180");
        JsonNode round = smoke("http://127.0.0.1:8080", "ws://127.0.0.1:8000/connection/websocket");
        assertThat(round.get("answered").asBoolean()).as("%s", round).isTrue();
        assertThat(round.get("exitStatus").isNull()).as("%s", round).isFalse();
    }

    @Test
    @Order(2)
    void theScaleProfileDeliversTheOutputPublishedThroughOneNodeToAClientOnTheOther() {
        compose("--profile", "scale", "up", "--build", "--wait", "--wait-timeout", "180");
        // terminal-scaled publishes through centrifugo-1 (8001); its page, and this client, use centrifugo-2 (8002).
        // The server API listens on the internal port, published nowhere: ask node 2 from inside its container.
        JsonNode info = JSON.readTree(output(compose(List.of(
                "exec",
                "-T",
                "centrifugo-2",
                "wget",
                "-q",
                "-O-",
                "--header",
                "X-API-Key: " + API_KEY,
                "--post-data",
                "{}",
                "http://127.0.0.1:9000/api/info"))));
        assertThat(info.at("/result/nodes"))
                .as("the nodes node 2 knows through Redis: %s", info)
                .hasSize(2);
        JsonNode round = smoke("http://127.0.0.1:8081", "ws://127.0.0.1:8002/connection/websocket");
        assertThat(round.get("answered").asBoolean()).as("%s", round).isTrue();
    }

    /** One round trip of {@code client/smoke.mjs}: log in, open a shell, type, read the answer, close. */
    private static JsonNode smoke(String appUrl, String centrifugoUrl) {
        JsonNode round = JavaScriptClient.in(Path.of("client"))
                .withTimeout(Duration.ofSeconds(90))
                .run("smoke.mjs", Map.of("APP_URL", appUrl, "CENTRIFUGO_URL", centrifugoUrl));
        assertThat(round.get("ok").asBoolean()).as("%s", round).isTrue();
        return round;
    }

    private static void compose(String... arguments) {
        int exit = run(compose(List.of(arguments)));
        if (exit != 0) {
            // What the containers said, for a service that did not become healthy.
            run(compose(List.of("--profile", "scale", "logs", "--no-color", "--tail", "40")));
            throw new AssertionError("docker compose " + String.join(" ", arguments) + " exited with " + exit
                    + "; last lines of " + LOG + ":\n" + tail(LOG, 120));
        }
    }

    /** {@code docker compose} on the repository's file, in this test's project. */
    private static List<String> compose(List<String> arguments) {
        List<String> command = new ArrayList<>(List.of(
                "docker",
                "compose",
                "--project-name",
                PROJECT,
                "--file",
                ROOT.resolve("docker-compose.yml").toString()));
        command.addAll(arguments);
        return command;
    }

    /** Runs a command in the repository's root, its output appended to {@link #LOG}; returns its exit code. */
    private static int run(List<String> command) {
        return exitCode(start(command, ProcessBuilder.Redirect.appendTo(LOG.toFile())), command);
    }

    /** Runs a command in the repository's root and returns its standard output (its errors go to {@link #LOG}). */
    private static String output(List<String> command) {
        Process process = start(command, ProcessBuilder.Redirect.PIPE);
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (exitCode(process, command) != 0) {
                throw new AssertionError(String.join(" ", command) + " failed; see " + LOG);
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** Starts a command in the repository's root with the secrets, noted in {@link #LOG} with its errors. */
    private static Process start(List<String> command, ProcessBuilder.Redirect output) {
        try {
            Files.createDirectories(LOG.getParent());
            Files.writeString(
                    LOG, "$ " + String.join(" ", command) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(ROOT.toFile())
                    .redirectError(ProcessBuilder.Redirect.appendTo(LOG.toFile()))
                    .redirectOutput(output);
            builder.environment().putAll(SECRETS);
            return builder.start();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static int exitCode(Process process, List<String> command) {
        try {
            if (!process.waitFor(COMPOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(
                        String.join(" ", command) + " did not finish within " + COMPOSE_TIMEOUT + "; see " + LOG);
            }
            return process.exitValue();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", ex);
        }
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException ex) {
            return "(cannot read " + file + ": " + ex.getMessage() + ")";
        }
    }

    private static String secret() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
