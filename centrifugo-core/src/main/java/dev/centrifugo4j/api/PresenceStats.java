package dev.centrifugo4j.api;

/**
 * What {@code presence_stats} returns.
 *
 * @param numClients connections subscribed to the channel
 * @param numUsers distinct users among them
 */
public record PresenceStats(int numClients, int numUsers) {}
