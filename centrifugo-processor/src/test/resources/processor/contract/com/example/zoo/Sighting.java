package com.example.zoo;

import dev.centrifugo4j.channel.ChannelPublication;
import java.time.Instant;

/**
 * What the server publishes when an animal shows itself in a cage.
 *
 * @param animal the animal seen
 * @param at when
 */
@ChannelPublication("zoo:cage.{cage}.{id}")
public record Sighting(String animal, Instant at) {}
