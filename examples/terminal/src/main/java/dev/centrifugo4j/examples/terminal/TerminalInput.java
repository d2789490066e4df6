package dev.centrifugo4j.examples.terminal;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Keystrokes (or pasted text) for a session.
 *
 * @param sessionId the session
 * @param data the bytes to type, base64 in JSON
 */
public record TerminalInput(
        @NotBlank @Size(max = TerminalSessionRef.MAX_ID_LENGTH)
        String sessionId,

        @NotNull @Size(min = 1, max = MAX_BYTES) byte[] data) {

    /** The most bytes one call may carry. */
    static final int MAX_BYTES = 16 * 1024;
}
