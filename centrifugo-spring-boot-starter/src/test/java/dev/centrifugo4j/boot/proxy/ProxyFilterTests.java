package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.test.ProxyTester;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.web.servlet.MockMvc;

/** The filter that serves the proxy paths: in MockMvc, below a context path, and its own checks. */
class ProxyFilterTests {

    /** The same filter serves MockMvc, synchronous and asynchronous handlers alike. */
    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            properties = {"centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes", "centrifugo.proxy.timeout=300ms"
            })
    @AutoConfigureMockMvc
    class InMockMvc {

        @Autowired
        private MockMvc mvc;

        @Autowired
        private Environment environment;

        @Test
        void answersSynchronousAndAsynchronousHandlers() {
            ProxyTester proxy = ProxyTester.of(this.mvc, this.environment);
            proxy.rpc("filter.user").user("alice").send().hasData("\"alice\"");
            proxy.rpc("filter.later").user("alice").send().hasData("\"later alice\"");
            proxy.rpc("filter.never").send().isError(504);
        }

        @Test
        void checksTheSecret() {
            ProxyTester.of(this.mvc, this.environment)
                    .withSecret("wrong")
                    .rpc("filter.user")
                    .send()
                    .isUnauthorized();
        }
    }

    /** Proxy paths are below the context path and the DispatcherServlet's path, like MVC endpoints. */
    @Nested
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                "server.servlet.context-path=/app",
                "spring.mvc.servlet.path=/mvc"
            })
    class BelowAContextPath {

        @LocalServerPort
        private int port;

        private int post(String path) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                    .header("Content-Type", "application/json")
                    .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                    .timeout(Duration.ofSeconds(10))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"client\":\"c1\",\"transport\":\"websocket\","
                            + "\"protocol\":\"json\",\"encoding\":\"json\",\"user\":\"bob\","
                            + "\"method\":\"filter.user\",\"data\":{}}"))
                    .build();
            return HttpClient.newHttpClient()
                    .send(request, HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }

        @Test
        void servesTheProxyPathsBelowTheContextAndServletPaths() throws Exception {
            assertThat(post("/app/mvc/centrifugo/rpc/")).isEqualTo(200);
            assertThat(post("/app/mvc/centrifugo/rpc")).isEqualTo(200);
            assertThat(post("/app/centrifugo/rpc/")).isNotEqualTo(200);
            assertThat(post("/centrifugo/rpc/")).isNotEqualTo(200);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        Handlers filterHandlers() {
            return new Handlers();
        }
    }

    static class Handlers {

        @WebSocketRpc("filter.user")
        String user(RpcContext context) {
            return context.user();
        }

        @WebSocketRpc("filter.later")
        CompletionStage<String> later(RpcContext context) {
            String user = context.user();
            return CompletableFuture.supplyAsync(
                    () -> "later " + user, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
        }

        @WebSocketRpc("filter.never")
        CompletionStage<String> never() {
            return new CompletableFuture<>();
        }
    }
}
