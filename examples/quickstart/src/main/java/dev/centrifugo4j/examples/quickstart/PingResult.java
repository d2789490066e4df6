package dev.centrifugo4j.examples.quickstart;

/**
 * What {@code system.ping} returns.
 *
 * @param echo the echoed message
 */
public record PingResult(String echo) {}
