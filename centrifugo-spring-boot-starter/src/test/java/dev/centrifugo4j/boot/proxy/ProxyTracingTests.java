package dev.centrifugo4j.boot.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.rpc.WebSocketRpc;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * A {@code traceparent} header on a proxy request (Centrifugo forwards it with {@code
 * proxy.http_headers}) continues the caller's trace: the handler runs in a span of that trace, the
 * proxy call's span.
 */
@SpringBootTest(
        classes = ProxyTracingTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
            "management.tracing.sampling.probability=1.0"
        })
class ProxyTracingTests {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    private static final String PARENT_SPAN_ID = "00f067aa0ba902b7";

    @LocalServerPort
    private int port;

    @Autowired
    private TracedHandlers handlers;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> rpc(@Nullable String traceparent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + this.port + "/centrifugo/rpc"))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                                + "\"user\":\"42\",\"method\":\"traced.op\",\"data\":{}}"));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aForwardedTraceparentContinuesTheTrace() throws Exception {
        assertThat(rpc("00-" + TRACE_ID + "-" + PARENT_SPAN_ID + "-01").body()).contains("\"result\"");

        Span span = this.handlers.current.get();
        assertThat(span).isNotNull();
        assertThat(span.context().traceId()).isEqualTo(TRACE_ID);
        assertThat(span.context().spanId()).isNotEqualTo(PARENT_SPAN_ID);
    }

    @Test
    void withoutTraceparentANewTraceStarts() throws Exception {
        assertThat(rpc(null).body()).contains("\"result\"");

        Span span = this.handlers.current.get();
        assertThat(span).isNotNull();
        assertThat(span.context().traceId()).hasSize(32).isNotEqualTo(TRACE_ID);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        TracedHandlers tracedHandlers(Tracer tracer) {
            return new TracedHandlers(tracer);
        }
    }

    static class TracedHandlers {

        private final Tracer tracer;

        final AtomicReference<@Nullable Span> current = new AtomicReference<>();

        TracedHandlers(Tracer tracer) {
            this.tracer = tracer;
        }

        @WebSocketRpc("traced.op")
        String op() {
            this.current.set(this.tracer.currentSpan());
            return "ok";
        }
    }
}
