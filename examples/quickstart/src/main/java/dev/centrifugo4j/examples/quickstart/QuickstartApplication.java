package dev.centrifugo4j.examples.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/** The quick start: {@code system.ping} served through Centrifugo's RPC proxy. */
@SpringBootApplication
public class QuickstartApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuickstartApplication.class, args);
    }

    @Bean
    static RequiredSecrets requiredSecrets(Environment environment) {
        return new RequiredSecrets(environment);
    }
}
