package dev.centrifugo4j.examples.quickstart;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Adds the handlers that fail on purpose to the quick start, for its tests only. */
@TestConfiguration(proxyBeanMethods = false)
class ErrorDemoConfiguration {

    @Bean
    ErrorDemoHandlers errorDemoHandlers() {
        return new ErrorDemoHandlers();
    }
}
