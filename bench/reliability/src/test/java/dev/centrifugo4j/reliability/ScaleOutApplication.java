package dev.centrifugo4j.reliability;

import dev.centrifugo4j.rpc.WebSocketRpc;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The app of the scale-out test, started twice (as {@code app-1} and {@code app-2}) behind a load
 * balancer: one RPC that answers with the instance's name and counts its calls.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class ScaleOutApplication {

    @Bean
    ScaleHandlers scaleHandlers(@Value("${scale.instance}") String instance) {
        return new ScaleHandlers(instance);
    }

    record Echo(long sequence) {}

    record Answer(String instance, long sequence) {}

    static class ScaleHandlers {

        private final String instance;

        private final AtomicLong answered = new AtomicLong();

        ScaleHandlers(String instance) {
            this.instance = instance;
        }

        /** Takes a few milliseconds, so that calls are in flight when the instance is stopped. */
        @WebSocketRpc("scale.echo")
        Answer echo(Echo echo) throws InterruptedException {
            Thread.sleep(5);
            this.answered.incrementAndGet();
            return new Answer(this.instance, echo.sequence());
        }

        long answered() {
            return this.answered.get();
        }
    }
}
