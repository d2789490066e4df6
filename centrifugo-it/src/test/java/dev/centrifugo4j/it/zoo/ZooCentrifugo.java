package dev.centrifugo4j.it.zoo;

import dev.centrifugo4j.test.CentrifugoServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Centrifugo for a test of the zoo application: its RPC proxy and the subscribe proxy of the
 * {@code zoo} namespace point at the application on a port of its own, with a proxy secret made up
 * for the run. One per test class, started from its {@code @DynamicPropertySource}.
 */
final class ZooCentrifugo {

    private final int appPort = CentrifugoServer.freePort();

    private final String proxySecret = "zoo-proxy-secret-" + System.nanoTime();

    private final CentrifugoServer server = CentrifugoServer.builder()
            .appProxies("http://127.0.0.1:" + this.appPort)
            .proxySecret("X-Centrifugo-Proxy-Secret", this.proxySecret)
            .rpcNamespace("zoo")
            .channelNamespace("zoo", ns -> ns.put("subscribe_proxy_enabled", true))
            .build();

    /** Starts Centrifugo and points the application at it (port, URLs, keys, secret). */
    void start(DynamicPropertyRegistry registry) {
        this.server.start();
        registry.add("server.port", () -> this.appPort);
        registry.add("centrifugo.url", this.server::websocketUrl);
        registry.add("centrifugo.api-url", this.server::apiUrl);
        registry.add("centrifugo.api-key", this.server::apiKey);
        registry.add("centrifugo.token.hmac-secret", this.server::hmacSecret);
        registry.add("centrifugo.proxy.secret", () -> this.proxySecret);
    }

    /** The URL clients connect to. */
    String websocketUrl() {
        return this.server.websocketUrl();
    }

    void stop() {
        this.server.close();
    }
}
