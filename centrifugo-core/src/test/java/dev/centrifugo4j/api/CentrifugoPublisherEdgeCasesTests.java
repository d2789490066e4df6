package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Answers a real Centrifugo cannot be made to give on demand (5xx, garbage, slowness), from a
 * scripted local HTTP server. Everything else is tested against the real Centrifugo in
 * centrifugo-test.
 */
class CentrifugoPublisherEdgeCasesTests {

    private record Answer(int status, String body, long delayMillis) {}

    private record Received(String method, String path, String apiKey, String contentType, String body) {}

    private final Queue<Answer> script = new ConcurrentLinkedQueue<>();

    private final List<Received> received = new CopyOnWriteArrayList<>();

    private HttpServer server;

    private CentrifugoPublisher publisher;

    @BeforeEach
    void start() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/", this::answer);
        this.server.start();
        this.publisher = publisherWith(RetryPolicy.defaults().withMaxAttempts(3), Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        this.publisher.close();
        this.server.stop(0);
    }

    private CentrifugoPublisher publisherWith(RetryPolicy retries, Duration timeout) {
        return CentrifugoPublisher.builder()
                .apiUrl("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api")
                .apiKey("the-key")
                .retryPolicy(new RetryPolicy(
                        retries.maxAttempts(), Duration.ofMillis(1), Duration.ofMillis(5), retries.multiplier()))
                .requestTimeout(timeout)
                .build();
    }

    private void answer(HttpExchange exchange) throws IOException {
        this.received.add(new Received(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getPath(),
                exchange.getRequestHeaders().getFirst("X-API-Key"),
                exchange.getRequestHeaders().getFirst("Content-Type"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        Answer answer = this.script.poll();
        if (answer == null) {
            answer = new Answer(500, "script exhausted", 0);
        }
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            exchange.getResponseBody().write(body);
        }
        exchange.close();
    }

    private void willAnswer(int status, String body) {
        this.script.add(new Answer(status, body, 0));
    }

    @Nested
    class Requests {

        @Test
        void arePostsToTheMethodPathWithTheApiKeyAndAJsonBody() {
            willAnswer(200, "{\"result\":{}}");

            publisher.publish("chat:1", "hi");

            Received request = received.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.path()).isEqualTo("/api/publish");
            assertThat(request.apiKey()).isEqualTo("the-key");
            assertThat(request.contentType()).startsWith("application/json");
            assertThat(request.body()).isEqualTo("{\"channel\":\"chat:1\",\"data\":\"hi\"}");
        }

        @Test
        void infoSendsAnEmptyJsonObject() {
            willAnswer(200, "{\"result\":{\"nodes\":[]}}");

            assertThat(publisher.info()).isEmpty();
            assertThat(received.get(0).body()).isEqualTo("{}");
        }
    }

    @Nested
    class Retries {

        @Test
        void aReadIsRetriedAfterA503() {
            willAnswer(503, "");
            willAnswer(200, "{\"result\":{\"num_clients\":2,\"num_users\":1}}");

            assertThat(publisher.presenceStats("chat:1")).isEqualTo(new PresenceStats(2, 1));
            assertThat(received).hasSize(2);
        }

        @Test
        void anAsyncReadIsRetriedAfterATemporaryApiError() {
            willAnswer(200, "{\"error\":{\"code\":100,\"message\":\"internal server error\"}}");
            willAnswer(200, "{\"result\":{\"publications\":[],\"offset\":3,\"epoch\":\"e\"}}");

            HistoryResult<String> history = publisher
                    .historyAsync(HistoryRequest.of("chat:1"), String.class)
                    .join();

            assertThat(history.position()).isEqualTo(new StreamPosition(3, "e"));
            assertThat(received).hasSize(2);
        }

        @Test
        void aPublicationWithoutAKeyIsNotRetriedAfterA503() {
            willAnswer(503, "busy");

            assertThatThrownBy(() -> publisher.publish("chat:1", "x"))
                    .isInstanceOfSatisfying(CentrifugoHttpException.class, ex -> {
                        assertThat(ex.status()).isEqualTo(503);
                        assertThat(ex.isRetryable()).isTrue();
                        assertThat(ex.body()).isEqualTo("busy");
                    });
            assertThat(received).hasSize(1);
        }

        @Test
        void givesUpAfterMaxAttemptsWithTheLastFailure() {
            willAnswer(503, "");
            willAnswer(502, "");
            willAnswer(504, "");

            assertThatThrownBy(() -> publisher.channels())
                    .isInstanceOfSatisfying(
                            CentrifugoHttpException.class,
                            ex -> assertThat(ex.status()).isEqualTo(504));
            assertThat(received).hasSize(3);
        }

        @Test
        void aBatchIsRetriedOnlyWhenEveryCommandIsSafe() {
            willAnswer(503, "");

            assertThatThrownBy(() ->
                            publisher.batch(BatchRequest.of(new PresenceStatsRequest("a"), PublishRequest.of("a", 1))))
                    .isInstanceOf(CentrifugoHttpException.class);
            assertThat(received).hasSize(1);
        }
    }

    @Nested
    class Failures {

        @Test
        void aPlainTextBadRequestIsANonRetryableHttpError() {
            willAnswer(400, "Bad Request");

            assertThatThrownBy(() -> publisher.presence("chat:1"))
                    .isInstanceOfSatisfying(CentrifugoHttpException.class, ex -> {
                        assertThat(ex.status()).isEqualTo(400);
                        assertThat(ex.isRetryable()).isFalse();
                    })
                    .hasMessageContaining("'presence'")
                    .hasMessageContaining("HTTP 400: Bad Request");
        }

        @Test
        void anAnswerThatIsNotJsonIsADecodeError() {
            willAnswer(200, "<html>proxy error</html>");

            assertThatThrownBy(() -> publisher.publish("chat:1", "x"))
                    .isInstanceOf(CentrifugoDecodeException.class)
                    .hasMessageContaining("<html>proxy error</html>");
        }

        @Test
        void aBatchAnswerWithTheWrongNumberOfRepliesIsADecodeError() {
            willAnswer(200, "{\"replies\":[{\"publish\":{}}]}");

            assertThatThrownBy(() ->
                            publisher.batch(BatchRequest.of(PublishRequest.of("a", 1), PublishRequest.of("b", 2))))
                    .isInstanceOf(CentrifugoDecodeException.class)
                    .hasMessageContaining("a batch of 2 commands with 1 replies");
        }

        @Test
        void aSlowAnswerIsARetryableTransportErrorAfterTheRequestTimeout() {
            try (CentrifugoPublisher impatient = publisherWith(RetryPolicy.none(), Duration.ofMillis(200))) {
                script.add(new Answer(200, "{\"result\":{}}", 1000));

                assertThatThrownBy(() -> impatient.historyRemove("chat:1"))
                        .isInstanceOfSatisfying(
                                CentrifugoTransportException.class,
                                ex -> assertThat(ex.isRetryable()).isTrue());
            }
        }
    }
}
