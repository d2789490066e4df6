package dev.centrifugo4j.boot.proxy;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.rpc.WebSocketRpc;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/** The proxy endpoints on WebFlux, over real HTTP to Netty. */
@SpringBootTest(
        classes = ReactiveProxyEndpointTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.main.web-application-type=reactive",
            "centrifugo.proxy.secret=" + ReactiveProxyEndpointTests.SECRET,
            "centrifugo.proxy.rpc-path=/rt/rpc",
            "centrifugo.proxy.timeout=300ms",
            "centrifugo.proxy.max-body-size=2KB"
        })
class ReactiveProxyEndpointTests {

    static final String SECRET = "proxy-secret-of-at-least-32-bytes";

    @LocalServerPort
    private int port;

    @Autowired
    private SimpleMeterRegistry meters;

    @Autowired
    private TestObservationRegistry observations;

    @Autowired
    private ReactiveHandlers handlers;

    @Autowired
    private ApplicationContext context;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forgetEarlierCalls() {
        this.meters.clear();
        this.observations.clear();
    }

    private HttpResponse<String> post(String path, String secret, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer forwarded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (secret != null) {
            request.header("X-Centrifugo-Proxy-Secret", secret);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> rpc(String method) throws Exception {
        return post("/rt/rpc", SECRET, call(method, "{}"));
    }

    private static String call(String method, String data) {
        return "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                + "\"user\":\"42\",\"method\":\"" + method + "\",\"data\":" + data + "}";
    }

    @Nested
    class Serving {

        @Test
        void servesTheConfiguredPathWithAndWithoutTrailingSlash() throws Exception {
            for (String path : new String[] {"/rt/rpc", "/rt/rpc/"}) {
                HttpResponse<String> response = post(path, SECRET, call("reactive.whoami", "{}"));
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
                assertThat(response.headers().firstValue("Content-Length"))
                        .hasValue(String.valueOf(response.body().length()));
                assertThat(response.body()).isEqualTo("{\"result\":{\"data\":\"42 Bearer forwarded\"}}");
            }
        }

        @Test
        void servesThePathAsPathPatternReadsItAndNoOtherSpelling() throws Exception {
            // Decoded segment by segment, as the Security chain matches it too.
            assertThat(post("/rt/%72pc/", SECRET, call("reactive.whoami", "{}")).body())
                    .isEqualTo("{\"result\":{\"data\":\"42 Bearer forwarded\"}}");
            // WebFlux maps no other spelling onto the path: these reach the application (and its security).
            for (String path : new String[] {"/rt//rpc/", "/rt/RPC/", "/rt/rpc;x=1/x", "/x/../rt/rpc/"}) {
                assertThat(post(path, SECRET, call("reactive.whoami", "{}")).statusCode())
                        .as(path)
                        .isIn(400, 401, 403, 404);
            }
        }

        @Test
        void runsABlockingHandlerOffTheEventLoop() throws Exception {
            assertThat(rpc("reactive.thread").body()).contains("\"result\"");
            assertThat(ReactiveProxyEndpointTests.this.handlers.blockingThread)
                    .startsWith("centrifugo-handler-")
                    .doesNotContain("reactor-http");
        }

        @Test
        void answersAnAsynchronousHandlerWhenItCompletes() throws Exception {
            assertThat(rpc("reactive.later").body()).isEqualTo("{\"result\":{\"data\":\"later\"}}");
        }

        @Test
        void answersAnRpcExceptionWithItsCode() throws Exception {
            assertThat(rpc("reactive.fail").body()).isEqualTo("{\"error\":{\"code\":1409,\"message\":\"taken\"}}");
        }

        @Test
        void answersInvalidDataWith422() throws Exception {
            assertThat(post("/rt/rpc", SECRET, call("reactive.validated", "{\"name\":\"\"}"))
                            .body())
                    .contains("\"code\":422");
        }

        @Test
        void answersAnAsynchronousHandlerThatTakesTooLongWithError504() throws Exception {
            assertThat(rpc("reactive.never").body())
                    .isEqualTo("{\"error\":{\"code\":504,\"message\":\"handler timed out\",\"temporary\":true}}");
        }

        @Test
        void answersABlockingHandlerThatTakesTooLongWithError504() throws Exception {
            assertThat(rpc("reactive.slow").body())
                    .isEqualTo("{\"error\":{\"code\":504,\"message\":\"handler timed out\",\"temporary\":true}}");
        }

        @Test
        void answersAMalformedBodyWithAnErrorReply() throws Exception {
            HttpResponse<String> response = post("/rt/rpc", SECRET, "{oops");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body())
                    .isEqualTo("{\"error\":{\"code\":400,\"message\":\"malformed proxy request: request body is not"
                            + " valid JSON\"}}");
        }

        @Test
        void answersAnEmptyBodyWithAnErrorReply() throws Exception {
            assertThat(post("/rt/rpc", SECRET, "").body()).contains("\"code\":400");
        }

        @Test
        void answersOtherMethodsThanPostWith405() throws Exception {
            HttpResponse<String> response = ReactiveProxyEndpointTests.this.http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + ReactiveProxyEndpointTests.this.port + "/rt/rpc/"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).hasValue("POST");
        }

        @Test
        void leavesEveryOtherPathToTheApplicationAndItsSecurity() throws Exception {
            HttpResponse<String> response = ReactiveProxyEndpointTests.this.http.send(
                    HttpRequest.newBuilder(
                                    URI.create("http://127.0.0.1:" + ReactiveProxyEndpointTests.this.port + "/hello"))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // Spring Security's default chain still guards every other path.
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).isPresent();
            // Not a proxy path: the default chain's CSRF protection refuses the POST.
            assertThat(post("/rt/rpc/more", SECRET, call("reactive.whoami", "{}"))
                            .statusCode())
                    .isEqualTo(403);
        }
    }

    @Nested
    class Refusals {

        @Test
        void refusesARequestWithoutTheSecretWith401() throws Exception {
            HttpResponse<String> response = post("/rt/rpc", null, call("reactive.whoami", "{}"));
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).isEmpty();
            assertThat(post("/rt/rpc", "wrong", call("reactive.whoami", "{}")).statusCode())
                    .isEqualTo(401);
            assertThat(ReactiveProxyEndpointTests.this.observations)
                    .hasObservationWithNameEqualTo("centrifugo4j.proxy.requests")
                    .that()
                    .hasLowCardinalityKeyValue("outcome", "unauthorized");
        }

        @Test
        void refusesWithoutTheSecretBeforeTheBodyIsRead() throws Exception {
            // The body announced never comes: the reply can only be sent without reading it.
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ReactiveProxyEndpointTests.this.port)) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream()
                        .write(("POST /rt/rpc/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                        + "Content-Length: 1000\r\n\r\n{")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                String statusLine = new java.io.BufferedReader(new java.io.InputStreamReader(
                                socket.getInputStream(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .readLine();
                assertThat(statusLine).isEqualTo("HTTP/1.1 401 Unauthorized");
            }
        }

        @Test
        void aRequestAbandonedBeforeItsBodyArrivedEndsItsCall() throws Exception {
            ProxyDrain drain = ReactiveProxyEndpointTests.this.context.getBean(ProxyDrain.class);
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", ReactiveProxyEndpointTests.this.port)) {
                socket.getOutputStream()
                        .write(("POST /rt/rpc/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                                        + "X-Centrifugo-Proxy-Secret: " + SECRET + "\r\nContent-Length: 1000\r\n\r\n{")
                                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(drain.inFlight()).isEqualTo(1));
            }
            // Gone with its connection: not counted as in flight, which a graceful drain would wait for.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(drain.inFlight()).isZero());
            assertThat(ReactiveProxyEndpointTests.this.observations)
                    .hasObservationWithNameEqualTo("centrifugo4j.proxy.requests")
                    .that()
                    .hasBeenStopped();
        }

        @Test
        void refusesTheSecretHeaderSentTwice() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ReactiveProxyEndpointTests.this.port + "/rt/rpc"))
                    .header("Content-Type", "application/json")
                    .header("X-Centrifugo-Proxy-Secret", SECRET)
                    .header("X-Centrifugo-Proxy-Secret", SECRET)
                    .POST(HttpRequest.BodyPublishers.ofString(call("reactive.whoami", "{}")))
                    .build();
            assertThat(ReactiveProxyEndpointTests.this
                            .http
                            .send(request, HttpResponse.BodyHandlers.ofString())
                            .statusCode())
                    .isEqualTo(401);
        }

        @Test
        void answersABodyOverTheLimitWithError413() throws Exception {
            String large = call("reactive.whoami", "{\"pad\":\"" + "x".repeat(3000) + "\"}");
            assertThat(post("/rt/rpc", SECRET, large).body())
                    .isEqualTo("{\"error\":{\"code\":413,\"message\":\"request too large\"}}");
        }

        @Test
        void answersAChunkedBodyOverTheLimitWithError413() throws Exception {
            String large = call("reactive.whoami", "{\"pad\":\"" + "x".repeat(3000) + "\"}");
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ReactiveProxyEndpointTests.this.port + "/rt/rpc"))
                    .header("Content-Type", "application/json")
                    .header("X-Centrifugo-Proxy-Secret", SECRET)
                    // No Content-Length: a publisher of unknown length is sent in chunks.
                    .POST(HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(large.getBytes())))
                    .build();
            assertThat(ReactiveProxyEndpointTests.this
                            .http
                            .send(request, HttpResponse.BodyHandlers.ofString())
                            .body())
                    .isEqualTo("{\"error\":{\"code\":413,\"message\":\"request too large\"}}");
        }
    }

    @Nested
    class Observations {

        @Test
        void aCallIsTimedUnderItsMethodAndOutcome() throws Exception {
            assertThat(rpc("reactive.fail").body()).contains("1409");
            assertThat(ReactiveProxyEndpointTests.this
                            .meters
                            .get(DefaultCentrifugoProxyObservationConvention.NAME)
                            .tags(Tags.of(
                                    "proxy", "rpc", "method", "reactive.fail", "outcome", "error", "code", "1409"))
                            .timer()
                            .count())
                    .isEqualTo(1);
        }

        @Test
        void theCallIsAChildOfTheHttpServerObservationWhichNamesTheProxyPath() throws Exception {
            assertThat(rpc("reactive.whoami").body()).contains("\"result\"");
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(ReactiveProxyEndpointTests.this.observations)
                            .hasObservationWithNameEqualTo("http.server.requests")
                            .that()
                            .hasBeenStopped()
                            .hasLowCardinalityKeyValue("uri", "/rt/rpc/"));
            assertThat(ReactiveProxyEndpointTests.this.observations)
                    .hasObservationWithNameEqualTo("centrifugo4j.proxy.requests")
                    .that()
                    .hasParentObservationContextMatching(
                            ReactiveProxyEndpointTests::descendsFromTheHttpServerObservation);
        }
    }

    /** Whether the HTTP server observation is this one or one of its ancestors (Spring Security's are between). */
    private static boolean descendsFromTheHttpServerObservation(
            io.micrometer.observation.Observation.ContextView context) {
        io.micrometer.observation.Observation.ContextView current = context;
        while (current != null) {
            if ("http.server.requests".equals(current.getName())) {
                return true;
            }
            io.micrometer.observation.ObservationView parent = current.getParentObservation();
            current = (parent != null) ? parent.getContextView() : null;
        }
        return false;
    }

    @Nested
    class Bulkheads {

        /** The default limit of one handler: a quarter of the 200 threads that run synchronous handlers. */
        private static final int HANDLER_LIMIT = 50;

        /** A client of its own: its 50 connections, some answered early, stay out of the other tests' pool. */
        private final HttpClient http = HttpClient.newHttpClient();

        @Test
        void aHandlerThatHangsAtItsLimitLeavesThreadsToTheOthers() throws Exception {
            ReactiveHandlers handlers = ReactiveProxyEndpointTests.this.handlers;
            handlers.unhang = new CountDownLatch(1);
            List<CompletableFuture<HttpResponse<String>>> hanging = new ArrayList<>();
            try {
                for (int i = 0; i < HANDLER_LIMIT; i++) {
                    hanging.add(postAsync("reactive.hang"));
                }
                // Each on a thread of its own at once: more than Reactor's bounded-elastic has below six cores.
                await().atMost(Duration.ofSeconds(10))
                        .untilAsserted(() -> assertThat(handlers.hanging.get()).isEqualTo(HANDLER_LIMIT));
                assertThat(rpc("reactive.hang").body())
                        .isEqualTo("{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\","
                                + "\"temporary\":true}}");
                assertThat(rpc("reactive.thread").body()).contains("\"result\"");
                assertThat(handlers.blockingThread).startsWith("centrifugo-handler-");
            } finally {
                handlers.unhang.countDown();
            }
            for (CompletableFuture<HttpResponse<String>> call : hanging) {
                // Answered when released, or at the proxy timeout while the handler went on holding its thread.
                assertThat(call.get(10, TimeUnit.SECONDS).body())
                        .isIn(
                                "{\"result\":{\"data\":\"unhung\"}}",
                                "{\"error\":{\"code\":504,\"message\":\"handler timed out\",\"temporary\":true}}");
            }
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> assertThat(handlers.hanging.get()).isZero());
        }

        private CompletableFuture<HttpResponse<String>> postAsync(String method) {
            HttpRequest request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + ReactiveProxyEndpointTests.this.port + "/rt/rpc"))
                    .header("Content-Type", "application/json")
                    .header("X-Centrifugo-Proxy-Secret", SECRET)
                    .timeout(Duration.ofSeconds(20))
                    .POST(HttpRequest.BodyPublishers.ofString(call(method, "{}")))
                    .build();
            return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    @Nested
    class Drain {

        @Test
        void refusesNewCallsWhileDrainingAndWaitsForThoseInFlight() throws Exception {
            ProxyDrain drain = ReactiveProxyEndpointTests.this.context.getBean(ProxyDrain.class);
            ReactiveHandlers handlers = ReactiveProxyEndpointTests.this.handlers;
            handlers.release = new CountDownLatch(1);
            CompletableFuture<HttpResponse<String>> inFlight = CompletableFuture.supplyAsync(() -> {
                try {
                    return rpc("reactive.held");
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            assertThat(handlers.held.await(5, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(drain::stop);
            try {
                await().atMost(Duration.ofSeconds(5))
                        .untilAsserted(() -> assertThat(rpc("reactive.whoami").body())
                                .isEqualTo("{\"error\":{\"code\":503,\"message\":\"shutting down\","
                                        + "\"temporary\":true}}"));
                assertThat(stopped).isNotDone();
                handlers.release.countDown();
                assertThat(inFlight.get(5, TimeUnit.SECONDS).body()).isEqualTo("{\"result\":{\"data\":\"held\"}}");
                stopped.get(5, TimeUnit.SECONDS);
                assertThat(drain.inFlight()).isZero();
            } finally {
                handlers.release.countDown();
                drain.start();
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }

        @Bean
        ReactiveHandlers reactiveHandlers() {
            return new ReactiveHandlers();
        }

        @Bean
        RouterFunction<ServerResponse> hello() {
            return RouterFunctions.route()
                    .GET("/hello", (request) -> ServerResponse.ok().bodyValue("hello"))
                    .build();
        }
    }

    record Named(@NotBlank String name) {}

    static class ReactiveHandlers {

        volatile String blockingThread = "";

        final CountDownLatch held = new CountDownLatch(1);

        volatile CountDownLatch release = new CountDownLatch(0);

        @WebSocketRpc("reactive.whoami")
        String whoami(RpcContext context) {
            return context.user() + " " + context.header("authorization");
        }

        @WebSocketRpc("reactive.thread")
        String thread() {
            this.blockingThread = Thread.currentThread().getName();
            return this.blockingThread;
        }

        @WebSocketRpc("reactive.later")
        CompletionStage<String> later() {
            return CompletableFuture.supplyAsync(
                    () -> "later", CompletableFuture.delayedExecutor(20, TimeUnit.MILLISECONDS));
        }

        @WebSocketRpc("reactive.never")
        CompletionStage<String> never() {
            return new CompletableFuture<>();
        }

        @WebSocketRpc("reactive.slow")
        String slow() throws InterruptedException {
            Thread.sleep(600);
            return "slow";
        }

        @WebSocketRpc("reactive.held")
        String held() throws InterruptedException {
            this.held.countDown();
            this.release.await(10, TimeUnit.SECONDS);
            return "held";
        }

        final AtomicInteger hanging = new AtomicInteger();

        volatile CountDownLatch unhang = new CountDownLatch(0);

        @WebSocketRpc("reactive.hang")
        String hang() throws InterruptedException {
            this.hanging.incrementAndGet();
            try {
                this.unhang.await(20, TimeUnit.SECONDS);
                return "unhung";
            } finally {
                this.hanging.decrementAndGet();
            }
        }

        @WebSocketRpc("reactive.fail")
        String fail() {
            throw new RpcException(1409, "taken");
        }

        @WebSocketRpc("reactive.validated")
        String validated(@jakarta.validation.Valid Named named) {
            return named.name();
        }
    }
}
