package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The publisher never follows a redirect: the API key must not reach a host other than the one
 * configured, whatever the server (or something in front of it) answers.
 */
class CentrifugoPublisherRedirectTests {

    /** What the host that the redirect points to received: nothing, ever. */
    private final List<String> elsewhere = new CopyOnWriteArrayList<>();

    private final AtomicInteger redirected = new AtomicInteger();

    private HttpServer centrifugo;

    private HttpServer otherHost;

    private int redirectStatus;

    @BeforeEach
    void start() throws IOException {
        this.otherHost = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.otherHost.createContext("/", exchange -> {
            this.elsewhere.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " X-API-Key="
                    + exchange.getRequestHeaders().getFirst("X-API-Key"));
            respond(exchange, 200, "{\"result\":{\"num_clients\":0,\"num_users\":0}}", null);
        });
        this.otherHost.start();
        this.centrifugo = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.centrifugo.createContext("/", exchange -> {
            this.redirected.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            respond(
                    exchange,
                    this.redirectStatus,
                    "",
                    "http://127.0.0.1:" + this.otherHost.getAddress().getPort() + exchange.getRequestURI());
        });
        this.centrifugo.start();
    }

    @AfterEach
    void stop() {
        this.centrifugo.stop(0);
        this.otherHost.stop(0);
    }

    private static void respond(HttpExchange exchange, int status, String body, String location) throws IOException {
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private CentrifugoPublisher publisher() {
        return CentrifugoPublisher.builder()
                .apiUrl("http://127.0.0.1:" + this.centrifugo.getAddress().getPort() + "/api")
                .apiKey("the-key")
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectIsAnHttpErrorAndTheOtherHostReceivesNothing(int status) {
        this.redirectStatus = status;
        try (CentrifugoPublisher publisher = publisher()) {
            // A read: its body may be sent again, so OkHttp would follow the redirect if it were allowed to.
            assertThatThrownBy(() -> publisher.presenceStats("chat:1"))
                    .isInstanceOfSatisfying(
                            CentrifugoHttpException.class,
                            ex -> assertThat(ex.status()).isEqualTo(status))
                    .hasMessageContaining("a redirect, not followed");
            assertThatThrownBy(() -> publisher.presenceStatsAsync("chat:1").join())
                    .hasCauseInstanceOf(CentrifugoHttpException.class);
        }
        assertThat(this.redirected).hasValue(2);
        assertThat(this.elsewhere).isEmpty();
    }
}
