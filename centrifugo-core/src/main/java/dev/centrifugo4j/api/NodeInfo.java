package dev.centrifugo4j.api;

/**
 * A running Centrifugo node, as {@code info} reports it.
 *
 * @param uid the node's unique ID
 * @param name the node's name
 * @param version the Centrifugo version
 * @param numClients connections to the node
 * @param numUsers distinct users connected to the node
 * @param numChannels active channels on the node
 * @param numSubs subscriptions on the node
 * @param uptime seconds since the node started
 */
public record NodeInfo(
        String uid,
        String name,
        String version,
        long numClients,
        long numUsers,
        long numChannels,
        long numSubs,
        long uptime) {}
