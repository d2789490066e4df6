package dev.centrifugo4j.boot.rpc;

/**
 * What the start-up does about a class of the application whose handler methods ({@code @WebSocketRpc},
 * {@code @OnSubscribe}, {@code @OnPublish}, {@code @OnSubRefresh}) the annotation processor indexed but
 * that has no bean, so that none of its methods is served: usually a forgotten {@code @Component}.
 * Set with {@code centrifugo.handlers.missing-bean}.
 */
public enum MissingHandlerBean {

    /** Stop the start-up, naming the classes and their methods. The default. */
    FAIL,

    /** Start without the methods, logging a WARN that names the classes and their methods. */
    WARN
}
