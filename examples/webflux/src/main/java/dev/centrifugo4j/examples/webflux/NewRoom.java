package dev.centrifugo4j.examples.webflux;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A room to create: its name becomes part of the channel {@code rooms:<name>}. */
record NewRoom(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[a-z0-9-]*")
        String name) {}
