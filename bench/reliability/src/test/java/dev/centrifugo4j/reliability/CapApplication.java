package dev.centrifugo4j.reliability;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application with four synchronous RPC handlers that hang (until the test opens {@link #gate}),
 * quick handlers on the connect, subscribe and RPC proxies, and a page of its own ({@code GET /ping})
 * that is no proxy call: everything holds a request thread of the web server while it runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class CapApplication {

    /** What the hanging methods wait for; a new one per application run. */
    static volatile CountDownLatch gate = new CountDownLatch(1);

    @Bean
    CapHandlers capHandlers() {
        return new CapHandlers();
    }

    @Bean
    ConnectHandler capConnectHandler() {
        return (context) -> ConnectResult.accept(context.name());
    }

    /** The echoed text. */
    record Echo(String text) {}

    static class CapHandlers {

        private static String hang() {
            try {
                // Bounded, so that a broken test cannot keep the web server from stopping for long.
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return "released";
        }

        @WebSocketRpc("cap.hang1")
        String hang1() {
            return hang();
        }

        @WebSocketRpc("cap.hang2")
        String hang2() {
            return hang();
        }

        @WebSocketRpc("cap.hang3")
        String hang3() {
            return hang();
        }

        @WebSocketRpc("cap.hang4")
        String hang4() {
            return hang();
        }

        @WebSocketRpc("cap.echo")
        Echo echo(Echo echo) {
            return echo;
        }

        @OnSubscribe("cap:{room}")
        boolean subscribe(ChannelContext context) {
            return true;
        }
    }

    /** Registered as a member class of this configuration. */
    @RestController
    static class Ping {

        @GetMapping("/ping")
        String ping() {
            return "pong";
        }
    }
}
