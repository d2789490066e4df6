package dev.centrifugo4j.examples.compose;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.NodeInfo;
import dev.centrifugo4j.boot.autoconfigure.CentrifugoConnectionDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Run with {@code ./mvnw spring-boot:run}: Spring Boot starts the Centrifugo of {@code compose.yaml},
 * the starter connects to it, and this application says so.
 */
@SpringBootApplication
public class DockerComposeApplication {

    private static final Logger logger = LoggerFactory.getLogger(DockerComposeApplication.class);

    public static void main(String[] args) {
        SpringApplication.run(DockerComposeApplication.class, args);
    }

    @Bean
    ApplicationRunner sayWhichCentrifugo(CentrifugoPublisher publisher, CentrifugoConnectionDetails centrifugo) {
        return arguments -> {
            NodeInfo node = publisher.info().get(0);
            logger.info(
                    "Connected to Centrifugo {} ({}); clients connect to {}",
                    node.version(),
                    centrifugo.getApiUrl(),
                    centrifugo.getUrl());
        };
    }
}
