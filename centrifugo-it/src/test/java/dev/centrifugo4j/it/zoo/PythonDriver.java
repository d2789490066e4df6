package dev.centrifugo4j.it.zoo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs a Python program in the virtual environment the build creates
 * ({@code centrifugo-codegen/python/setup-venv}) and reads the JSON line it prints last.
 */
final class PythonDriver {

    private PythonDriver() {}

    /** The venv's interpreter: {@code CENTRIFUGO4J_PYTHON_VENV} or {@code ~/.cache/centrifugo4j/python-venv}. */
    static Path python() {
        String venv = System.getenv("CENTRIFUGO4J_PYTHON_VENV");
        Path root = (venv != null && !venv.isBlank())
                ? Path.of(venv)
                : Path.of(System.getProperty("user.home"), ".cache", "centrifugo4j", "python-venv");
        return root.resolve("bin/python");
    }

    /** Runs {@code python args...} and returns what it printed and how it ended. */
    static String exec(Map<String, String> environment, List<String> arguments)
            throws IOException, InterruptedException {
        Path log = Files.createTempFile("python-driver", ".log");
        try {
            List<String> command = new java.util.ArrayList<>();
            command.add(python().toString());
            command.addAll(arguments);
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(environment);
            Process process = builder.start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("python " + arguments + " did not end in 90 s:\n" + Files.readString(log));
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new AssertionError(
                        "python " + arguments + " exited with " + process.exitValue() + ":\n" + output);
            }
            return output;
        } finally {
            Files.deleteIfExists(log);
        }
    }

    static JsonNode run(Path script, Map<String, String> environment, Path values)
            throws IOException, InterruptedException {
        String output = exec(environment, List.of(script.toString(), values.toString()));
        List<String> lines = output.strip().lines().toList();
        return JsonMapper.builder().build().readTree(lines.get(lines.size() - 1));
    }
}
