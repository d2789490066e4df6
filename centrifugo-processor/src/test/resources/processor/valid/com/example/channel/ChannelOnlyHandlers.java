package com.example.channel;

import dev.centrifugo4j.channel.OnSubscribe;

public class ChannelOnlyHandlers {

    @OnSubscribe("public:{anything}")
    public boolean anyone() {
        return true;
    }
}
