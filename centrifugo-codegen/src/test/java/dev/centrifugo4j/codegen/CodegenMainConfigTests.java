package dev.centrifugo4j.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code CodegenMain config}: centrifugo:config for other build tools. */
class CodegenMainConfigTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return CodegenMain.run(
                args,
                new PrintStream(this.out, true, StandardCharsets.UTF_8),
                new PrintStream(this.err, true, StandardCharsets.UTF_8));
    }

    @Test
    void writesTheSameConfigurationAsTheMavenGoalThenLeavesItAlone(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("config.json");

        assertThat(run("config", "--contract", "src/test/resources/zoo-contract.json", "--output", output.toString()))
                .isZero();
        assertThat(Files.readString(output))
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/config/zoo.json")));
        assertThat(this.out.toString(StandardCharsets.UTF_8))
                .startsWith("Wrote ")
                .contains("CENTRIFUGO_VAR_PROXY_SECRET");

        this.out.reset();
        assertThat(run("config", "--contract", "src/test/resources/zoo-contract.json", "--output", output.toString()))
                .isZero();
        assertThat(this.out.toString(StandardCharsets.UTF_8)).startsWith("Up to date: ");
    }

    @Test
    void takesEveryOptionOfTheGoal(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("config.json");

        int status = run(
                "config",
                "--contract",
                "src/test/resources/config-contract.json",
                "--output",
                output.toString(),
                "--app-url",
                "https://app.internal:8443/",
                "--rpc-path",
                "/rt/rpc",
                "--connect-path",
                "/rt/connect",
                "--refresh-path",
                "/rt/refresh",
                "--subscribe-path",
                "/rt/subscribe",
                "--publish-path",
                "/rt/publish",
                "--sub-refresh-path",
                "/rt/sub-refresh",
                "--proxy-timeout",
                "1500ms",
                "--secret-header",
                "X-Proxy-Token",
                "--secret-variable",
                "CENTRIFUGO_VAR_APP_TOKEN",
                "--connect-proxy",
                "--refresh-proxy",
                "--forwarded-headers",
                "Cookie, Authorization");

        assertThat(status).isZero();
        assertThat(Files.readString(output))
                .isEqualTo(Files.readString(Path.of("src/test/resources/golden/config/all-options.json")));
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("Warning: Channel pattern '{tenant}:events'");
    }

    @Test
    void enablesTheRefreshProxyWithTheConnectProxyUnlessToldOtherwise(@TempDir Path dir) throws Exception {
        Path output = dir.resolve("config.json");
        String contract = "src/test/resources/zoo-contract.json";

        assertThat(run("config", "--contract", contract, "--output", output.toString(), "--connect-proxy"))
                .isZero();
        String both = Files.readString(output);
        assertThat(run(
                        "config",
                        "--contract",
                        contract,
                        "--output",
                        output.toString(),
                        "--connect-proxy",
                        "--no-refresh-proxy"))
                .isZero();
        String connectOnly = Files.readString(output);
        assertThat(run("config", "--contract", contract, "--output", output.toString(), "--refresh-proxy"))
                .isZero();
        String refreshOnly = Files.readString(output);

        assertThat(both).contains("\"connect\": {", "\"refresh\": {");
        assertThat(connectOnly).contains("\"connect\": {").doesNotContain("\"refresh\": {");
        assertThat(refreshOnly).contains("\"refresh\": {").doesNotContain("\"connect\": {");
    }

    @Test
    void exitsWithOneForBadInputAndTwoForBadArguments(@TempDir Path dir) {
        assertThat(run("config", "--contract", dir.resolve("none.json").toString()))
                .isEqualTo(1);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("compile the application first");

        this.err.reset();
        assertThat(run("config", "--output", "x.json")).isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8))
                .contains("--contract is required", "Usage: CodegenMain config");

        this.err.reset();
        assertThat(run("config", "--contract", "c.json", "--app-url", "ftp://x"))
                .isEqualTo(2);
        assertThat(this.err.toString(StandardCharsets.UTF_8)).contains("need http:// or https://");
    }
}
