package dev.centrifugo4j.dispatch;

/**
 * Centrifugo's proxies, each served on a path of its own: which question a proxy request asks.
 * {@link #proxyName()} is the name Centrifugo's configuration gives it and the {@code proxy} tag of
 * the metrics.
 */
public enum ProxyType {

    /** A client's RPC call. */
    RPC("rpc"),

    /** A client that connects without a token. */
    CONNECT("connect"),

    /** A connection whose expiry has come. */
    REFRESH("refresh"),

    /** A client that subscribes to a channel. */
    SUBSCRIBE("subscribe"),

    /** A client that publishes into a channel. */
    PUBLISH("publish"),

    /** A subscription whose expiry has come. */
    SUB_REFRESH("sub_refresh");

    private final String proxyName;

    ProxyType(String proxyName) {
        this.proxyName = proxyName;
    }

    /** The proxy's name: {@code rpc}, {@code connect}, {@code refresh}, {@code subscribe}, {@code publish} or {@code sub_refresh}. */
    public String proxyName() {
        return this.proxyName;
    }

    /**
     * Whether the proxy extends a connection or subscription (refresh, sub_refresh). Centrifugo
     * ignores an error in such a reply and expires what it asked about, so a call that cannot be
     * served is better answered with a short extension ({@link Bulkhead#retryRefreshLater()}).
     */
    public boolean refreshes() {
        return this == REFRESH || this == SUB_REFRESH;
    }
}
