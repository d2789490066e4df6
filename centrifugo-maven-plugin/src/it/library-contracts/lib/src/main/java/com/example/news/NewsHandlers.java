package com.example.news;

import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.rpc.WebSocketRpc;

public class NewsHandlers {

    /** The latest headline of a topic. */
    @WebSocketRpc("news.latest")
    public Headline latest(Topic topic) {
        return new Headline(topic.name(), "Nothing happened");
    }

    /** Anyone may read the news. */
    @OnSubscribe("news:{topic}")
    public SubscribeResult subscribe() {
        return SubscribeResult.allow();
    }

    public record Topic(String name) {}

    public record Headline(String topic, String title) {}
}
