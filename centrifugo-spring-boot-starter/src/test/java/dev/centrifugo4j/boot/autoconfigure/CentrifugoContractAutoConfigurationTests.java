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

    @Nested
    @SpringBootTest(
            classes = ThroughTheRpcProxy.TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "centrifugo.proxy.secret=s3cret")
    class ThroughTheRpcProxy {

        @LocalServerPort
        private int port;

        @Test
        void systemContractAnswersWithTheVersionAndTheContractOnTheClassPath() throws Exception {
            String call = "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                    + "\"user\":\"42\",\"method\":\"system.contract\",\"data\":{}}";
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/centrifugo/rpc"))
                                    .header("Content-Type", "application/json")
                                    .header("X-Centrifugo-Proxy-Secret", "s3cret")
                                    .POST(HttpRequest.BodyPublishers.ofString(call))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            JsonNode contract;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(Contracts.RESOURCE)) {
                contract = MAPPER.readTree(in);
            }
            JsonNode data = MAPPER.readTree(response.body()).get("result").get("data");
            assertThat(data.get("version").asString())
                    .matches("[0-9a-f]{64}")
                    .isEqualTo(contract.get("version").asString());
            assertThat(data.get("contract")).isEqualTo(contract);
            assertThat(contract.get("rpc").findValuesAsString("name")).contains("contract.test.hello");
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
}
