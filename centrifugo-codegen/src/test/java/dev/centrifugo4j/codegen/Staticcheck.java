package dev.centrifugo4j.codegen;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The staticcheck binary {@code go/install-staticcheck} puts into the project's cache in the build:
 * a test without it is skipped, with one line saying why, or fails when {@code CI} is set.
 */
final class Staticcheck {

    private Staticcheck() {}

    static Path binary() {
        String cache = System.getenv("CENTRIFUGO4J_CACHE");
        Path root = (cache != null && !cache.isBlank())
                ? Path.of(cache)
                : Path.of(System.getProperty("user.home"), ".cache", "centrifugo4j");
        Path binary = root.resolve("staticcheck/staticcheck");
        if (Files.isExecutable(binary)) {
            return binary;
        }
        String missing = "No staticcheck at " + binary + ": centrifugo-codegen/go/install-staticcheck installs it"
                + " (the build runs it; it needs Go and the Go module proxy)";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(missing + " (CI is set, so this is a failure, not a skip)");
        }
        System.err.println("SKIPPED a staticcheck test: " + missing);
        Assumptions.abort(missing);
        throw new AssertionError("unreachable");
    }
}
