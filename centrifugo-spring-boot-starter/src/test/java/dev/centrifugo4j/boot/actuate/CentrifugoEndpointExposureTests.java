package dev.centrifugo4j.boot.actuate;

import static dev.centrifugo4j.boot.actuate.CentrifugoEndpointTests.MAPPER;
import static dev.centrifugo4j.boot.actuate.CentrifugoEndpointTests.get;
import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoEndpointAutoConfiguration;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/** Whether {@code /actuator/centrifugo} is exposed, and what it answers when Centrifugo cannot be reached. */
class CentrifugoEndpointExposureTests {

    @Nested
    class AutoConfiguration {

        private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CentrifugoEndpointAutoConfiguration.class));

        @Test
        void declaresNoEndpointUnlessItIsExposed() {
            this.runner.run((context) -> assertThat(context).doesNotHaveBean(CentrifugoEndpoint.class));
            this.runner
                    .withPropertyValues("spring.jmx.enabled=true")
                    .run((context) -> assertThat(context).doesNotHaveBean(CentrifugoEndpoint.class));
            this.runner
                    .withPropertyValues("management.endpoints.web.exposure.include=centrifugo")
                    .run((context) -> assertThat(context).hasSingleBean(CentrifugoEndpoint.class));
            this.runner
                    .withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=*")
                    .run((context) -> assertThat(context).hasSingleBean(CentrifugoEndpoint.class));
        }

        @Test
        void declaresNoEndpointWhoseAccessIsNone() {
            this.runner
                    .withPropertyValues(
                            "management.endpoints.web.exposure.include=centrifugo",
                            "management.endpoint.centrifugo.access=NONE")
                    .run((context) -> assertThat(context).doesNotHaveBean(CentrifugoEndpoint.class));
        }

        @Test
        void isLeftOutWithoutActuator() {
            this.runner
                    .withPropertyValues("management.endpoints.web.exposure.include=centrifugo")
                    .withClassLoader(new FilteredClassLoader(Endpoint.class))
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).doesNotHaveBean(CentrifugoEndpoint.class);
                    });
        }
    }

    @Nested
    @SpringBootTest(
            classes = EndpointApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "centrifugo.proxy.secret=s3cret-s3cret-s3cret-s3cret-s3cret",
                "centrifugo.api-url=http://127.0.0.1:9/api",
                "centrifugo.publisher.max-attempts=1",
                "management.endpoints.web.exposure.include=centrifugo"
            })
    class WithoutCentrifugo {

        @LocalServerPort
        private int port;

        @Test
        void answersWithTheFailureOfInfoInsteadOfFailing() throws Exception {
            HttpResponse<String> response = get(this.port, "/actuator/centrifugo");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode body = MAPPER.readTree(response.body());
            assertThat(body.at("/centrifugo").has("nodes")).isFalse();
            assertThat(body.at("/centrifugo/error").asString()).startsWith("CentrifugoTransportException: ");
            assertThat(body.at("/rpc").toString()).contains("\"name\":\"room.hold\"");
        }
    }

    @Nested
    @SpringBootTest(
            classes = EndpointApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "centrifugo.proxy.secret=s3cret-s3cret-s3cret-s3cret-s3cret",
                "centrifugo.api-url=http://127.0.0.1:9/api"
            })
    class ByDefault {

        @LocalServerPort
        private int port;

        @Autowired
        private org.springframework.context.ApplicationContext context;

        @Test
        void isNotExposed() throws Exception {
            assertThat(get(this.port, "/actuator/centrifugo").statusCode()).isEqualTo(404);
            // Health is exposed (DOWN: its centrifugo indicator cannot reach Centrifugo here).
            assertThat(get(this.port, "/actuator/health").statusCode()).isEqualTo(503);
            assertThat(this.context.getBeanNamesForType(CentrifugoEndpoint.class))
                    .isEmpty();
        }
    }

    @Nested
    @SpringBootTest(
            classes = SecuredApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "centrifugo.proxy.secret=s3cret-s3cret-s3cret-s3cret-s3cret",
                "centrifugo.api-url=http://127.0.0.1:9/api",
                "spring.security.user.password=pw",
                "management.endpoints.web.exposure.include=centrifugo"
            })
    class BehindSpringSecurity {

        @LocalServerPort
        private int port;

        @Test
        void needsAnAuthenticatedUserAsActuatorsOtherEndpointsDo() throws Exception {
            assertThat(get(this.port, "/actuator/centrifugo").statusCode()).isEqualTo(401);

            HttpResponse<String> authenticated = CentrifugoEndpointTests.HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/centrifugo"))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + Base64.getEncoder()
                                                    .encodeToString("user:pw".getBytes(StandardCharsets.UTF_8)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(authenticated.statusCode()).isEqualTo(200);
            assertThat(authenticated.body()).contains("\"name\":\"room.hold\"");
        }
    }

    /** The endpoint's application with Spring Boot's default security: no filter chain of its own. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class SecuredApplication {

        @Bean
        EndpointApplication.RoomHandlers roomHandlers() {
            return new EndpointApplication.RoomHandlers();
        }
    }
}
