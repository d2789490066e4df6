package dev.centrifugo4j.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The centrifugo health indicator against a real Centrifugo, started and then stopped. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.insecure=true",
            "management.endpoints.web.exposure.include=health",
            "management.endpoint.health.show-details=always",
            "management.endpoint.health.probes.enabled=true"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CentrifugoHealthIndicatorTests {

    private static CentrifugoServer centrifugo;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startCentrifugo() {
        centrifugo = CentrifugoServer.builder().start();
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @DynamicPropertySource
    static void centrifugoApi(DynamicPropertyRegistry registry) {
        registry.add("centrifugo.api-url", centrifugo::apiUrl);
        registry.add("centrifugo.api-key", centrifugo::apiKey);
        registry.add("centrifugo.publisher.max-attempts", () -> "1");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    @Order(1)
    void isUpWithTheNodeCountAndVersionWhileCentrifugoAnswers() throws Exception {
        HttpResponse<String> group = get("/actuator/health/centrifugo-api");

        assertThat(group.statusCode()).isEqualTo(200);
        assertThat(group.body())
                .contains("\"status\":\"UP\"")
                .contains("\"nodes\":1")
                .contains("\"versions\":[\"6.9.1");
    }

    @Test
    @Order(2)
    void isDownOnceCentrifugoStopsWithoutTakingLivenessDown() throws Exception {
        centrifugo.close();

        HttpResponse<String> group = get("/actuator/health/centrifugo-api");
        assertThat(group.statusCode()).isEqualTo(503);
        assertThat(group.body()).contains("\"status\":\"DOWN\"").doesNotContain("\"nodes\"");

        HttpResponse<String> liveness = get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"status\":\"UP\"");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        SecurityFilterChain openActuator(HttpSecurity http) {
            return http.authorizeHttpRequests(
                            (requests) -> requests.anyRequest().permitAll())
                    .build();
        }
    }
}
