package dev.centrifugo4j.examples.terminal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The size of a session's terminal. The page sends it once it has subscribed to the session's
 * channel (output starts flowing with the first one, so nothing is missed) and whenever it changes.
 *
 * @param sessionId the session
 * @param cols columns
 * @param rows rows
 */
public record TerminalResize(
        @NotBlank @Size(max = TerminalSessionRef.MAX_ID_LENGTH)
        String sessionId,

        @Min(MIN_COLS) @Max(MAX_COLS) int cols,
        @Min(MIN_ROWS) @Max(MAX_ROWS) int rows) {

    static final int MIN_COLS = 2;

    static final int MAX_COLS = 500;

    static final int MIN_ROWS = 1;

    static final int MAX_ROWS = 200;
}
