package dev.centrifugo4j.examples.webflux;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;
import org.springframework.stereotype.Component;

/** Who may read a room's channel. */
@Component
class RoomChannels {

    private final RoomDirectory directory;

    RoomChannels(RoomDirectory directory) {
        this.directory = directory;
    }

    /** The rooms that exist are open to every user; there is nothing to read in the others. */
    @OnSubscribe("rooms:{room}")
    boolean join(ChannelContext connection, @ChannelVariable String room) {
        return !connection.isAnonymous() && this.directory.exists(room);
    }
}
