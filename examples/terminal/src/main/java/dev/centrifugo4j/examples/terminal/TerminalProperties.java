package dev.centrifugo4j.examples.terminal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The terminal's settings ({@code terminal.*}).
 *
 * @param centrifugoWsUrl the WebSocket URL the browser connects to; {@code {host}} is replaced by the
 *     host name the page was loaded from, so that the login cookie (which belongs to that host) goes
 *     with the WebSocket upgrade
 * @param command the shell and its arguments; empty: {@code /bin/bash -l}, or {@code /bin/sh -l}
 *     where there is no bash
 * @param workingDirectory where an unsandboxed shell starts; empty: the application's home directory (a
 *     sandboxed shell starts in its own empty home directory)
 * @param idleTimeout a session that received no input or resize for this long is ended
 * @param maxSessionsPerUser sessions one user may have open at once
 * @param outputLinger how long output waits for more before it is published (coalescing)
 * @param maxOutputChunk the largest output publication; the reader waits while one this big is sent
 * @param maxPendingInput input accepted but not yet written to the shell, per session; more is
 *     refused with error 429 (temporary)
 * @param sandbox the sandbox every shell runs in
 * @param insecureUnsandboxedShells whether to run the shells without any sandbox, as the
 *     application's own user, able to read its secrets, reach Centrifugo's server API and watch the
 *     other sessions; for a development machine without bubblewrap only
 */
@ConfigurationProperties("terminal")
public record TerminalProperties(
        @DefaultValue("ws://{host}:8000/connection/websocket")
        String centrifugoWsUrl,

        @DefaultValue List<String> command,
        @Nullable Path workingDirectory,
        @DefaultValue("15m") Duration idleTimeout,
        @DefaultValue("3") int maxSessionsPerUser,
        @DefaultValue("5ms") Duration outputLinger,
        @DefaultValue("32KB") DataSize maxOutputChunk,
        @DefaultValue("256KB") DataSize maxPendingInput,
        @DefaultValue Sandbox sandbox,
        boolean insecureUnsandboxedShells) {

    public TerminalProperties {
        if (!centrifugoWsUrl.startsWith("ws://") && !centrifugoWsUrl.startsWith("wss://")) {
            throw new IllegalArgumentException(
                    "terminal.centrifugo-ws-url must be a ws:// or wss:// URL, but was '" + centrifugoWsUrl + "'");
        }
        requirePositive(idleTimeout, "terminal.idle-timeout");
        requirePositive(outputLinger, "terminal.output-linger");
        if (maxSessionsPerUser < 1) {
            throw new IllegalArgumentException(
                    "terminal.max-sessions-per-user must be at least 1, but was " + maxSessionsPerUser);
        }
        if (maxOutputChunk.toBytes() < 1024) {
            throw new IllegalArgumentException(
                    "terminal.max-output-chunk must be at least 1KB, but was " + maxOutputChunk);
        }
        if (maxPendingInput.toBytes() < TerminalInput.MAX_BYTES) {
            throw new IllegalArgumentException("terminal.max-pending-input must be at least " + TerminalInput.MAX_BYTES
                    + "B (one input call), but was " + maxPendingInput);
        }
        command = List.copyOf(command);
    }

    /**
     * The bubblewrap sandbox of the shells ({@code terminal.sandbox.*}).
     *
     * @param bwrap the bubblewrap program; empty: {@code bwrap} on the {@code PATH}
     * @param userWhenRoot the unprivileged user the shells run as when the application runs as root
     *     (better: do not run it as root)
     */
    public record Sandbox(
            @Nullable Path bwrap, @DefaultValue("nobody") String userWhenRoot) {}

    /** The command that starts the shell. */
    List<String> shellCommand() {
        if (!this.command.isEmpty()) {
            return this.command;
        }
        return Files.isExecutable(Path.of("/bin/bash")) ? List.of("/bin/bash", "-l") : List.of("/bin/sh", "-l");
    }

    /** The directory the shell starts in. */
    Path shellDirectory() {
        return (this.workingDirectory != null) ? this.workingDirectory : Path.of(System.getProperty("user.home"));
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, but was " + duration);
        }
    }
}
