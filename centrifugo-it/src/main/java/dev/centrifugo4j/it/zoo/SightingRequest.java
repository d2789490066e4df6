package dev.centrifugo4j.it.zoo;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/**
 * Asks the server to publish a sighting into a cage's channel.
 *
 * @param cage the cage, the channel's variable
 * @param sighting what to publish
 */
public record SightingRequest(@NotBlank String cage, @Valid Sighting sighting) {}
