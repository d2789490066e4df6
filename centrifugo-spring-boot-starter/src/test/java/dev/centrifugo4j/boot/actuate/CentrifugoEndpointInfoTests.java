package dev.centrifugo4j.boot.actuate;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.centrifugo4j.api.CentrifugoPublisher;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/** Against a Centrifugo that does not answer: the endpoint answers anyway, after its short timeout. */
class CentrifugoEndpointInfoTests {

    private final CountDownLatch release = new CountDownLatch(1);

    private final ExecutorService threads = Executors.newCachedThreadPool();

    private HttpServer silentServer;

    @BeforeEach
    void start() throws IOException {
        this.silentServer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        this.silentServer.setExecutor(this.threads);
        this.silentServer.createContext("/", (exchange) -> {
            try {
                this.release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        this.silentServer.start();
    }

    @AfterEach
    void stop() {
        this.release.countDown();
        this.silentServer.stop(0);
        this.threads.shutdownNow();
    }

    @Test
    void reportsTheTimeoutAsAFieldAndTheCallsStillOnTheirWay() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.registerBean(
                    CentrifugoPublisher.class,
                    () -> CentrifugoPublisher.builder()
                            .apiUrl("http://127.0.0.1:"
                                    + this.silentServer.getAddress().getPort() + "/api")
                            .requestTimeout(Duration.ofSeconds(30))
                            .maxQueuedRequests(7)
                            .build());
            context.refresh();
            CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
            publisher.publishAsync("news:1", "one");
            publisher.publishAsync("news:1", "two");

            long started = System.nanoTime();
            CentrifugoEndpoint.CentrifugoDescriptor answer =
                    new CentrifugoEndpoint(context.getBeanFactory(), Duration.ofMillis(300)).centrifugo();

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(answer.centrifugo()).isNotNull();
            assertThat(answer.centrifugo().nodes()).isNull();
            assertThat(answer.centrifugo().error()).isEqualTo("no answer to info within 300 ms");
            assertThat(answer.publisher()).isEqualTo(new CentrifugoEndpoint.PublisherDescriptor(2, 64, 7, false, 0, 0));
            // No dispatchers, filter or contract in this context: empty, not failed.
            assertThat(answer.rpc()).isEmpty();
            assertThat(answer.proxyPaths()).isEmpty();
        }
    }

    @Test
    void describesNoServerWithoutAPublisher() {
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.refresh();

            CentrifugoEndpoint.CentrifugoDescriptor answer =
                    new CentrifugoEndpoint(context.getBeanFactory()).centrifugo();

            assertThat(answer.publisher()).isNull();
            assertThat(answer.centrifugo()).isNull();
            assertThat(answer.bulkheads()).isEmpty();
        }
    }
}
