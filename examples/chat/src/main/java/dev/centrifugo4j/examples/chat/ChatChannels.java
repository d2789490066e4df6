package dev.centrifugo4j.examples.chat;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubscribeResult;
import jakarta.validation.Valid;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Who may read and write which channel, and what is actually published. */
@Component
class ChatChannels {

    /** Rooms from this number on are private to the staff. */
    static final long FIRST_STAFF_ROOM = 1000;

    private static final Pattern BAD_WORDS = Pattern.compile("(?i)\\b(darn|heck)\\b");

    /** Everyone logged in may read the public rooms. */
    @OnSubscribe("chat:room:{roomId}")
    SubscribeResult joinRoom(ChannelContext conn, @ChannelVariable long roomId) {
        if (roomId >= FIRST_STAFF_ROOM) {
            return SubscribeResult.deny();
        }
        return SubscribeResult.allow().withInfo(Map.of("user", conn.user()));
    }

    /** A personal channel is readable by its owner only. */
    @OnSubscribe("user:{userId}")
    boolean personal(ChannelContext conn, @ChannelVariable String userId) {
        return !conn.isAnonymous() && userId.equals(conn.user());
    }

    /** Messages are signed with their author and cleaned before anyone sees them. */
    @OnPublish("chat:room:{roomId}")
    PublishDecision moderate(ChannelContext conn, @ChannelVariable long roomId, @Valid ChatMessage message) {
        String clean = BAD_WORDS.matcher(message.text()).replaceAll("****");
        return PublishDecision.replaceWith(message.withText(clean).withAuthor(conn.user()));
    }
}
