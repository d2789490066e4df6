package dev.centrifugo4j.reliability;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * A system tool a test needs (Debian's redis-server, nginx): skipped with the reason when it is
 * missing on a developer's machine, a failure under CI (where {@code .ci/run} installs it).
 */
final class RequiredTool {

    private RequiredTool() {}

    /**
     * The tool's binary, or a skip (a failure when {@code CI} is set) saying how to install it.
     *
     * @param found the binary, if found
     * @param testName the test class, named in the skip message
     * @param missing what to do about it
     * @return the binary
     */
    static Path require(Optional<Path> found, String testName, String missing) {
        if (found.isPresent()) {
            return found.get();
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank()) {
            Assertions.fail(missing + " (CI is set, so this is a failure, not a skip)");
        }
        // A class skipped in @BeforeAll shows as "Tests run: 0" in the build output: say why there.
        System.err.println("SKIPPED " + testName + ": " + missing);
        Assumptions.abort(missing);
        throw new AssertionError("unreachable");
    }
}
