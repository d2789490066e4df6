package dev.centrifugo4j.examples.terminal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.api.CentrifugoPublisher;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.util.unit.DataSize;

/**
 * Sessions with real shells in real pseudo-terminals, in their sandboxes and (the opt-out) without;
 * what they would publish is recorded instead of sent (the way through Centrifugo is tested in the
 * browser).
 */
@ParameterizedClass(name = "sandboxed: {0}")
@ValueSource(booleans = {true, false})
class TerminalSessionsTests {

    @Parameter
    boolean sandboxed;

    private final RecordingChannel channel = new RecordingChannel();

    private TerminalSessions sessions;

    @BeforeEach
    void openSessions() {
        this.sessions = sessions(Duration.ofMinutes(5));
    }

    /**
     * The terminal's settings with bash that reads no profile, sandboxed or not. (Not dash: in the
     * sandbox it cannot give the terminal back to the process group it found, which is outside the
     * sandbox's PID namespace, and exits with status 2 instead of the one asked for.)
     */
    static TerminalProperties properties(Duration idleTimeout, boolean sandboxed) {
        return new TerminalProperties(
                "ws://{host}:8000/connection/websocket",
                List.of("/bin/bash", "--noprofile", "--norc"),
                null,
                idleTimeout,
                3,
                Duration.ofMillis(5),
                DataSize.ofKilobytes(32),
                DataSize.ofKilobytes(256),
                new TerminalProperties.Sandbox(null, "nobody"),
                !sandboxed);
    }

    private TerminalSessions sessions(Duration idleTimeout) {
        TerminalProperties properties = properties(idleTimeout, this.sandboxed);
        TerminalSessions created = new TerminalSessions(properties, this.channel, TerminalSandbox.of(properties));
        created.start();
        return created;
    }

    @AfterEach
    void stop() {
        this.sessions.stop();
    }

    @Test
    void keepsWhatTheShellPrintsBeforeTheOutputIsAttached() {
        TerminalSession session = this.sessions.open("alice", 80, 24);
        session.type("echo early-bird\r".getBytes(StandardCharsets.UTF_8));
        sleep(300);
        assertThat(this.channel.events).isEmpty();
        session.attach();
        await(() -> this.channel.output().contains("early-bird\r\n"), "the early output");
    }

    @Test
    void coalescesOutputIntoFewPublicationsOfBoundedSize() {
        TerminalSession session = this.sessions.open("alice", 80, 24);
        session.attach();
        session.type(
                "head -c 200000 /dev/zero | tr '\\0' x; echo; echo done-$((6*7))\r".getBytes(StandardCharsets.UTF_8));
        await(() -> this.channel.output().contains("done-42"), "the end of the output");
        String output = this.channel.output();
        assertThat(output.chars().filter((c) -> c == 'x').count()).isGreaterThanOrEqualTo(200_000);
        List<Integer> sizes = this.channel.outputSizes();
        // 200 KB in pieces of about 32 KB (a read may overshoot by up to 8 KB, so at least 5), not one
        // publication per read (or per byte).
        assertThat(sizes).hasSizeBetween(5, 40);
        assertThat(sizes).allSatisfy((size) -> assertThat(size).isLessThanOrEqualTo(32 * 1024 + 8192));
    }

    @Test
    void publishesTheExitStatusLastAndForgetsTheSession() {
        TerminalSession session = this.sessions.open("alice", 80, 24);
        session.attach();
        session.type("exit 3\r".getBytes(StandardCharsets.UTF_8));
        await(() -> !this.channel.events.isEmpty() && last() instanceof TerminalEvent.Exit, "the exit event");
        assertThat(last()).as("output: %s", this.channel.output()).isEqualTo(new TerminalEvent.Exit(3));
        await(() -> this.sessions.find(session.id()) == null, "the session to be forgotten");
    }

    @Test
    void theShellHoldsNoFileOfTheApplication() {
        TerminalSession session = this.sessions.open("alice", 80, 24);
        session.attach();
        session.type("ls -l /proc/$$/fd | tail -n +2 | sed 's/.*-> /fd: /'; echo listed-$((6*7))\r"
                .getBytes(StandardCharsets.UTF_8));
        await(() -> this.channel.output().contains("listed-42"), "the shell's open files");
        List<String> files = this.channel
                .output()
                .lines()
                .filter((line) -> line.startsWith("fd: "))
                .toList();
        // Its terminal only: no socket, pipe, jar or log of the application's.
        assertThat(files).isNotEmpty().allSatisfy((file) -> assertThat(file).matches("fd: /dev/(pts/[0-9]+|tty)\\r?"));
    }

    @Test
    void closingHangsUpTheShell() {
        TerminalSession session = this.sessions.open("alice", 80, 24);
        session.attach();
        // A shell hung up while it is still starting may miss the hang-up (then the forced kill after the
        // grace period ends it, status 137: seen once in CI); the user closes a shell that is running.
        await(() -> !this.channel.events.isEmpty(), "the shell's prompt");
        List<ProcessHandle> family = session.family();
        this.sessions.close(session, "test");
        assertThat(this.sessions.find(session.id())).isNull();
        await(() -> family.stream().noneMatch(ProcessHandle::isAlive), "the shell to end");
        await(() -> !this.channel.events.isEmpty() && last() instanceof TerminalEvent.Exit, "the exit event");
        assertThat(((TerminalEvent.Exit) last()).status()).isEqualTo(128 + 1);
    }

    @Test
    void endsIdleSessions() {
        this.sessions.stop();
        this.sessions = sessions(Duration.ofMillis(400));
        TerminalSession session = this.sessions.open("alice", 80, 24);
        List<ProcessHandle> family = session.family();
        await(() -> this.sessions.find(session.id()) == null, "the idle session to end");
        await(() -> family.stream().noneMatch(ProcessHandle::isAlive), "the shell to end");
    }

    @Test
    void killsEveryShellOnShutdownEvenOneThatIgnoresTheHangUp() {
        TerminalSession stubborn = this.sessions.open("alice", 80, 24);
        stubborn.attach();
        stubborn.type("trap '' HUP; sleep 600 & echo started-$((1+1))\r".getBytes(StandardCharsets.UTF_8));
        await(() -> this.channel.output().contains("started-2"), "the background job");
        TerminalSession plain = this.sessions.open("bob", 80, 24);
        List<ProcessHandle> family = Stream.concat(stubborn.family().stream(), plain.family().stream())
                .toList();
        assertThat(family).hasSizeGreaterThanOrEqualTo(3);
        long started = System.nanoTime();
        this.sessions.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        await(() -> family.stream().noneMatch(ProcessHandle::isAlive), "every process to end");
        assertThat(this.sessions.size()).isZero();
    }

    private TerminalEvent last() {
        return this.channel.events.get(this.channel.events.size() - 1);
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            sleep(20);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new AssertionError(ex);
        }
    }

    /** Records what would be published. */
    static final class RecordingChannel extends TerminalChannel {

        final List<TerminalEvent> events = new CopyOnWriteArrayList<>();

        RecordingChannel() {
            super(CentrifugoPublisher.builder()
                    .apiUrl("http://127.0.0.1:9/api")
                    .apiKey("unused")
                    .build());
        }

        @Override
        void publish(String sessionId, TerminalEvent event) {
            this.events.add(event);
        }

        String output() {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (TerminalEvent event : this.events) {
                if (event instanceof TerminalEvent.Output output) {
                    all.writeBytes(output.data());
                }
            }
            return all.toString(StandardCharsets.UTF_8);
        }

        List<Integer> outputSizes() {
            return this.events.stream()
                    .filter(TerminalEvent.Output.class::isInstance)
                    .map((event) -> ((TerminalEvent.Output) event).data().length)
                    .toList();
        }
    }
}
