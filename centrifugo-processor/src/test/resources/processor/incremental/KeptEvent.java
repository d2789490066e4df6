package com.example.incremental;

import dev.centrifugo4j.channel.ChannelPublication;

@ChannelPublication("kept:{id}")
public record KeptEvent(String text) {}
