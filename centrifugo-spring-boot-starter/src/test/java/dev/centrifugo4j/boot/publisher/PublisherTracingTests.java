package dev.centrifugo4j.boot.publisher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.centrifugo4j.api.CentrifugoPublisher;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * What goes on the wire for tracing and retries. Centrifugo neither echoes headers nor fails on
 * demand, so the API is played by a loopback HTTP server that records each request's headers and
 * answers the first ones with 503.
 */
@SpringBootTest(
        classes = PublisherTracingTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "management.tracing.sampling.probability=1.0",
            "centrifugo.api-key=k",
            "centrifugo.publisher.initial-backoff=10ms"
        })
class PublisherTracingTests {

    private static HttpServer api;

    private static final List<@Nullable String> traceparents = new CopyOnWriteArrayList<>();

    private static final AtomicInteger failuresToServe = new AtomicInteger();

    @Autowired
    private CentrifugoPublisher publisher;

    @Autowired
    private ObservationRegistry observations;

    @Autowired
    private Tracer tracer;

    @Autowired
    private SimpleMeterRegistry meters;

    @BeforeAll
    static void startApi() throws IOException {
        api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/api/", exchange -> {
            traceparents.add(exchange.getRequestHeaders().getFirst("traceparent"));
            exchange.getRequestBody().readAllBytes();
            boolean fail = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] body = (fail ? "busy" : "{\"result\":{\"nodes\":[]}}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 503 : 200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        api.start();
    }

    @AfterAll
    static void stopApi() {
        api.stop(0);
    }

    @DynamicPropertySource
    static void api(DynamicPropertyRegistry registry) {
        registry.add(
                "centrifugo.api-url",
                () -> "http://127.0.0.1:" + api.getAddress().getPort() + "/api");
    }

    @BeforeEach
    void forgetEarlierCalls() {
        traceparents.clear();
        failuresToServe.set(0);
        this.meters.clear();
    }

    @Test
    void aCallInsideATraceCarriesItsTraceparent() {
        AtomicReference<String> traceId = new AtomicReference<>();
        Observation.createNotStarted("test.operation", this.observations).observe(() -> {
            traceId.set(this.tracer.currentSpan().context().traceId());
            this.publisher.info();
        });

        assertThat(traceparents).singleElement().asString().matches("00-" + traceId.get() + "-[0-9a-f]{16}-01");
    }

    @Test
    void anAsynchronousCallCarriesTheTraceparentOfTheCallersTrace() {
        AtomicReference<String> traceId = new AtomicReference<>();
        Observation.createNotStarted("test.operation", this.observations).observe(() -> {
            traceId.set(this.tracer.currentSpan().context().traceId());
            this.publisher.infoAsync().join();
        });

        assertThat(traceparents).singleElement().asString().startsWith("00-" + traceId.get() + "-");
    }

    @Test
    void retriesCarryTheSameTraceparentAndAreCounted() {
        failuresToServe.set(2);
        Observation.createNotStarted("test.operation", this.observations).observe(() -> this.publisher.info());

        assertThat(traceparents).hasSize(3).doesNotContainNull();
        assertThat(traceparents).containsOnly(traceparents.get(0));
        assertThat(this.meters
                        .get(DefaultCentrifugoApiObservationConvention.NAME)
                        .tags(Tags.of("method", "info", "outcome", "success", "retries", "2"))
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(this.meters
                        .get(CentrifugoPublisherMetrics.RETRIES)
                        .tag("method", "info")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aCallThatRunsOutOfAttemptsIsTimedWithTheLastStatus() {
        failuresToServe.set(10);
        try {
            this.publisher.info();
        } catch (RuntimeException expected) {
            // 503 three times
        }

        assertThat(this.meters
                        .get(DefaultCentrifugoApiObservationConvention.NAME)
                        .tags(Tags.of("method", "info", "outcome", "error", "code", "503", "retries", "2"))
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aCallOutsideATraceCarriesNoTraceparent() {
        this.publisher.info();

        assertThat(traceparents).hasSize(1);
        // A root span may be started for the call itself; it must then be a valid traceparent.
        String header = traceparents.get(0);
        if (header != null) {
            assertThat(header).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }
}
