package dev.centrifugo4j.examples.webflux;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A reactive application (WebFlux on Netty) whose handlers Centrifugo calls through its proxies:
 * the proxy endpoints are a web filter, blocking handlers run off the event loop, asynchronous ones
 * complete on their own threads.
 */
@SpringBootApplication
public class WebfluxApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebfluxApplication.class, args);
    }
}
