package dev.centrifugo4j.it.zoo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * Runs the tools and drivers of the Python and Go clients (mypy, go vet, the zoo-steps drivers);
 * output goes to files, not pipes, so no thread is needed to drain them.
 */
final class Commands {

    private Commands() {}

    /** The Python venv {@code centrifugo-codegen/python/setup-venv} creates in the build. */
    static Path pythonVenv() {
        String configured = System.getenv("CENTRIFUGO4J_PYTHON_VENV");
        Path venv = (configured != null)
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "centrifugo4j", "python-venv");
        if (!Files.isExecutable(venv.resolve("bin/python"))) {
            throw new IllegalStateException("No Python venv at " + venv
                    + ": the build creates it with centrifugo-codegen/python/setup-venv before the tests.");
        }
        return venv;
    }

    /**
     * Runs a command in a folder and returns what it printed on stdout.
     *
     * @throws IllegalStateException when it cannot start, times out or exits with another code than 0,
     *     with its output
     */
    static String run(Path directory, Map<String, String> environment, Duration timeout, List<String> command) {
        Path stdout = null;
        Path stderr = null;
        try {
            stdout = Files.createTempFile("centrifugo4j-it-", ".out");
            stderr = Files.createTempFile("centrifugo4j-it-", ".err");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(directory.toFile())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within " + timeout
                        + "; stdout: " + Files.readString(stdout) + "; stderr: " + Files.readString(stderr));
            }
            String out = Files.readString(stdout);
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " in " + directory + " exited with "
                        + process.exitValue() + "; stdout: " + out + "; stderr: " + Files.readString(stderr));
            }
            return out;
        } catch (IOException ex) {
            throw new IllegalStateException("Cannot run " + String.join(" ", command) + ": " + ex.getMessage(), ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while running " + String.join(" ", command), ex);
        } finally {
            deleteQuietly(stdout);
            deleteQuietly(stderr);
        }
    }

    /** The last line of a driver's output. */
    static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
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
