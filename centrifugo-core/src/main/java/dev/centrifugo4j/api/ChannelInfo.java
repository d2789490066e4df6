package dev.centrifugo4j.api;

/**
 * An active channel, as {@code channels} reports it.
 *
 * @param numClients connections subscribed to it
 */
public record ChannelInfo(int numClients) {}
