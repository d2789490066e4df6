package dev.centrifugo4j.examples.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The chat through a real Centrifugo v6 and the official JavaScript SDK, with clients that log in to
 * the Spring app like a browser and connect without any token.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class ChatThroughCentrifugoTests {

    private static final String PROXY_SECRET = "chat-it-proxy-secret-0123456789-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    private static final CentrifugoServer centrifugo = CentrifugoServer.builder()
            .appProxies("http://127.0.0.1:" + APP_PORT)
            .forwardHeaders("Cookie")
            .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
            .channelNamespace(
                    "chat",
                    ns -> ns.put("subscribe_proxy_enabled", true)
                            .put("publish_proxy_enabled", true)
                            .put("presence", true))
            .channelNamespace("user", ns -> ns.put("subscribe_proxy_enabled", true))
            .build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        centrifugo.start();
        registry.add("server.port", () -> APP_PORT);
        registry.add("centrifugo.url", centrifugo::websocketUrl);
        registry.add("centrifugo.proxy.secret", () -> PROXY_SECRET);
        // Short, so that the refresh proxy is exercised within the test.
        registry.add("centrifugo.connect.expire-after", () -> "2s");
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    private static JsonNode play(String user, String steps) {
        String login = (user != null) ? "{\"user\":\"" + user + "\",\"password\":\"" + user + "-password\"}" : "null";
        return JavaScriptClient.in(Path.of("client"))
                .run(
                        "scenario.mjs",
                        Map.of("APP_URL", "http://127.0.0.1:" + APP_PORT, "CENTRIFUGO_URL", centrifugo.websocketUrl()),
                        "{\"login\":" + login + ",\"steps\":" + steps + "}");
    }

    @Nested
    class Connect {

        @Test
        void identifiesAClientThatLoggedInFromItsSessionCookie() {
            JsonNode output = play("alice", "[{\"rpc\":\"chat.whoami\"}]");
            assertThat(output.get("connected").asBoolean()).as("%s", output).isTrue();
            assertThat(output.at("/results/0/data").toString())
                    .isEqualTo("{\"user\":\"alice\",\"principal\":\"alice\"}");
        }

        @Test
        void refusesAClientWithoutASession() {
            JsonNode output = play(null, "[{\"rpc\":\"chat.whoami\"}]");
            assertThat(output.get("connected").asBoolean()).isFalse();
            assertThat(output.at("/disconnected/code").asInt()).isEqualTo(4501);
            assertThat(output.at("/disconnected/reason").asString()).isEqualTo("unauthorized");
        }

        @Test
        void staysConnectedPastItsFirstExpiryThroughTheRefreshProxy() {
            JsonNode output = play("bob", "[{\"sleep\":5000},{\"rpc\":\"chat.whoami\"}]");
            assertThat(output.at("/results/0/state").asString())
                    .as("%s", output)
                    .isEqualTo("connected");
            assertThat(output.at("/results/1/data/user").asString()).isEqualTo("bob");
            assertThat(output.get("connecting").toString())
                    .as("reconnects: %s", output)
                    .isEqualTo("[0]");
        }
    }

    @Nested
    class Refresh {

        @Test
        void endsTheConnectionOnceTheUserHasLoggedOut() {
            JsonNode output = play("bob", "[{\"logout\":true},{\"sleep\":5000}]");
            assertThat(output.at("/results/0/ok").asBoolean()).as("%s", output).isTrue();
            // Refresh answers "expired" (3005, the client reconnects); the reconnect finds no session (4501).
            assertThat(output.get("connecting").toString()).as("%s", output).contains("3005");
            assertThat(output.at("/disconnected/code").asInt()).isEqualTo(4501);
        }
    }

    @Nested
    class Channels {

        @Test
        void letsAUserSubscribeToTheirOwnChannelOnly() {
            JsonNode output = play("alice", "[{\"subscribe\":\"user:alice\"},{\"subscribe\":\"user:bob\"}]");
            assertThat(output.at("/results/0/ok").asBoolean()).as("%s", output).isTrue();
            assertThat(output.at("/results/1/ok").asBoolean()).isFalse();
            assertThat(output.at("/results/1/error/code").asInt()).isEqualTo(403);
        }

        @Test
        void refusesStaffRoomsToUsers() {
            JsonNode output = play("alice", "[{\"subscribe\":\"chat:room:1000\"}]");
            assertThat(output.at("/results/0/error/code").asInt())
                    .as("%s", output)
                    .isEqualTo(403);
        }

        @Test
        void publishesTheModeratedMessageSignedByItsAuthor() {
            JsonNode output = play(
                    "alice",
                    "[{\"subscribe\":\"chat:room:7\"},"
                            + "{\"publish\":\"chat:room:7\",\"data\":{\"text\":\"what the heck\",\"author\":\"mallory\"}},"
                            + "{\"awaitPublication\":\"chat:room:7\"}]");
            assertThat(output.at("/results/1/ok").asBoolean()).as("%s", output).isTrue();
            assertThat(output.at("/results/2/data").toString())
                    .isEqualTo("{\"text\":\"what the ****\",\"author\":\"alice\"}");
        }

        @Test
        void rejectsAnInvalidPublicationWith422() {
            JsonNode output = play(
                    "alice",
                    "[{\"subscribe\":\"chat:room:7\"},{\"publish\":\"chat:room:7\",\"data\":{\"text\":\"\"}}]");
            assertThat(output.at("/results/1/error/code").asInt())
                    .as("%s", output)
                    .isEqualTo(422);
        }
    }

    @Nested
    class MethodSecurity {

        @Test
        void refusesAPreAuthorizeGuardedMethodToAUserWith403() {
            JsonNode output = play("alice", "[{\"rpc\":\"admin.stats\"}]");
            assertThat(output.at("/results/0/error").toString())
                    .as("%s", output)
                    .isEqualTo("{\"code\":403,\"message\":\"permission denied\",\"temporary\":false}");
        }

        @Test
        void servesAPreAuthorizeGuardedMethodToAnAdmin() {
            JsonNode output = play("admin", "[{\"rpc\":\"admin.stats\"}]");
            assertThat(output.at("/results/0/data").toString())
                    .as("%s", output)
                    .isEqualTo("{\"rooms\":3,\"requestedBy\":\"admin\"}");
        }
    }

    @Nested
    class BadInput {

        private final HttpClient http = HttpClient.newHttpClient();

        @ParameterizedTest
        @ValueSource(strings = {"connect", "refresh", "subscribe", "publish", "sub_refresh", "rpc"})
        void getsAWellFormedReplyOnEveryEndpoint(String proxy) throws Exception {
            for (String body : List.of("{not json", "[]", "{\"channel\":42}")) {
                HttpResponse<String> response = this.http.send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + APP_PORT + "/centrifugo/" + proxy + "/"))
                                .header("Content-Type", "application/json")
                                .header("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
                                .POST(HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("%s %s", proxy, body).isEqualTo(200);
                assertThat(response.body())
                        .as("%s %s", proxy, body)
                        .matches("\\{\"(error|result)\":\\{.*\\}\\}")
                        .doesNotContain("Exception");
            }
        }

        @Test
        void refusesAChannelNoHandlerKnows() throws Exception {
            HttpResponse<String> response = this.http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/centrifugo/subscribe/"))
                            .header("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
                            .POST(HttpRequest.BodyPublishers.ofString(
                                    "{\"client\":\"c\",\"user\":\"alice\",\"channel\":\"unknown:thing\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.body()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
        }

        @Test
        void rejectsEveryEndpointWithoutTheSecret() throws Exception {
            for (String proxy : List.of("connect", "refresh", "subscribe", "publish", "sub_refresh", "rpc")) {
                HttpResponse<String> response = this.http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + APP_PORT + "/centrifugo/" + proxy))
                                .POST(HttpRequest.BodyPublishers.ofString("{}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(proxy).isEqualTo(401);
            }
        }
    }
}
