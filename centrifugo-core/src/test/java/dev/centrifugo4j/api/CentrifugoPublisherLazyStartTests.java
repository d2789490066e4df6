package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A publisher costs nothing at start-up until it is used: the HTTP client and the auto-batching
 * thread are made by the first call; what the application configures still fails at once.
 */
class CentrifugoPublisherLazyStartTests {

    private HttpServer server;

    private final AtomicInteger requests = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.server.createContext("/", exchange -> {
            this.requests.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"replies\":[{\"publish\":{}}]}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        this.server.start();
    }

    @AfterEach
    void stop() {
        this.server.stop(0);
    }

    private CentrifugoPublisher.Builder builder() {
        return CentrifugoPublisher.builder()
                .apiUrl("http://127.0.0.1:" + this.server.getAddress().getPort() + "/api")
                .apiKey("the-key");
    }

    private static long batcherThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().equals("centrifugo-auto-batcher") && thread.isAlive())
                .count();
    }

    @Test
    void theAutoBatchingThreadStartsWithTheFirstPublication() throws Exception {
        long before = batcherThreads();
        try (CentrifugoPublisher publisher =
                builder().autoBatching(AutoBatching.defaults()).build()) {
            assertThat(batcherThreads()).isEqualTo(before);
            assertThat(publisher.queuedPublications()).isZero();
            publisher.publishAsync("news", "hello").get();
            assertThat(batcherThreads()).isEqualTo(before + 1);
            publisher.publish("news", "again");
        }
        assertThat(this.requests).hasValue(2);
        assertThat(batcherThreads()).isEqualTo(before);
    }

    @Test
    void aPublisherClosedBeforeItsFirstCallRefusesAutoBatchedPublications() {
        CentrifugoPublisher publisher =
                builder().autoBatching(AutoBatching.defaults()).build();
        publisher.close();
        assertThatIllegalStateException()
                .isThrownBy(() -> publisher.publish("news", "late"))
                .withMessage("The publisher is closed");
        assertThatThrownBy(() -> publisher.publishAsync("news", "late").get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(this.requests).hasValue(0);
    }

    @Test
    void aPublisherClosedBeforeItsFirstCallSendsNoAsynchronousCall() {
        CentrifugoPublisher publisher = builder().build();
        publisher.close();
        assertThatThrownBy(() -> publisher.publishAsync("news", "late").get())
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(CentrifugoTransportException.class);
        assertThat(this.requests).hasValue(0);
    }

    @Test
    void httpClientCustomizersRunWhenThePublisherIsBuilt() {
        AtomicInteger runs = new AtomicInteger();
        CentrifugoPublisher.Builder builder = builder().customizeOkHttp(http -> {
            runs.incrementAndGet();
            http.callTimeout(Duration.ofSeconds(3));
        });
        try (CentrifugoPublisher publisher = builder.build()) {
            assertThat(runs).hasValue(1);
        }
        assertThatIllegalStateException()
                .isThrownBy(() -> builder()
                        .customizeOkHttp(http -> {
                            throw new IllegalStateException("bad TLS settings");
                        })
                        .build());
    }
}
