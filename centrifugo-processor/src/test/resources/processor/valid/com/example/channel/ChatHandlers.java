package com.example.channel;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubRefreshResult;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;

class ChatHandlers {

    final List<String> log = new ArrayList<>();

    @WebSocketRpc("chat.history")
    List<String> history(RpcContext context) {
        return this.log;
    }

    @OnSubscribe("chat:room:{roomId}")
    boolean join(ChannelContext context, @ChannelVariable long roomId) {
        return roomId > 0 && !context.user().isEmpty();
    }

    @OnSubscribe("terminal:session:{sessionId}")
    SubscribeResult watch(@ChannelVariable("sessionId") UUID id, ChannelContext context) {
        return SubscribeResult.allow().withInfo(id + " for " + context.user());
    }

    @OnSubscribe("news:{kind}")
    void follow(@ChannelVariable RoomKind kind) {
        this.log.add("follow " + kind);
    }

    @OnSubscribe("inbox:{user}")
    CompletionStage<Boolean> openInbox(ChannelContext context, @ChannelVariable String user) {
        return CompletableFuture.completedFuture(user.equals(context.user()));
    }

    @OnPublish("chat:room:{roomId}")
    PublishDecision post(ChannelContext context, @ChannelVariable long roomId, @Valid ChatMessage message) {
        return PublishDecision.replaceWith(new ChatMessage(context.user() + "@" + roomId + ": " + message.text()));
    }

    @OnPublish("chat:lobby")
    Boolean chatter(@Nullable @Valid ChatMessage message) {
        return message != null;
    }

    @OnPublish("feed:{kind}:{topic}")
    CompletableFuture<PublishDecision> tag(@ChannelVariable RoomKind kind, List<String> tags) {
        return CompletableFuture.completedFuture(PublishDecision.allow().withIdempotencyKey(kind + ":" + tags));
    }

    @OnPublish("audit:{kind}")
    CompletionStage<Void> audit(@ChannelVariable RoomKind kind, String note) {
        this.log.add("audit " + kind + " " + note);
        return CompletableFuture.completedFuture(null);
    }

    @OnSubRefresh("chat:room:{roomId}")
    SubRefreshResult refresh(@ChannelVariable long roomId) {
        return (roomId == 13) ? SubRefreshResult.expired() : SubRefreshResult.extendUntil(Instant.ofEpochSecond(roomId));
    }

    @OnSubRefresh("terminal:session:{sessionId}")
    CompletionStage<SubRefreshResult> refreshSession(ChannelContext context) {
        return CompletableFuture.completedFuture(SubRefreshResult.expired());
    }
}
