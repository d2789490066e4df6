package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A server that answers the first request, then reads the second in full on the same (pooled)
 * connection and drops the connection without answering, as a Centrifugo killed mid-call does: the publication may or may not have been made. Only calls
 * that are safe to repeat may be sent again, by the retry policy; OkHttp must not repeat the others
 * on its own.
 */
class CentrifugoPublisherConnectionDropTests {

    private static final byte[] OK = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 13\r\n\r\n"
                    + "{\"result\":{}}")
            .getBytes(StandardCharsets.US_ASCII);

    /** The request after which the connection drops: the second, on a pooled connection that worked. */
    private static final int DROPPED = 2;

    private final AtomicInteger requests = new AtomicInteger();

    private ServerSocket server;

    private Thread acceptor;

    @BeforeEach
    void start() throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::serve, "connection-drop-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        this.server.close();
        this.acceptor.join(5000);
    }

    private void serve() {
        while (!this.server.isClosed()) {
            try (Socket socket = this.server.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                while (readRequest(in)) {
                    if (this.requests.incrementAndGet() == DROPPED) {
                        break; // the whole request was read; close without a word
                    }
                    out.write(OK);
                    out.flush();
                }
            } catch (IOException ex) {
                // closed by the test or the client
            }
        }
    }

    /** Reads one HTTP/1.1 request with a Content-Length body; false at the end of the stream. */
    private static boolean readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return false;
            }
            head.write(b);
            matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        int length = 0;
        for (String line : head.toString(StandardCharsets.US_ASCII).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(
                        line.substring("content-length:".length()).trim());
            }
        }
        return in.readNBytes(length).length == length;
    }

    private CentrifugoPublisher publisher() {
        return CentrifugoPublisher.builder()
                .apiUrl("http://127.0.0.1:" + this.server.getLocalPort() + "/api")
                .apiKey("the-key")
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(1), Duration.ofMillis(5), 2.0))
                .requestTimeout(Duration.ofSeconds(5))
                .build();
    }

    @Test
    void aPublicationWithoutAKeyIsSentOnceWhenTheConnectionDropsAfterTheRequest() {
        try (CentrifugoPublisher publisher = publisher()) {
            publisher.publish("chat:1", "first");
            assertThatThrownBy(() -> publisher.publish("chat:1", "x"))
                    .isInstanceOfSatisfying(
                            CentrifugoTransportException.class,
                            ex -> assertThat(ex.isRetryable()).isTrue());
        }
        assertThat(this.requests).as("requests the server read").hasValue(2);
    }

    @Test
    void anAsyncPublicationWithoutAKeyIsSentOnceWhenTheConnectionDropsAfterTheRequest() {
        try (CentrifugoPublisher publisher = publisher()) {
            publisher.publishAsync("chat:1", "first").join();
            assertThat(publisher.publishAsync("chat:1", "x"))
                    .failsWithin(Duration.ofSeconds(10))
                    .withThrowableOfType(Exception.class)
                    .withCauseInstanceOf(CentrifugoTransportException.class);
        }
        assertThat(this.requests).as("requests the server read").hasValue(2);
    }

    @Test
    void aPublicationWithAKeyIsRetriedByThePolicyAfterTheConnectionDrops() {
        try (CentrifugoPublisher publisher = publisher()) {
            publisher.publish("chat:1", "first");
            publisher.publish(PublishRequest.of("chat:1", "x").withIdempotencyKey("k-1"));
        }
        assertThat(this.requests).as("requests the server read").hasValue(3);
    }
}
