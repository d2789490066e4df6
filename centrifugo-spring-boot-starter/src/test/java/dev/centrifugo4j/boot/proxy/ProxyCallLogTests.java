package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.WarningThrottle;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** One structured line per failed call, payloads only when asked for and then with secrets masked. */
class ProxyCallLogTests {

    private static final String CALL = "{\"client\":\"client-7\",\"transport\":\"websocket\",\"protocol\":\"json\","
            + "\"encoding\":\"json\",\"user\":\"alice\",\"method\":\"%s\",\"data\":"
            + "{\"note\":\"visible-note\",\"password\":\"hunter2\",\"nested\":{\"accessToken\":\"tok-123\"},"
            + "\"list\":[{\"Authorization\":\"Bearer xyz\"}]}}";

    static final String SECRET = "proxy-secret-of-at-least-32-bytes";

    static HttpResponse<String> rpc(int port, String method) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/centrifugo/rpc"))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", SECRET)
                .POST(HttpRequest.BodyPublishers.ofString(CALL.formatted(method)))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
    class ByDefault {

        @LocalServerPort
        private int port;

        @Test
        void aFailedCallIsOneLineWithWhoAndWhyButNoPayload(CapturedOutput output) throws Exception {
            assertThat(rpc(this.port, "logged.fail").body()).contains("\"code\":409");

            List<String> lines = output.getOut()
                    .lines()
                    .filter(line -> line.contains("Centrifugo proxy call failed"))
                    .toList();
            assertThat(lines)
                    .singleElement()
                    .asString()
                    .contains(
                            "proxy=rpc",
                            "method=logged.fail",
                            "user=alice",
                            "client=client-7",
                            "outcome=error",
                            "code=409",
                            "message=\"already taken\"")
                    .contains("INFO");
            assertThat(output.getOut()).doesNotContain("visible-note", "hunter2");
        }

        @Test
        void anInternalErrorLineCarriesTheReferenceOfTheStackTrace(CapturedOutput output) throws Exception {
            String body = rpc(this.port, "logged.crash").body();
            String reference = body.replaceAll(".*ref: ([^)]+)\\).*", "$1");

            assertThat(output.getOut().lines().filter(line -> line.contains("Centrifugo proxy call failed")))
                    .singleElement()
                    .asString()
                    .contains("WARN", "method=logged.crash", "code=500", "ref: " + reference);
            assertThat(output.getOut()).contains("[ref " + reference + "]");
        }

        @Test
        void thePayloadLoggerAtDebugLogsPayloadsWithSecretsMasked(CapturedOutput output) throws Exception {
            LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
            logging.setLogLevel("dev.centrifugo4j.boot.proxy.payloads", LogLevel.DEBUG);
            try {
                assertThat(rpc(this.port, "logged.ok").body()).contains("\"result\"");
            } finally {
                logging.setLogLevel("dev.centrifugo4j.boot.proxy.payloads", null);
            }

            assertThat(output.getOut().lines().filter(line -> line.contains("Centrifugo rpc proxy request")))
                    .singleElement()
                    .asString()
                    .contains("DEBUG", "visible-note", ProxyCallLog.MASK)
                    .doesNotContain("hunter2");
        }

        @Test
        void aSuccessIsNotLogged(CapturedOutput output) throws Exception {
            assertThat(rpc(this.port, "logged.ok").body()).contains("\"result\"");

            assertThat(output.getOut()).doesNotContain("Centrifugo proxy call failed", "visible-note");
        }
    }

    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {
                "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                "centrifugo.proxy.log-payloads=true"
            })
    class WithPayloads {

        @LocalServerPort
        private int port;

        @Test
        void requestsAndRepliesAreLoggedWithSecretsMasked(CapturedOutput output) throws Exception {
            assertThat(rpc(this.port, "logged.ok").body()).contains("\"result\"");

            assertThat(output.getOut())
                    .contains("Centrifugo rpc proxy request", "visible-note", "Centrifugo rpc proxy reply")
                    .contains("\"password\":\"" + ProxyCallLog.MASK + "\"")
                    .contains("\"accessToken\":\"" + ProxyCallLog.MASK + "\"")
                    .contains("\"Authorization\":\"" + ProxyCallLog.MASK + "\"")
                    .doesNotContain("hunter2", "tok-123", "Bearer xyz");
        }
    }

    @Nested
    class Masking {

        private final ProxyCallLog log = new ProxyCallLog(true, List.of("pin"));

        @Test
        void masksConfiguredKeysAtAnyDepthAndNothingElse() {
            String masked =
                    this.log.masked("{\"a\":{\"pin\":1234,\"pins\":[1],\"password\":\"p\"},\"b\":[{\"PIN\":{}}]}"
                            .getBytes(StandardCharsets.UTF_8));

            assertThat(masked)
                    .isEqualTo("{\"a\":{\"pin\":\"******\",\"pins\":\"******\",\"password\":\"p\"},"
                            + "\"b\":[{\"PIN\":\"******\"}]}");
        }

        @Test
        void aBodyThatIsNotJsonIsNotLogged() {
            assertThat(this.log.masked("password=x".getBytes(StandardCharsets.UTF_8)))
                    .isEqualTo("<10 bytes, not JSON>");
        }
    }

    /** Requests without the secret: counted, and told at most once a minute. */
    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    class Unauthorized {

        private final AtomicLong now = new AtomicLong();

        private final ProxyCallLog log = new ProxyCallLog(
                false, List.of(), WarningThrottle.every(ProxyCallLog.UNAUTHORIZED_WARNING_INTERVAL, this.now::get));

        private List<String> warnings(CapturedOutput output) {
            return output.getOut()
                    .lines()
                    .filter((line) -> line.contains("without a valid"))
                    .toList();
        }

        @Test
        void aFloodIsOneLineAMinuteThatCountsTheRequestsRefusedSinceTheLastOne(CapturedOutput output) {
            for (int i = 0; i < 100; i++) {
                this.log.unauthorized("rpc", "10.0.0." + i, "X-Centrifugo-Proxy-Secret");
            }
            assertThat(warnings(output))
                    .singleElement()
                    .asString()
                    .contains("WARN", "Refused 1 proxy request(s) without a valid 'X-Centrifugo-Proxy-Secret' header")
                    .contains("a rpc request from 10.0.0.0");

            this.now.addAndGet(TimeUnit.SECONDS.toNanos(59));
            for (int i = 0; i < 50; i++) {
                this.log.unauthorized("connect", "10.0.1." + i, "X-Centrifugo-Proxy-Secret");
            }
            assertThat(warnings(output)).hasSize(1);

            this.now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            this.log.unauthorized("subscribe", "10.0.2.1", "X-Centrifugo-Proxy-Secret");
            assertThat(warnings(output))
                    .hasSize(2)
                    .last()
                    .asString()
                    .contains("Refused 150 proxy request(s)", "a subscribe request from 10.0.2.1");
        }

        @Test
        void isNotAlsoLoggedAsAFailedCall(CapturedOutput output) {
            this.log.ended("rpc", ProxyOutcome.Complete.unauthorized());

            assertThat(output.getOut()).doesNotContain("Centrifugo proxy call failed");
        }
    }

    /** The same through the endpoints of a running application. */
    @Nested
    @ExtendWith(OutputCaptureExtension.class)
    @SpringBootTest(
            classes = TestApplication.class,
            webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
            properties = {"centrifugo.proxy.secret=" + SECRET, "spring.application.name=unauthorized"})
    class UnauthorizedRequests {

        @LocalServerPort
        private int port;

        @Test
        void manyRequestsWithoutTheSecretLogOneLine(CapturedOutput output) throws Exception {
            long started = System.nanoTime();
            for (int i = 0; i < 40; i++) {
                HttpRequest.Builder request = HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + this.port + "/centrifugo/rpc"))
                        .POST(HttpRequest.BodyPublishers.ofString(CALL.formatted("logged.ok")));
                if (i % 2 == 0) {
                    request.header("X-Centrifugo-Proxy-Secret", "wrong-" + i);
                }
                assertThat(HttpClient.newHttpClient()
                                .send(request.build(), HttpResponse.BodyHandlers.ofString())
                                .statusCode())
                        .isEqualTo(401);
            }
            long minutes = TimeUnit.NANOSECONDS.toMinutes(System.nanoTime() - started);

            List<String> lines = output.getOut()
                    .lines()
                    .filter((line) -> line.contains("without a valid"))
                    .toList();
            // One a minute: one, unless sending 40 requests took minutes.
            assertThat(lines).hasSizeBetween(1, 1 + (int) minutes);
            assertThat(lines.get(0)).contains("WARN", "Refused 1 proxy request(s) without a valid");
            assertThat(output.getOut()).doesNotContain("Centrifugo proxy call failed");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        LoggedHandlers loggedHandlers() {
            return new LoggedHandlers();
        }
    }

    record Anything(String note) {}

    static class LoggedHandlers {

        @WebSocketRpc("logged.ok")
        String ok() {
            return "ok";
        }

        @WebSocketRpc("logged.fail")
        String fail() {
            throw new RpcException(409, "already taken");
        }

        @WebSocketRpc("logged.crash")
        String crash() {
            throw new IllegalStateException("boom");
        }
    }
}
