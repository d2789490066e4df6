package dev.centrifugo4j.reliability;

import dev.centrifugo4j.test.CentrifugoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/** What the runs with handlers that hang share: the application's properties and its Centrifugo. */
final class HangingRuns {

    private HangingRuns() {}

    /**
     * The properties of an application with few request threads that stops quickly.
     *
     * @param requestThreads server.tomcat.threads.max
     * @param secret the proxy secret
     * @param extra more properties
     * @return the properties
     */
    static String[] properties(int requestThreads, String secret, List<String> extra) {
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "server.tomcat.threads.max=" + requestThreads,
                "centrifugo.proxy.secret=" + secret,
                "centrifugo.proxy.shutdown-timeout=2s",
                "spring.lifecycle.timeout-per-shutdown-phase=5s",
                "logging.level.org.springframework.web=OFF",
                "logging.level.org.apache.catalina=OFF",
                "logging.level.org.apache.coyote=OFF"));
        properties.addAll(extra);
        return properties.toArray(String[]::new);
    }

    /**
     * A Centrifugo whose proxies call the application, with a 2 s proxy timeout and a namespace
     * whose channels go through the subscribe proxy.
     *
     * @param app the running application
     * @param secret the proxy secret
     * @param namespace the namespace
     * @return the started Centrifugo
     */
    static CentrifugoServer centrifugo(ConfigurableApplicationContext app, String secret, String namespace) {
        return CentrifugoServer.builder()
                .appProxies("http://127.0.0.1:" + port(app))
                .proxySecret("X-Centrifugo-Proxy-Secret", secret)
                .proxyTimeout(Duration.ofSeconds(2))
                .channelNamespace(namespace, (settings) -> settings.put("subscribe_proxy_enabled", true))
                .start();
    }

    static int port(ConfigurableApplicationContext app) {
        return ((WebServerApplicationContext) app).getWebServer().getPort();
    }
}
