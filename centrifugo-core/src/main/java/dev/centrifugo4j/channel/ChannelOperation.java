package dev.centrifugo4j.channel;

/** The channel question Centrifugo's proxy asks. */
public enum ChannelOperation {

    /** May the connection subscribe ({@link OnSubscribe}). */
    SUBSCRIBE,

    /** May the client publish, and what is published ({@link OnPublish}). */
    PUBLISH,

    /** Is the subscription still valid ({@link OnSubRefresh}). */
    SUB_REFRESH
}
