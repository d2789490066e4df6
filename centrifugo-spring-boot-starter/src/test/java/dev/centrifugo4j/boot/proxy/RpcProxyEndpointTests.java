package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The RPC proxy endpoint over real HTTP, in a running servlet container. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
            "centrifugo.proxy.rpc-path=/rt/rpc",
            "centrifugo.proxy.timeout=300ms",
            "spring.security.user.password=pw"
        })
class RpcProxyEndpointTests {

    private static final String SECRET = "proxy-secret-of-at-least-32-bytes";

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> post(String path, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer forwarded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Centrifugo-Proxy-Secret", secret);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String call(String method) {
        return "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                + "\"user\":\"42\",\"method\":\"" + method + "\",\"data\":{}}";
    }

    @Test
    void servesTheConfiguredPathWithAndWithoutTrailingSlash() throws Exception {
        for (String path : new String[] {"/rt/rpc", "/rt/rpc/"}) {
            HttpResponse<String> response = post(path, SECRET, call("test.whoami"));
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
            assertThat(response.body()).isEqualTo("{\"result\":{\"data\":\"42 Bearer forwarded null\"}}");
        }
    }

    @Test
    void rejectsRequestsWithoutTheSecretBeforeAnyHandlerRuns() throws Exception {
        HttpResponse<String> response = post("/rt/rpc", null, call("test.whoami"));
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEmpty();
        assertThat(post("/rt/rpc", "wrong", call("test.whoami")).statusCode()).isEqualTo(401);
    }

    @Test
    void rejectsTheSecretHeaderSentTwiceInEitherOrderOrJoinedWithAComma() throws Exception {
        for (List<String> values : List.of(
                List.of(SECRET, "wrong"),
                List.of("wrong", SECRET),
                List.of(SECRET, SECRET),
                List.of(SECRET + ",wrong"),
                List.of(SECRET + ", " + SECRET))) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + this.port + "/rt/rpc"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(call("test.whoami")));
            values.forEach(value -> request.header("X-Centrifugo-Proxy-Secret", value));
            HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as("%s", values).isEqualTo(401);
            assertThat(response.body()).as("%s", values).isEmpty();
        }
        assertThat(post("/rt/rpc", SECRET, call("test.whoami")).statusCode()).isEqualTo(200);
    }

    @Test
    void answersAnAsynchronousHandlerThatTakesTooLongWithError504() throws Exception {
        HttpResponse<String> response = post("/rt/rpc", SECRET, call("test.never"));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"error\":{\"code\":504,\"message\":\"handler timed out\",\"temporary\":true}}");
    }

    @Test
    void answersAMalformedBodyWithAnErrorReply() throws Exception {
        HttpResponse<String> response = post("/rt/rpc", SECRET, "{oops");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo("{\"error\":{\"code\":400,\"message\":\"malformed proxy request: request body is not valid"
                        + " JSON\"}}");
    }

    @Test
    void answersWithTheContentLengthOfTheReply() throws Exception {
        for (String method : new String[] {"test.whoami", "test.never"}) {
            HttpResponse<String> response = post("/rt/rpc", SECRET, call(method));
            assertThat(response.headers().firstValue("Transfer-Encoding")).isEmpty();
            assertThat(response.headers().firstValueAsLong("Content-Length"))
                    .hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void readsABodySentInChunksWithoutAContentLength() throws Exception {
        byte[] body = call("test.whoami").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/rt/rpc"))
                .version(HttpClient.Version.HTTP_1_1)
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("{\"result\":{\"data\":\"42 null null\"}}");
    }

    @Test
    void forwardsTheClientsHeadersButNotThoseOfTheProxyRequestItself() throws Exception {
        HttpResponse<String> response = post("/rt/rpc", SECRET, call("test.headers"));
        assertThat(response.body()).isEqualTo("{\"result\":{\"data\":\"true false false false false\"}}");
    }

    @Test
    void answersOtherMethodsThanPostWith405() throws Exception {
        HttpResponse<String> response = this.http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/rt/rpc/"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(405);
        assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        assertThat(response.body()).isEmpty();
    }

    @Test
    void leavesEveryOtherPathToTheApplication() throws Exception {
        for (String path : new String[] {"/rt/rpc/more", "/rt/rpcs"}) {
            HttpResponse<String> response = this.http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                            .header(
                                    "Authorization",
                                    "Basic "
                                            + java.util.Base64.getEncoder()
                                                    .encodeToString("user:pw".getBytes(StandardCharsets.UTF_8)))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("app " + path);
        }
        assertThat(post("/centrifugo/rpc/", SECRET, call("test.whoami")).body())
                .as("the default path, not configured here")
                .doesNotContain("result");
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        TestHandlers testHandlers() {
            return new TestHandlers();
        }

        @Bean
        OtherRoutes otherRoutes() {
            return new OtherRoutes();
        }
    }

    @RestController
    static class OtherRoutes {

        @GetMapping({"/rt/rpc/more", "/rt/rpcs"})
        String other(HttpServletRequest request) {
            return "app " + request.getRequestURI();
        }
    }

    static class TestHandlers {

        @WebSocketRpc("test.whoami")
        String whoami(RpcContext context) {
            return context.user() + " " + context.header("authorization") + " "
                    + context.header("X-Centrifugo-Proxy-Secret");
        }

        @WebSocketRpc("test.headers")
        String headers(RpcContext context) {
            Map<String, List<String>> headers = context.headers();
            return headers.containsKey("AUTHORIZATION") + " " + headers.containsKey("content-type") + " "
                    + headers.containsKey("content-length") + " " + headers.containsKey("Host") + " "
                    + headers.containsKey("x-centrifugo-proxy-secret");
        }

        @WebSocketRpc("test.never")
        CompletionStage<String> never() {
            return new CompletableFuture<>();
        }
    }
}
