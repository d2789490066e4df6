package dev.centrifugo4j.test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.reactive.server.WebTestClientConfigurer;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends Centrifugo proxy requests through the application, as Centrifugo would, without a running
 * Centrifugo: the request goes through the application's MockMvc (servlet: its filters, Spring
 * Security and the proxy endpoints) or its WebTestClient (WebFlux: its web filters, Spring Security
 * and the proxy endpoints), and the reply can be checked in one fluent line.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigureMockMvc
 * class ChannelTests {
 *     @Autowired MockMvc mvc;
 *     @Autowired Environment environment;
 *
 *     @Test
 *     void onlyTheOwnerReadsAPersonalChannel() {
 *         ProxyTester proxy = ProxyTester.of(this.mvc, this.environment);
 *         proxy.subscribe("user:alice").user("alice").send().isAllowed();
 *         proxy.subscribe("user:bob").user("alice").send().isError(403);
 *         proxy.rpc("system.ping").data(Map.of("message", "hi")).send().hasData("{\"echo\":\"Pong: hi\"}");
 *     }
 * }
 * }</pre>
 *
 * <p>On WebFlux, {@code ProxyTester.of(webTestClient, environment)} with the application's {@code
 * WebTestClient} ({@code @AutoConfigureWebTestClient}) does the same.
 */
public final class ProxyTester {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long {@link Request#send()} waits for an asynchronous handler's reply. */
    private static final Duration ASYNC_REPLY_WAIT = Duration.ofSeconds(60);

    private final Transport transport;

    private final Environment environment;

    private final @Nullable String secret;

    private ProxyTester(Transport transport, Environment environment, @Nullable String secret) {
        this.transport = transport;
        this.environment = environment;
        this.secret = secret;
    }

    /**
     * A tester for the application behind the MockMvc, with the paths, secret header and secret of
     * its {@code centrifugo.proxy.*} properties (their defaults when unset).
     *
     * @param mvc the application's MockMvc
     * @param environment the application's environment
     * @return the tester
     */
    public static ProxyTester of(MockMvc mvc, Environment environment) {
        if (mvc == null || environment == null) {
            throw new IllegalArgumentException("'mvc' and 'environment' must not be null");
        }
        return new ProxyTester(
                new MockMvcTransport(mvc), environment, environment.getProperty("centrifugo.proxy.secret"));
    }

    /**
     * A tester for the WebFlux application behind the WebTestClient, with the paths, secret header
     * and secret of its {@code centrifugo.proxy.*} properties (their defaults when unset).
     *
     * @param client the application's WebTestClient (bound to the application context or to a
     *     running server)
     * @param environment the application's environment
     * @return the tester
     */
    public static ProxyTester of(WebTestClient client, Environment environment) {
        if (client == null || environment == null) {
            throw new IllegalArgumentException("'client' and 'environment' must not be null");
        }
        return new ProxyTester(
                new WebTestClientTransport(
                        client.mutate().responseTimeout(ASYNC_REPLY_WAIT).build()),
                environment,
                environment.getProperty("centrifugo.proxy.secret"));
    }

    /** The same tester sending another secret ({@code null}: none), to test that the endpoints refuse it. */
    public ProxyTester withSecret(@Nullable String secret) {
        return new ProxyTester(this.transport, this.environment, secret);
    }

    private String path(String property, String defaultPath) {
        return this.environment.getProperty("centrifugo.proxy." + property, defaultPath);
    }

    /** An RPC proxy request for a method. */
    public Request rpc(String method) {
        return new Request(path("rpc-path", "/centrifugo/rpc/")).field("method", method);
    }

    /** A connect proxy request (no user: the connect proxy decides who it is). */
    public Request connect() {
        return new Request(path("connect-path", "/centrifugo/connect/"))
                .field("name", "js")
                .field("version", "5.8.0");
    }

    /** A refresh proxy request. */
    public Request refresh() {
        return new Request(path("refresh-path", "/centrifugo/refresh/"));
    }

    /** A subscribe proxy request for a channel. */
    public Request subscribe(String channel) {
        return new Request(path("subscribe-path", "/centrifugo/subscribe/")).field("channel", channel);
    }

    /** A publish proxy request for a channel. */
    public Request publish(String channel) {
        return new Request(path("publish-path", "/centrifugo/publish/")).field("channel", channel);
    }

    /** A sub_refresh proxy request for a channel. */
    public Request subRefresh(String channel) {
        return new Request(path("sub-refresh-path", "/centrifugo/sub_refresh/")).field("channel", channel);
    }

    /** One proxy request being built. */
    public final class Request {

        private final String path;

        private final ObjectNode body = JSON.createObjectNode();

        private final Map<String, String> headers = new LinkedHashMap<>();

        private final List<Object> customizers = new ArrayList<>();

        private Request(String path) {
            this.path = path;
            this.body
                    .put("client", "00000000-0000-0000-0000-000000000001")
                    .put("transport", "websocket")
                    .put("protocol", "json")
                    .put("encoding", "json");
        }

        private Request field(String name, String value) {
            this.body.put(name, value);
            return this;
        }

        /** The connection's user ID (empty for anonymous, the default). */
        public Request user(String user) {
            return field("user", user);
        }

        /** The connection ID. */
        public Request client(String client) {
            return field("client", client);
        }

        /** The client's data: any object, serialized as JSON. */
        public Request data(@Nullable Object data) {
            this.body.set("data", JSON.valueToTree(data));
            return this;
        }

        /** The client's data as raw JSON text (also malformed shapes, to test rejections). */
        public Request dataJson(String json) {
            this.body.set("data", JSON.readTree(json));
            return this;
        }

        /** The connection meta (as with {@code include_connection_meta}). */
        public Request meta(Object meta) {
            this.body.set("meta", JSON.valueToTree(meta));
            return this;
        }

        /** A header Centrifugo forwards from the client (its proxy's {@code http_headers}). */
        public Request header(String name, String value) {
            this.headers.put(name, value);
            return this;
        }

        /**
         * Adjusts the MockMvc request, for example with Spring Security Test's {@code user("alice")}
         * to act as an authenticated session.
         *
         * @throws IllegalStateException when the tester sends through a WebTestClient
         */
        public Request with(RequestPostProcessor postProcessor) {
            if (!(ProxyTester.this.transport instanceof MockMvcTransport)) {
                throw new IllegalStateException("A RequestPostProcessor adjusts MockMvc requests: this tester sends"
                        + " through a WebTestClient, use with(WebTestClientConfigurer)");
            }
            this.customizers.add(postProcessor);
            return this;
        }

        /**
         * Adjusts the WebTestClient of this request, for example with Spring Security Test's {@code
         * mockUser("alice")} to act as an authenticated session.
         *
         * @throws IllegalStateException when the tester sends through MockMvc
         */
        public Request with(WebTestClientConfigurer configurer) {
            if (!(ProxyTester.this.transport instanceof WebTestClientTransport)) {
                throw new IllegalStateException("A WebTestClientConfigurer adjusts WebTestClient requests: this tester"
                        + " sends through MockMvc, use with(RequestPostProcessor)");
            }
            this.customizers.add(configurer);
            return this;
        }

        /**
         * Sends the request through the application.
         *
         * @return the reply, to assert on
         */
        public ProxyReplyAssert send() {
            Map<String, String> headers = new LinkedHashMap<>();
            String secret = ProxyTester.this.secret;
            if (secret != null) {
                headers.put(path("secret-header", "X-Centrifugo-Proxy-Secret"), secret);
            }
            headers.putAll(this.headers);
            try {
                Reply reply = ProxyTester.this.transport.post(
                        this.path, JSON.writeValueAsBytes(this.body), headers, this.customizers);
                return ProxyReplyAssert.of(this.path, reply.status(), reply.body());
            } catch (AssertionError ex) {
                throw ex;
            } catch (Exception ex) {
                throw new AssertionError("Sending the proxy request to " + this.path + " failed: " + ex, ex);
            }
        }

        @Override
        public String toString() {
            return "POST " + this.path + " " + this.body;
        }
    }

    static JsonNode parse(String json) {
        return JSON.readTree(json);
    }

    /** The HTTP status and body of a proxy reply. */
    private record Reply(int status, String body) {}

    /** How a proxy request reaches the application. */
    private interface Transport {

        Reply post(String path, byte[] body, Map<String, String> headers, List<Object> customizers) throws Exception;
    }

    /** Through MockMvc: the servlet filters and the proxy filter. */
    private record MockMvcTransport(MockMvc mvc) implements Transport {

        @Override
        public Reply post(String path, byte[] body, Map<String, String> headers, List<Object> customizers)
                throws Exception {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body);
            headers.forEach(request::header);
            customizers.forEach((customizer) -> request.with((RequestPostProcessor) customizer));
            MvcResult result = this.mvc.perform(request).andReturn();
            awaitAsyncReply(path, result);
            MockHttpServletResponse response = result.getResponse();
            return new Reply(response.getStatus(), response.getContentAsString(StandardCharsets.UTF_8));
        }

        /**
         * An asynchronous handler's reply is written by the thread that completes it, which then
         * completes the request's async context, as in a servlet container.
         */
        private static void awaitAsyncReply(String path, MvcResult result) throws InterruptedException {
            long deadline = System.nanoTime() + ASYNC_REPLY_WAIT.toNanos();
            while (result.getRequest().isAsyncStarted()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("No reply to " + path + " within " + ASYNC_REPLY_WAIT.toSeconds()
                            + " s: the asynchronous handler did not complete");
                }
                Thread.sleep(1);
            }
        }
    }

    /** Through WebTestClient: the web filters and the proxy web filter. */
    private record WebTestClientTransport(WebTestClient client) implements Transport {

        @Override
        public Reply post(String path, byte[] body, Map<String, String> headers, List<Object> customizers) {
            WebTestClient client = this.client;
            for (Object customizer : customizers) {
                client = client.mutateWith((WebTestClientConfigurer) customizer);
            }
            EntityExchangeResult<byte[]> result = client.post()
                    .uri(path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .headers((http) -> headers.forEach(http::add))
                    .bodyValue(body)
                    .exchange()
                    .expectBody()
                    .returnResult();
            byte[] reply = result.getResponseBody();
            return new Reply(
                    result.getStatus().value(), (reply != null) ? new String(reply, StandardCharsets.UTF_8) : "");
        }
    }
}
