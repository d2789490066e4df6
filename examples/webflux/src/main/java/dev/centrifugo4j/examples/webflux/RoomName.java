package dev.centrifugo4j.examples.webflux;

/** A room, by its name. */
record RoomName(String name) {}
