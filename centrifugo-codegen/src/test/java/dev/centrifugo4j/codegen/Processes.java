package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the tools the generated clients are checked with (mypy, pip, go) and asserts they succeed. */
final class Processes {

    private Processes() {}

    /** Runs a command in a folder and returns its output (stdout and stderr); fails the test on a non-zero exit. */
    static String run(Path directory, Map<String, String> environment, String... command)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(List.of(command))
                .directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(300, TimeUnit.SECONDS))
                .as("%s finishes", String.join(" ", command))
                .isTrue();
        assertThat(process.exitValue())
                .as("%s in %s exits with 0; output:%n%s", String.join(" ", command), directory, output)
                .isZero();
        return output;
    }

    /** The Python venv {@code python/setup-venv} creates in the build. */
    static Path pythonVenv() {
        String configured = System.getenv("CENTRIFUGO4J_PYTHON_VENV");
        Path venv = (configured != null)
                ? Path.of(configured)
                : Path.of(System.getProperty("user.home"), ".cache", "centrifugo4j", "python-venv");
        assertThat(venv.resolve("bin/python"))
                .as("the venv python/setup-venv creates (the build runs it)")
                .exists();
        return venv;
    }
}
