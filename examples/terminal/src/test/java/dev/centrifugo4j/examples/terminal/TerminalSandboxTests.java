package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a shell in the sandbox can see and reach, probed with the same commands with and without it
 * (so that each probe is seen to find what the sandbox hides), and when the application refuses to
 * start.
 */
class TerminalSandboxTests {

    private static final long PID = ProcessHandle.current().pid();

    private static TerminalSandbox sandbox(boolean sandboxed) {
        return TerminalSandbox.of(TerminalSessionsTests.properties(Duration.ofMinutes(1), sandboxed));
    }

    /** Runs a bash script as alice's shell would run (without a terminal); its output and status. */
    private static Result run(TerminalSandbox sandbox, String script) {
        TerminalSandbox.Launch launch =
                sandbox.launch(List.of("/bin/bash", "--noprofile", "--norc", "-c", script), "alice");
        ProcessBuilder builder = new ProcessBuilder(launch.command())
                .directory(launch.directory().toFile())
                .redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(launch.environment());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(process.waitFor(20, TimeUnit.SECONDS))
                    .as("%s ended", script)
                    .isTrue();
            return new Result(process.exitValue(), output);
        } catch (IOException ex) {
            throw new AssertionError(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    record Result(int status, String output) {}

    /** Opens a server on the machine's loopback and has the shell connect to it. */
    private static String connectToTheLoopback(TerminalSandbox sandbox) throws IOException {
        try (ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            return run(
                            sandbox,
                            "echo > /dev/tcp/127.0.0.1/" + server.getLocalPort() + " && echo connected || echo refused")
                    .output();
        }
    }

    @Nested
    class InTheSandbox {

        private final TerminalSandbox sandbox = sandbox(true);

        @Test
        void isOn() {
            assertThat(this.sandbox.isolates()).isTrue();
        }

        @Test
        void cannotSeeTheApplicationsProcessNorReadItsEnvironment() {
            Result result = run(this.sandbox, "ls /proc/" + PID + "; cat /proc/" + PID + "/environ");

            assertThat(result.status()).isNotZero();
            assertThat(result.output()).contains("No such file or directory").doesNotContain("PATH=");
        }

        @Test
        void seesOnlyItsOwnProcesses() {
            Result result = run(this.sandbox, "ls /proc | grep -c '^[0-9]'");

            // bubblewrap's init, bash, ls and grep: nothing of the machine's hundreds.
            assertThat(Integer.parseInt(result.output().strip())).isLessThanOrEqualTo(5);
        }

        @Test
        void cannotConnectToAServerOnTheMachinesLoopback() throws IOException {
            assertThat(connectToTheLoopback(this.sandbox)).contains("refused").doesNotContain("connected");
        }

        @Test
        void cannotReadTheApplicationsFiles(@TempDir Path directory) throws IOException {
            Path secrets = Files.writeString(directory.resolve("secrets.properties"), "centrifugo.api-key=s3cr3t\n");
            Path workingDirectory = Path.of("pom.xml").toAbsolutePath();

            Result result = run(
                    this.sandbox,
                    "cat " + secrets + "; cat " + workingDirectory + "; ls " + System.getProperty("user.home"));

            assertThat(result.status()).isNotZero();
            assertThat(result.output()).doesNotContain("s3cr3t").doesNotContain("<project");
        }

        @Test
        void hasAnEmptyWritableHomeAndOnlyTheEnvironmentItWasGiven() {
            Result result = run(this.sandbox, "cd && pwd && touch notes && ls -A && env | cut -d= -f1 | sort");

            assertThat(result.status()).isZero();
            assertThat(result.output().lines().toList())
                    .startsWith("/home/alice", "notes")
                    .contains("HOME", "PATH", "TERM", "TERMINAL_USER")
                    .doesNotContain("JAVA_HOME", "CENTRIFUGO_API_KEY", "CENTRIFUGO_PROXY_SECRET", "MAVEN_HOME");
        }

        @Test
        void seesNoOtherPseudoTerminal() {
            Result result = run(this.sandbox, "ls /dev/pts");

            assertThat(result.output().strip()).isEqualTo("ptmx");
        }

        @Test
        void hasNoCapabilityAndCannotMakeNamespacesOfItsOwn() {
            Result result = run(
                    this.sandbox,
                    "grep CapEff /proc/self/status; unshare --user true 2>/dev/null && echo unshared || echo denied");

            assertThat(result.output()).contains("0000000000000000").contains("denied");
        }

        @Test
        void cannotWriteOutsideItsHomeAndTmp() {
            Result result = run(
                    this.sandbox,
                    "for f in /usr/x /etc/x /x ~/x /tmp/x /var/tmp/x; do touch $f 2>/dev/null && echo \"wrote $f\"; done");

            assertThat(result.output().lines())
                    .containsExactly("wrote /home/alice/x", "wrote /tmp/x", "wrote /var/tmp/x");
        }
    }

    /** The same probes without the sandbox find what it hides: they are not blind. */
    @Nested
    class WithoutTheSandbox {

        private final TerminalSandbox unsandboxed = sandbox(false);

        @Test
        void isOff() {
            assertThat(this.unsandboxed.isolates()).isFalse();
        }

        @Test
        void readsTheApplicationsEnvironment() {
            Result result = run(this.unsandboxed, "cat /proc/" + PID + "/environ");

            assertThat(result.status()).isZero();
            assertThat(result.output()).contains("PATH=");
        }

        @Test
        void connectsToAServerOnTheMachinesLoopback() throws IOException {
            assertThat(connectToTheLoopback(this.unsandboxed)).contains("connected");
        }

        @Test
        void readsTheApplicationsFiles(@TempDir Path directory) throws IOException {
            Path secrets = Files.writeString(directory.resolve("secrets.properties"), "centrifugo.api-key=s3cr3t\n");

            assertThat(run(this.unsandboxed, "cat " + secrets).output()).contains("s3cr3t");
        }

        @Test
        void seesTheMachinesProcesses() {
            Result result = run(this.unsandboxed, "ls /proc | grep -c '^[0-9]'");

            assertThat(Integer.parseInt(result.output().strip())).isGreaterThan(5);
        }
    }

    @Nested
    class StartUp {

        private static TerminalProperties with(List<String> command, TerminalProperties.Sandbox sandbox) {
            TerminalProperties defaults = TerminalSessionsTests.properties(Duration.ofMinutes(1), true);
            return new TerminalProperties(
                    defaults.centrifugoWsUrl(),
                    command,
                    null,
                    defaults.idleTimeout(),
                    defaults.maxSessionsPerUser(),
                    defaults.outputLinger(),
                    defaults.maxOutputChunk(),
                    defaults.maxPendingInput(),
                    sandbox,
                    false);
        }

        @Test
        void isRefusedWithoutBubblewrapNamingWhatToInstallAndTheOptOut() {
            StartupRefusedException refusal = catchThrowableOfType(
                    StartupRefusedException.class,
                    () -> TerminalSandbox.of(with(
                            List.of("/bin/sh"),
                            new TerminalProperties.Sandbox(Path.of("/nonexistent/bwrap"), "nobody"))));

            assertThat(refusal).isNotNull();
            assertThat(refusal.getMessage())
                    .contains("bubblewrap sandbox")
                    .contains("/nonexistent/bwrap is not an executable file");
            assertThat(refusal.action())
                    .contains("apt-get install bubblewrap")
                    .contains("terminal.sandbox.bwrap")
                    .contains("terminal.insecure-unsandboxed-shells=true");
        }

        @Test
        void isRefusedWhenTheShellIsNotInsideTheSandbox() {
            StartupRefusedException refusal = catchThrowableOfType(
                    StartupRefusedException.class,
                    () -> TerminalSandbox.of(
                            with(List.of("/opt/nowhere/bash"), new TerminalProperties.Sandbox(null, "nobody"))));

            assertThat(refusal).isNotNull();
            assertThat(refusal.getMessage()).contains("/opt/nowhere/bash is not an executable file inside the sandbox");
            assertThat(refusal.action()).contains("terminal.command");
        }

        @Test
        void isRefusedWhenTheRootFallbackUserDoesNotExist() {
            org.junit.jupiter.api.Assumptions.assumeTrue(
                    "root".equals(System.getProperty("user.name")), "only as root is the fallback user used");
            StartupRefusedException refusal = catchThrowableOfType(
                    StartupRefusedException.class,
                    () -> TerminalSandbox.of(
                            with(List.of("/bin/sh"), new TerminalProperties.Sandbox(null, "no-such-user-here"))));

            assertThat(refusal).isNotNull();
            assertThat(refusal.getMessage()).contains("'no-such-user-here'").contains("does not exist");
        }
    }
}
