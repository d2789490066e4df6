package dev.centrifugo4j.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a Node.js script that drives the official JavaScript SDK (npm {@code centrifuge}) and returns
 * the JSON it prints on its last line. The way tests prove that a real client, not a test double,
 * gets what the application answers.
 *
 * <pre>{@code
 * JsonNode output = JavaScriptClient.in(Path.of("client"))
 *         .run("rpc-steps.mjs", Map.of("CENTRIFUGO_URL", server.websocketUrl()), "[...]");
 * }</pre>
 */
public final class JavaScriptClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path directory;

    private final Duration timeout;

    private JavaScriptClient(Path directory, Duration timeout) {
        this.directory = directory;
        this.timeout = timeout;
    }

    /**
     * A client whose scripts and {@code node_modules} are in the given directory.
     *
     * @param directory the directory with {@code package.json}
     * @return the client
     */
    public static JavaScriptClient in(Path directory) {
        return new JavaScriptClient(directory.toAbsolutePath(), Duration.ofSeconds(60));
    }

    /** The same client with another limit on how long a script may run (60 s by default). */
    public JavaScriptClient withTimeout(Duration timeout) {
        return new JavaScriptClient(this.directory, timeout);
    }

    /**
     * Runs a script with {@code node}.
     *
     * @param script the script file, relative to the directory
     * @param environment variables for the script
     * @param arguments the script's arguments
     * @return the JSON of the last line the script printed
     * @throws IllegalStateException when the SDK is not installed, the script fails or times out
     */
    public JsonNode run(String script, Map<String, String> environment, String... arguments) {
        if (!Files.isDirectory(this.directory.resolve("node_modules/centrifuge"))) {
            throw new IllegalStateException("The JavaScript SDK is not installed in " + this.directory
                    + ": run 'npm ci' there (the Maven build does it before the tests).");
        }
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(arguments));
        Path stdout = null;
        Path stderr = null;
        try {
            // Output goes to files, not pipes: draining pipes needs threads of its own, and borrowing the
            // common pool for blocking reads starves the application under test on small machines.
            stdout = Files.createTempFile("centrifugo4j-node-", ".out");
            stderr = Files.createTempFile("centrifugo4j-node-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(this.directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(this.timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within " + this.timeout + "; output so far: "
                        + Files.readString(stdout));
            }
            String out = Files.readString(stdout).strip();
            if (process.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException(script + " exited with " + process.exitValue() + "; stdout: " + out
                        + "; stderr: " + Files.readString(stderr));
            }
            String[] lines = out.split("\n");
            return JSON.readTree(lines[lines.length - 1]);
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot run node (is Node.js 20+ installed?): " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + script, ex);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    private static void deleteQuietly(@Nullable Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ex) {
                // A temp file left behind is harmless.
            }
        }
    }
}
