package dev.centrifugo4j.examples.terminal;

/**
 * A terminal that was opened.
 *
 * @param sessionId its id: subscribe to {@code terminal:session:{sessionId}} for its output, then
 *     send its size with {@code terminal.resize} (output starts flowing with that first resize)
 */
public record TerminalOpened(String sessionId) {}
