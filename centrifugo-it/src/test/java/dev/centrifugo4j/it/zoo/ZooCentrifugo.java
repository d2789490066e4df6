package dev.centrifugo4j.it.zoo;

import dev.centrifugo4j.test.CentrifugoServer;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A real Centrifugo for the zoo app, with its proxies pointed at the app's port (the zoo's RPC
 * namespace, subscribe proxy on the zoo channels), for the tests that call the app through it.
 */
final class ZooCentrifugo implements AutoCloseable {

    private final String proxySecret = "zoo-proxy-secret-0123456789abcdef-" + System.nanoTime();

    private final int appPort = CentrifugoServer.freePort();

    private final CentrifugoServer server = CentrifugoServer.builder()
            .appProxies("http://127.0.0.1:" + this.appPort)
            .proxySecret("X-Centrifugo-Proxy-Secret", this.proxySecret)
            .rpcNamespace("zoo")
            .channelNamespace("zoo", ns -> ns.put("subscribe_proxy_enabled", true))
            .build();

    /** Starts Centrifugo and gives the app its port and Centrifugo's addresses and secrets. */
    void start(DynamicPropertyRegistry registry) {
        this.server.start();
        registry.add("server.port", () -> this.appPort);
        registry.add("centrifugo.url", this.server::websocketUrl);
        registry.add("centrifugo.api-url", this.server::apiUrl);
        registry.add("centrifugo.api-key", this.server::apiKey);
        registry.add("centrifugo.token.hmac-secret", this.server::hmacSecret);
        registry.add("centrifugo.proxy.secret", () -> this.proxySecret);
    }

    /** Where clients connect. */
    String websocketUrl() {
        return this.server.websocketUrl();
    }

    @Override
    public void close() {
        this.server.close();
    }
}
