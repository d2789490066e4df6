package dev.centrifugo4j.boot.proxy;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.rpc.WebSocketRpc;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every proxy call is observed: a timer per proxy, method or pattern, outcome and code. */
@SpringBootTest(
        classes = ProxyObservationTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
            "centrifugo.proxy.timeout=300ms",
            "centrifugo.proxy.max-body-size=2KB",
            "centrifugo.proxy.concurrency.rpc[observed.limited]=1"
        })
class ProxyObservationTests {

    @LocalServerPort
    private int port;

    @Autowired
    private SimpleMeterRegistry meters;

    @Autowired
    private TestObservationRegistry observations;

    @Autowired
    private TestHandlers handlers;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void forgetEarlierCalls() {
        this.meters.clear();
        this.observations.clear();
        this.handlers.limitedStarted.drainPermits();
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                .header("Content-Type", "application/json")
                .header("X-Centrifugo-Proxy-Secret", "proxy-secret-of-at-least-32-bytes")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return this.http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> rpc(String method, String data) throws Exception {
        return post(
                "/centrifugo/rpc",
                "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                        + "\"user\":\"42\",\"method\":\"" + method + "\",\"data\":" + data + "}");
    }

    private Timer timer(String... tags) {
        return this.meters
                .get(DefaultCentrifugoProxyObservationConvention.NAME)
                .tags(Tags.of(tags))
                .timer();
    }

    @Nested
    class RpcCalls {

        @Test
        void aSuccessIsTimedUnderItsMethod() throws Exception {
            assertThat(rpc("observed.ok", "{}").body()).contains("\"result\"");

            assertThat(timer(
                                    "proxy",
                                    "rpc",
                                    "method",
                                    "observed.ok",
                                    "pattern",
                                    "none",
                                    "outcome",
                                    "success",
                                    "code",
                                    "none")
                            .count())
                    .isEqualTo(1);
            assertThat(observations)
                    .hasObservationWithNameEqualTo("centrifugo4j.proxy.requests")
                    .that()
                    .hasContextualNameEqualTo("centrifugo rpc observed.ok")
                    .hasLowCardinalityKeyValue("outcome", "success")
                    .hasBeenStopped();
        }

        @Test
        void theHttpServerObservationNamesTheProxyPath() throws Exception {
            assertThat(rpc("observed.later", "{}").body()).contains("\"result\"");

            // An asynchronous request's HTTP observation stops when the container completes it,
            // which may be just after the client has the reply.
            await().atMost(Duration.ofSeconds(5))
                    .untilAsserted(() -> assertThat(observations)
                            .hasObservationWithNameEqualTo("http.server.requests")
                            .that()
                            .hasBeenStopped()
                            .hasLowCardinalityKeyValue("uri", "/centrifugo/rpc/")
                            .hasLowCardinalityKeyValue("status", "200"));
        }

        @Test
        void anErrorOfTheHandlerIsTimedWithItsCode() throws Exception {
            assertThat(rpc("observed.fail", "{}").body()).contains("\"code\":409");

            assertThat(timer("proxy", "rpc", "method", "observed.fail", "outcome", "error", "code", "409")
                            .count())
                    .isEqualTo(1);
            assertThat(observations)
                    .hasObservationWithNameEqualTo("centrifugo4j.proxy.requests")
                    .that()
                    .doesNotHaveError();
        }

        @Test
        void anUnexpectedExceptionIsTimedAsError500AndIsTheObservationsError() throws Exception {
            assertThat(rpc("observed.crash", "{}").body()).contains("\"code\":500");

            assertThat(timer(
                                    "proxy",
                                    "rpc",
                                    "method",
                                    "observed.crash",
                                    "outcome",
                                    "error",
                                    "code",
                                    "500",
                                    "error",
                                    "IllegalStateException")
                            .count())
                    .isEqualTo(1);
            assertThat(observations)
                    .hasObservationWithNameEqualTo("centrifugo4j.proxy.requests")
                    .that()
                    .hasContextualNameEqualTo("centrifugo rpc observed.crash")
                    .assertThatError()
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("crashed");
        }

        @Test
        void aValidationFailureIsTimedAsError422() throws Exception {
            assertThat(rpc("observed.validated", "{\"name\":\"\"}").body()).contains("\"code\":422");

            assertThat(timer("proxy", "rpc", "method", "observed.validated", "outcome", "error", "code", "422")
                            .count())
                    .isEqualTo(1);
        }

        @Test
        void aTimeoutIsTimedAsError504UnderItsMethod() throws Exception {
            assertThat(rpc("observed.never", "{}").body()).contains("\"code\":504");

            assertThat(timer("proxy", "rpc", "method", "observed.never", "outcome", "error", "code", "504")
                            .count())
                    .isEqualTo(1);
            assertThat(timer("method", "observed.never").totalTime(TimeUnit.MILLISECONDS))
                    .isGreaterThanOrEqualTo(250);
        }

        @Test
        void anAsynchronousSuccessIsTimedWhenItCompletes() throws Exception {
            assertThat(rpc("observed.later", "{}").body()).contains("\"result\"");

            assertThat(timer("method", "observed.later", "outcome", "success").count())
                    .isEqualTo(1);
        }

        @Test
        void aCallOverTheConcurrencyLimitIsAnsweredAndTimedAsTemporaryError429() throws Exception {
            CompletableFuture<HttpResponse<String>> running = CompletableFuture.supplyAsync(() -> {
                try {
                    return rpc("observed.limited", "{}");
                } catch (Exception ex) {
                    throw new IllegalStateException(ex);
                }
            });
            assertThat(handlers.limitedStarted.tryAcquire(5, TimeUnit.SECONDS)).isTrue();

            assertThat(rpc("observed.limited", "{}").body())
                    .isEqualTo(
                            "{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\",\"temporary\":true}}");
            handlers.limitedReply.complete("done");
            assertThat(running.join().body()).isEqualTo("{\"result\":{\"data\":\"done\"}}");
            assertThat(timer("method", "observed.limited", "outcome", "error", "code", "429")
                            .count())
                    .isEqualTo(1);
            assertThat(timer("method", "observed.limited", "outcome", "success").count())
                    .isEqualTo(1);
        }

        @Test
        void anUnknownMethodIsTimedWithoutItsNameToKeepTheTagsBounded() throws Exception {
            assertThat(rpc("random.name.12345", "{}").body()).contains("\"code\":404");

            assertThat(timer("proxy", "rpc", "method", "none", "outcome", "error", "code", "404")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.getMeters())
                    .noneMatch(
                            (meter) -> "random.name.12345".equals(meter.getId().getTag("method")));
        }

        @Test
        void aBodyOverTheLimitIsTimedAsError413() throws Exception {
            assertThat(rpc("observed.ok", "\"" + "x".repeat(4096) + "\"").body())
                    .isEqualTo("{\"error\":{\"code\":413,\"message\":\"request too large\"}}");

            assertThat(timer("proxy", "rpc", "outcome", "error", "code", "413").count())
                    .isEqualTo(1);
        }
    }

    @Nested
    class RefusedAndExpired {

        @Test
        void aRequestWithoutTheSecretIsTimedAsUnauthorized() throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/centrifugo/rpc"))
                    .header("Content-Type", "application/json")
                    .header("X-Centrifugo-Proxy-Secret", "wrong")
                    .POST(HttpRequest.BodyPublishers.ofString("{}"))
                    .build();
            assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode())
                    .isEqualTo(401);

            assertThat(timer("proxy", "rpc", "method", "none", "outcome", "unauthorized", "code", "401")
                            .count())
                    .isEqualTo(1);
        }

        @Test
        void aRefreshAnsweredExpiredIsTimedAsExpiredNotSuccess() throws Exception {
            HttpResponse<String> response = post(
                    "/centrifugo/refresh",
                    "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                            + "\"user\":\"42\"}");
            assertThat(response.body()).contains("\"expired\":true");

            assertThat(timer("proxy", "refresh", "outcome", "expired", "code", "none")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.find(DefaultCentrifugoProxyObservationConvention.NAME)
                            .tags("proxy", "refresh", "outcome", "success")
                            .timer())
                    .isNull();
        }

        @Test
        void aSubRefreshOfAnUnmatchedChannelIsTimedAsExpired() throws Exception {
            HttpResponse<String> response = post(
                    "/centrifugo/sub_refresh",
                    "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                            + "\"user\":\"42\",\"channel\":\"nobody:1\"}");
            assertThat(response.body()).contains("\"expired\":true");

            assertThat(timer("proxy", "sub_refresh", "outcome", "expired").count())
                    .isEqualTo(1);
        }
    }

    @Nested
    class ChannelCalls {

        @Test
        void aSubscriptionIsTimedUnderThePatternNeverTheChannel() throws Exception {
            HttpResponse<String> response = post(
                    "/centrifugo/subscribe",
                    "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                            + "\"user\":\"42\",\"channel\":\"observed:981\"}");
            assertThat(response.body()).contains("\"result\"");

            assertThat(timer(
                                    "proxy",
                                    "subscribe",
                                    "method",
                                    "none",
                                    "pattern",
                                    "observed:{id}",
                                    "outcome",
                                    "success",
                                    "code",
                                    "none")
                            .count())
                    .isEqualTo(1);
            assertThat(meters.getMeters())
                    .noneMatch((meter) -> meter.getId().getTags().toString().contains("981"));
        }

        @Test
        void aConnectWithoutHandlerIsTimedAsADisconnect() throws Exception {
            HttpResponse<String> response = post(
                    "/centrifugo/connect",
                    "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\"}");
            assertThat(response.body()).contains("\"disconnect\"");

            assertThat(timer("proxy", "connect", "outcome", "disconnect", "code", "4501")
                            .count())
                    .isEqualTo(1);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class TestApplication {

        @Bean
        SimpleMeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }

        /** Spring Boot's observation auto-configuration turns the observations into timers. */
        @Bean
        TestObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }

        @Bean
        TestHandlers testHandlers() {
            return new TestHandlers();
        }
    }

    record Named(@NotBlank String name) {}

    static class TestHandlers {

        final Semaphore limitedStarted = new Semaphore(0);

        final CompletableFuture<String> limitedReply = new CompletableFuture<>();

        @WebSocketRpc("observed.ok")
        String ok() {
            return "ok";
        }

        @WebSocketRpc("observed.fail")
        String fail() {
            throw new RpcException(409, "conflict");
        }

        @WebSocketRpc("observed.crash")
        String crash() {
            throw new IllegalStateException("crashed");
        }

        @WebSocketRpc("observed.validated")
        String validated(@Valid Named named) {
            return named.name();
        }

        @WebSocketRpc("observed.never")
        CompletionStage<String> never() {
            return new CompletableFuture<>();
        }

        @WebSocketRpc("observed.limited")
        CompletionStage<String> limited() {
            this.limitedStarted.release();
            return this.limitedReply;
        }

        @WebSocketRpc("observed.later")
        CompletionStage<String> later() {
            return CompletableFuture.supplyAsync(() -> "later");
        }

        @OnSubscribe("observed:{id}")
        SubscribeResult room(ChannelContext context, @ChannelVariable long id) {
            return SubscribeResult.allow();
        }
    }
}
