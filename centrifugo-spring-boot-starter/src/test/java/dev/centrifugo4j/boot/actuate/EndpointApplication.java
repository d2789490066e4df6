package dev.centrifugo4j.boot.actuate;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/** The application the endpoint describes: an RPC method that can be held, a channel handler, a connect handler. */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class EndpointApplication {

    @Bean
    SecurityFilterChain openActuator(HttpSecurity http) {
        return http.authorizeHttpRequests((requests) -> requests.anyRequest().permitAll())
                .build();
    }

    @Bean
    RoomHandlers roomHandlers() {
        return new RoomHandlers();
    }

    @Bean
    ConnectHandler anyoneConnects() {
        return (context) -> ConnectResult.anonymous();
    }

    static class RoomHandlers {

        /** Holds room.hold calls until counted down. */
        final CountDownLatch release = new CountDownLatch(1);

        @WebSocketRpc("room.hold")
        String hold() throws InterruptedException {
            this.release.await(10, TimeUnit.SECONDS);
            return "released";
        }

        @OnSubscribe("room:{id}")
        void join(ChannelContext context, @ChannelVariable String id) {}
    }
}
