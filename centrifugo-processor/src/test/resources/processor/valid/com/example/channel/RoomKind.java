package com.example.channel;

public enum RoomKind {
    PUBLIC,
    PRIVATE
}
