package dev.centrifugo4j.examples.terminal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/**
 * Opens a terminal of the given size.
 *
 * @param cols columns
 * @param rows rows
 */
public record OpenTerminal(
        @Min(TerminalResize.MIN_COLS) @Max(TerminalResize.MAX_COLS)
        int cols,

        @Min(TerminalResize.MIN_ROWS) @Max(TerminalResize.MAX_ROWS)
        int rows) {}
