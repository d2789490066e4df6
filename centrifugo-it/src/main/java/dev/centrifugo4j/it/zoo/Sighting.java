package dev.centrifugo4j.it.zoo;

import dev.centrifugo4j.channel.ChannelPublication;
import java.time.Instant;

/**
 * What the server publishes when an animal shows itself in a cage: a typed channel.
 *
 * @param animal the animal seen
 * @param at when
 * @param specimen everything about it
 */
@ChannelPublication("zoo:cage.{cage}")
public record Sighting(String animal, Instant at, Everything specimen) {}
