package com.example.incremental;

/** KeptEvent after its @ChannelPublication annotation was removed. */
public record KeptEvent(String text) {}
