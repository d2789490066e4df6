package com.example.incremental;

public class ChannelHandlers {

    public boolean subscribe() {
        return true;
    }
}
