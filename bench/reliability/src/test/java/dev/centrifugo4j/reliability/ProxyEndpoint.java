package dev.centrifugo4j.reliability;

/** The six proxy endpoints of the starter, at their default paths. */
enum ProxyEndpoint {
    RPC("/centrifugo/rpc/"),
    CONNECT("/centrifugo/connect/"),
    REFRESH("/centrifugo/refresh/"),
    SUBSCRIBE("/centrifugo/subscribe/"),
    PUBLISH("/centrifugo/publish/"),
    SUB_REFRESH("/centrifugo/sub_refresh/");

    private final String path;

    ProxyEndpoint(String path) {
        this.path = path;
    }

    String path() {
        return this.path;
    }
}
