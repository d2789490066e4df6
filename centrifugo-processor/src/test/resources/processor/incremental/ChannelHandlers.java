package com.example.incremental;

import dev.centrifugo4j.channel.OnSubscribe;

public class ChannelHandlers {

    @OnSubscribe("incremental:{id}")
    public boolean subscribe() {
        return true;
    }
}
