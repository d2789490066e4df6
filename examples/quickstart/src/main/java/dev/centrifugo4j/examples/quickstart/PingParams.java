package dev.centrifugo4j.examples.quickstart;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What {@code system.ping} takes.
 *
 * @param message the message to echo
 */
public record PingParams(@NotBlank @Size(max = 200) String message) {}
