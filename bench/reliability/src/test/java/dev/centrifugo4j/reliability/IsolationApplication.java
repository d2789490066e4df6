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

/**
 * An application with one synchronous RPC handler that hangs (until the test opens {@link #gate}) and
 * quick handlers on the connect, subscribe and RPC proxies, all synchronous: each call holds a request
 * thread of the web server while it runs.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class IsolationApplication {

    /** What 'isolation.hang' waits for; a new one per application run. */
    static volatile CountDownLatch gate = new CountDownLatch(1);

    @Bean
    IsolationHandlers isolationHandlers() {
        return new IsolationHandlers();
    }

    @Bean
    ConnectHandler isolationConnectHandler() {
        return (context) -> ConnectResult.accept(context.name());
    }

    /** The echoed text. */
    record Echo(String text) {}

    static class IsolationHandlers {

        @WebSocketRpc("isolation.hang")
        String hang() {
            try {
                // Bounded, so that a broken test cannot keep the web server from stopping for long.
                gate.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return "released";
        }

        @WebSocketRpc("isolation.echo")
        Echo echo(Echo echo) {
            return echo;
        }

        @OnSubscribe("isolation:{room}")
        boolean subscribe(ChannelContext context) {
            return true;
        }
    }
}
