package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.contract.SystemContract;
import dev.centrifugo4j.contract.Contracts;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

class CentrifugoContractAutoConfigurationTests {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Nested
    class TheSystemContractBean {

        private final ApplicationContextRunner runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CentrifugoContractAutoConfiguration.class));

        @Test
        void isDeclaredWhenTheApplicationHasAContract() {
            this.runner.run(context -> assertThat(context).hasSingleBean(SystemContract.class));
        }

        @Test
        void answersWithTheVersionOnlyUnlessTheContractIsExposedInFull() {
            this.runner.run(context -> assertThat(
                            context.getBean(SystemContract.class).contract().contract())
                    .isNull());
            this.runner
                    .withPropertyValues("centrifugo.contract.expose=full")
                    .run(context -> assertThat(context.getBean(SystemContract.class)
                                    .contract()
                                    .contract())
                            .isNotNull());
        }

        @Test
        void isNotDeclaredWhenTurnedOff() {
            this.runner
                    .withPropertyValues("centrifugo.contract.enabled=false")
                    .run(context -> assertThat(context).doesNotHaveBean(SystemContract.class));
        }

        @Test
        void isNotDeclaredWithoutAContractOnTheClassPath() {
            this.runner
                    .withClassLoader(new FilteredClassLoader(new ClassPathResource(Contracts.RESOURCE)))
                    .run(context -> assertThat(context).doesNotHaveBean(SystemContract.class));
        }
    }

    /** The {@code data} that {@code system.contract} answers through the RPC proxy endpoint. */
    private static JsonNode systemContract(int port) throws Exception {
        String call = "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                + "\"user\":\"42\",\"method\":\"system.contract\",\"data\":{}}";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/centrifugo/rpc"))
                                .header("Content-Type", "application/json")
                                .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                                .POST(HttpRequest.BodyPublishers.ofString(call))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        return MAPPER.readTree(response.body()).get("result").get("data");
    }

    /** The contract on the test class path, as the processor wrote it (with handler class names). */
    private static JsonNode contractOnTheClassPath() throws Exception {
        try (InputStream in = CentrifugoContractAutoConfigurationTests.class
                .getClassLoader()
                .getResourceAsStream(Contracts.RESOURCE)) {
            return MAPPER.readTree(in);
        }
    }

    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
    class ThroughTheRpcProxy {

        @LocalServerPort
        private int port;

        @Test
        void systemContractAnswersWithTheVersionOnlyByDefault() throws Exception {
            JsonNode contract = contractOnTheClassPath();

            JsonNode data = systemContract(this.port);

            assertThat(data.propertyNames()).containsExactly("version");
            assertThat(data.get("version").asString())
                    .matches("[0-9a-f]{64}")
                    .isEqualTo(contract.get("version").asString());
        }
    }

    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes", "centrifugo.contract.expose=full"
            })
    class ExposedInFull {

        @LocalServerPort
        private int port;

        @Test
        void systemContractAnswersWithTheContractWithoutHandlerClassNames() throws Exception {
            JsonNode contract = contractOnTheClassPath();
            assertThat(contract.get("rpc").findValuesAsString("handler"))
                    .as("the processor records handler classes")
                    .isNotEmpty();

            JsonNode data = systemContract(this.port);

            assertThat(data.get("version").asString())
                    .isEqualTo(contract.get("version").asString());
            assertThat(data.get("contract").get("rpc").findValuesAsString("name"))
                    .contains("contract.test.hello");
            assertThat(data.get("contract").findValues("handler")).isEmpty();
            assertThat(data.toString()).doesNotContain(HelloHandlers.class.getSimpleName());
            contract.path("rpc").forEach(method -> ((ObjectNode) method).remove("handler"));
            contract.path("channels").forEach(handler -> ((ObjectNode) handler).remove("handler"));
            contract.path("typedChannels").forEach(channel -> ((ObjectNode) channel).remove("type"));
            assertThat(data.get("contract")).isEqualTo(contract);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        HelloHandlers helloHandlers() {
            return new HelloHandlers();
        }
    }

    static class HelloHandlers {

        @WebSocketRpc("contract.test.hello")
        String hello() {
            return "hello";
        }
    }
}
