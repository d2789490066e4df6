package dev.centrifugo4j.test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
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
 * Centrifugo: the request goes through the application's MockMvc (its filters, Spring Security and
 * the proxy endpoints), and the reply can be checked in one fluent line.
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
 */
public final class ProxyTester {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** How long {@link Request#send()} waits for an asynchronous handler's reply. */
    private static final Duration ASYNC_REPLY_WAIT = Duration.ofSeconds(60);

    private final MockMvc mvc;

    private final Environment environment;

    private final @Nullable String secret;

    private ProxyTester(MockMvc mvc, Environment environment, @Nullable String secret) {
        this.mvc = mvc;
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
        return new ProxyTester(mvc, environment, environment.getProperty("centrifugo.proxy.secret"));
    }

    /** The same tester sending another secret ({@code null}: none), to test that the endpoints refuse it. */
    public ProxyTester withSecret(@Nullable String secret) {
        return new ProxyTester(this.mvc, this.environment, secret);
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

        private final List<RequestPostProcessor> postProcessors = new ArrayList<>();

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
         */
        public Request with(RequestPostProcessor postProcessor) {
            this.postProcessors.add(postProcessor);
            return this;
        }

        /**
         * Sends the request through the application.
         *
         * @return the reply, to assert on
         */
        public ProxyReplyAssert send() {
            MockHttpServletRequestBuilder request = MockMvcRequestBuilders.post(this.path)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(JSON.writeValueAsBytes(this.body));
            String secret = ProxyTester.this.secret;
            if (secret != null) {
                request.header(path("secret-header", "X-Centrifugo-Proxy-Secret"), secret);
            }
            this.headers.forEach(request::header);
            this.postProcessors.forEach(request::with);
            try {
                MvcResult result = ProxyTester.this.mvc.perform(request).andReturn();
                awaitAsyncReply(result);
                MockHttpServletResponse response = result.getResponse();
                return ProxyReplyAssert.of(
                        this.path,
                        response.getStatus(),
                        response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
            } catch (Exception ex) {
                throw new AssertionError("Sending the proxy request to " + this.path + " failed: " + ex, ex);
            }
        }

        /**
         * An asynchronous handler's reply is written by the thread that completes it, which then
         * completes the request's async context, as in a servlet container.
         */
        private void awaitAsyncReply(MvcResult result) throws InterruptedException {
            long deadline = System.nanoTime() + ASYNC_REPLY_WAIT.toNanos();
            while (result.getRequest().isAsyncStarted()) {
                if (System.nanoTime() - deadline > 0) {
                    throw new AssertionError("No reply to " + this.path + " within " + ASYNC_REPLY_WAIT.toSeconds()
                            + " s: the asynchronous handler did not complete");
                }
                Thread.sleep(1);
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
}
