package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JavaScriptClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.JsonNode;

/**
 * What an SDK client sees of the server's rules on the wire, through a real Centrifugo v6 and the
 * official JavaScript SDK: data that breaks the contract (an unknown property, a required one
 * missing) gets error 400 with the property's path before the handler runs; a handler that returns
 * {@code null} instead of a decision denies; the text of an application's exception, a channel
 * variable's value and a constructor's message stay on the server.
 */
class WireRulesThroughCentrifugoTests {

    private static final String PROXY_SECRET = "wire-it-proxy-secret-0123456789abcdef-" + System.nanoTime();

    private static final int APP_PORT = CentrifugoServer.freePort();

    private static CentrifugoServer centrifugo;

    private static ConfigurableApplicationContext app;

    @BeforeAll
    static void start() {
        centrifugo = CentrifugoServer.builder()
                .appProxies("http://127.0.0.1:" + APP_PORT)
                .rpcNamespace("wire")
                .channelNamespace(
                        "wire", ns -> ns.put("subscribe_proxy_enabled", true).put("publish_proxy_enabled", true))
                .proxySecret("X-Centrifugo-Proxy-Secret", PROXY_SECRET)
                .start();
        app = new SpringApplicationBuilder(WireApplication.class)
                .properties(
                        "server.port=" + APP_PORT,
                        "centrifugo.proxy.secret=" + PROXY_SECRET,
                        "centrifugo.token.hmac-secret=" + centrifugo.hmacSecret())
                .run();
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (centrifugo != null) {
            centrifugo.close();
        }
    }

    private static JsonNode play(String steps) {
        String token = app.getBean(CentrifugoTokens.class).connectionToken("alice", Duration.ofMinutes(5));
        JsonNode output = JavaScriptClient.in(Path.of("client"))
                .run(
                        "wire-steps.mjs",
                        Map.of("CENTRIFUGO_URL", centrifugo.websocketUrl(), "CENTRIFUGO_TOKEN", token),
                        steps);
        assertThat(output.path("connected").asBoolean()).as("%s", output).isTrue();
        assertThat(output.has("failure")).as("%s", output).isFalse();
        return output.path("results");
    }

    private static String error(JsonNode result) {
        assertThat(result.path("ok").asBoolean()).as("%s", result).isFalse();
        return result.at("/error/code").asInt() + " "
                + result.at("/error/message").asString();
    }

    @Test
    void anRpcWhoseDataBreaksTheContractGetsError400WithThePropertysPath() {
        JsonNode results = play("""
                [{"rpc":"wire:note","data":{"text":"hi","stars":2}},
                 {"rpc":"wire:note","data":{"text":"hi","stars":2,"admin":true}},
                 {"rpc":"wire:note","data":{"stars":2}},
                 {"rpc":"wire:note","data":{"text":null,"stars":2}},
                 {"rpc":"wire:note","data":{"text":"hi"}},
                 {"rpc":"wire:note","data":{"text":"hi","tag":null,"stars":2}}]""");

        assertThat(results.get(0).path("data").asString()).isEqualTo("hi/2 (no tag)");
        assertThat(error(results.get(1))).isEqualTo("400 invalid data at 'admin': unknown property");
        assertThat(error(results.get(2))).isEqualTo("400 invalid data at 'text': required property missing");
        assertThat(error(results.get(3))).isEqualTo("400 invalid data at 'text': must not be null");
        assertThat(error(results.get(4))).isEqualTo("400 invalid data at 'stars': required property missing");
        assertThat(results.get(5).path("data").asString()).isEqualTo("hi/2 (no tag)");
        assertThat(WireHandlers.notes).as("calls that reached the handler").isEqualTo(2);
    }

    @Test
    void theTextOfAnApplicationsExceptionStaysOnTheServer() {
        JsonNode results = play("""
                [{"rpc":"wire:boom"},
                 {"rpc":"wire:positive","data":{"value":-1}}]""");

        assertThat(error(results.get(0))).matches("500 internal error \\(ref: [0-9a-f]{8}\\)");
        assertThat(error(results.get(1))).isEqualTo("400 invalid data: invalid value");
        assertThat(results.toString()).doesNotContain("com.acme").doesNotContain("must be positive");
    }

    @Test
    void aSubscribeOrPublishHandlerThatReturnsNullDenies() {
        JsonNode results = play("""
                [{"subscribe":"wire:room:1"},
                 {"subscribe":"wire:room:13"},
                 {"publish":"wire:room:1","data":{"text":"hi","stars":1}},
                 {"publish":"wire:room:13","data":{"text":"hi","stars":1}}]""");

        assertThat(results.get(0).path("ok").asBoolean()).as("%s", results).isTrue();
        assertThat(error(results.get(1))).isEqualTo("403 permission denied");
        assertThat(results.get(2).path("ok").asBoolean()).as("%s", results).isTrue();
        assertThat(error(results.get(3))).isEqualTo("403 permission denied");
    }

    @Test
    void aPublicationThatBreaksTheContractOrAChannelThatDoesNotConvertIsRefusedWithoutEchoingIt() {
        JsonNode results = play("""
                [{"publish":"wire:room:1","data":{"text":"hi","stars":1,"admin":true}},
                 {"publish":"wire:room:1","data":{"stars":1}},
                 {"subscribe":"wire:room:SELECT-1"}]""");

        assertThat(error(results.get(0))).isEqualTo("400 invalid data at 'admin': unknown property");
        assertThat(error(results.get(1))).isEqualTo("400 invalid data at 'text': required property missing");
        assertThat(error(results.get(2))).isEqualTo("400 invalid channel");
    }

    /** The data of the calls and publications. */
    record Note(String text, @Nullable String tag, int stars) {}

    /** A type whose constructor rejects a value with a message meant for the server's log. */
    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive, see com.acme.Internal");
            }
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class WireApplication {

        @Bean
        WireHandlers wireHandlers() {
            return new WireHandlers();
        }
    }

    static class WireHandlers {

        static volatile int notes;

        @WebSocketRpc("wire:note")
        String note(Note note) {
            notes++;
            return note.text() + "/" + note.stars() + ((note.tag() != null) ? " #" + note.tag() : " (no tag)");
        }

        @WebSocketRpc("wire:boom")
        String boom() {
            throw new IllegalArgumentException("secret detail of com.acme.Internal");
        }

        @WebSocketRpc("wire:positive")
        String positive(Positive positive) {
            return "positive";
        }

        /** Room 13 is a bug: the handler forgets to decide. */
        @OnSubscribe("wire:room:{roomId}")
        @Nullable
        SubscribeResult join(@ChannelVariable long roomId) {
            return (roomId == 13) ? null : SubscribeResult.allow();
        }

        @OnPublish("wire:room:{roomId}")
        @Nullable
        PublishDecision post(@ChannelVariable long roomId, Note note) {
            return (roomId == 13) ? null : PublishDecision.allow();
        }
    }
}
