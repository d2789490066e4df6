package dev.centrifugo4j.examples.webflux;

/**
 * A room and who answered for it.
 *
 * @param name the room
 * @param people how many people are in it
 * @param thread the thread the handler ran on
 * @param eventLoop whether that thread is a non-blocking one (a Netty event loop or a Reactor
 *     parallel thread), where blocking is not allowed
 */
record RoomInfo(String name, int people, String thread, boolean eventLoop) {}
