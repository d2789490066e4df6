package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The observer hook: what it is told about each call, and the headers it adds going out. */
class CentrifugoApiObserverTests {

    private final Queue<Integer> failures = new ConcurrentLinkedQueue<>();

    private final List<String> traceHeaders = new CopyOnWriteArrayList<>();

    private final List<ApiCall> ended = new CopyOnWriteArrayList<>();

    private final List<String> startThreads = new CopyOnWriteArrayList<>();

    private HttpServer server;

    private CentrifugoPublisher publisher;

    @BeforeEach
    void start() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/", exchange -> {
            this.traceHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-trace")));
            exchange.getRequestBody().readAllBytes();
            Integer status = this.failures.poll();
            String path = exchange.getRequestURI().getPath();
            String body = (status != null)
                    ? "busy"
                    : path.endsWith("/batch")
                            ? "{\"replies\":[{\"publish\":{}},{\"publish\":{}}]}"
                            : path.endsWith("/history")
                                    ? "{\"error\":{\"code\":102,\"message\":\"unknown channel\"}}"
                                    : "{\"result\":{}}";
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status != null ? status : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        this.server.start();
        CentrifugoApiObserver tracing = call -> {
            this.startThreads.add(Thread.currentThread().getName());
            call.header("x-trace", "t-" + call.method());
            return () -> this.ended.add(call);
        };
        this.publisher = CentrifugoPublisher.builder()
                .apiUrl("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api")
                .apiKey("k")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0))
                .observer(tracing)
                .build();
    }

    @AfterEach
    void stop() {
        this.publisher.close();
        this.server.stop(0);
    }

    @Test
    void aSuccessIsStartedOnTheCallingThreadAndEndsWithoutError() {
        this.publisher.publish("c", "x");

        assertThat(this.startThreads).containsExactly(Thread.currentThread().getName());
        assertThat(this.ended).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("publish");
            assertThat(call.succeeded()).isTrue();
            assertThat(call.errorCode()).isEqualTo(ApiCall.NONE);
            assertThat(call.attempts()).isEqualTo(1);
            assertThat(call.retries()).isZero();
        });
        assertThat(this.traceHeaders).containsExactly("t-publish");
    }

    @Test
    void retriesCarryTheHeaderAndAreCountedSyncAndAsync() {
        this.failures.add(503);
        this.failures.add(503);
        this.publisher.info();
        this.failures.add(503);
        this.publisher.infoAsync().join();

        assertThat(this.traceHeaders).containsExactly("t-info", "t-info", "t-info", "t-info", "t-info");
        assertThat(this.ended).extracting(ApiCall::retries).containsExactly(2, 1);
        assertThat(this.ended).allMatch(ApiCall::succeeded);
    }

    @Test
    void anApiErrorEndsWithItsCode() {
        assertThatThrownBy(() -> this.publisher.history(HistoryRequest.of("c")))
                .isInstanceOf(CentrifugoApiException.class);

        assertThat(this.ended).singleElement().satisfies(call -> {
            assertThat(call.succeeded()).isFalse();
            assertThat(call.errorCode()).isEqualTo("102");
        });
    }

    @Test
    void runningOutOfAttemptsEndsWithTheLastStatus() {
        for (int i = 0; i < 3; i++) {
            this.failures.add(503);
        }

        assertThatThrownBy(() -> this.publisher.infoAsync().join()).hasCauseInstanceOf(CentrifugoHttpException.class);
        assertThat(this.ended).singleElement().satisfies(call -> {
            assertThat(call.errorCode()).isEqualTo("503");
            assertThat(call.attempts()).isEqualTo(3);
        });
    }

    @Test
    void anUnreachableServerEndsAsTransport() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<ApiCall> calls = new ArrayList<>();
        try (CentrifugoPublisher unreachable = CentrifugoPublisher.builder()
                .apiUrl("http://127.0.0.1:" + port + "/api")
                .retryPolicy(RetryPolicy.none())
                .observer(call -> () -> calls.add(call))
                .build()) {
            assertThatThrownBy(unreachable::info).isInstanceOf(CentrifugoTransportException.class);
        }
        assertThat(calls).singleElement().extracting(ApiCall::errorCode).isEqualTo("transport");
    }

    @Test
    void aBatchTellsItsSize() {
        this.publisher.batch(BatchRequest.of(List.of(PublishRequest.of("a", 1), PublishRequest.of("b", 2))));

        assertThat(this.ended).singleElement().satisfies(call -> {
            assertThat(call.method()).isEqualTo("batch");
            assertThat(call.batchSize()).isEqualTo(2);
            assertThat(call.autoBatch()).isFalse();
        });
    }

    @Test
    void severalObserversStartInOrderAndStopInReverse() {
        List<String> events = new ArrayList<>();
        CentrifugoApiObserver both = CentrifugoApiObserver.of(List.of(
                call -> {
                    events.add("start 1");
                    return () -> events.add("stop 1");
                },
                call -> {
                    events.add("start 2");
                    return () -> events.add("stop 2");
                }));

        both.start(new ApiCall("info", 0, false)).stop();

        assertThat(events).containsExactly("start 1", "start 2", "stop 2", "stop 1");
        assertThat(CentrifugoApiObserver.of(List.of())).isSameAs(CentrifugoApiObserver.NOOP);
    }
}
