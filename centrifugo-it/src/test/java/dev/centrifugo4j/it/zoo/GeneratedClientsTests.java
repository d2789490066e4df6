package dev.centrifugo4j.it.zoo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The clients the build generated from the zoo's contract compile strictly before they are used
 * (TypeScript: {@code tsc --strict} in the build itself).
 */
class GeneratedClientsTests {

    @Test
    void thePythonClientPassesMypyStrict() throws Exception {
        String output = PythonDriver.exec(
                Map.of(),
                List.of(
                        "-m",
                        "mypy",
                        "--strict",
                        "--config-file",
                        "client/generated/python/pyproject.toml",
                        "client/generated/python/zoo_client"));

        assertThat(output).contains("Success: no issues found");
    }
}
