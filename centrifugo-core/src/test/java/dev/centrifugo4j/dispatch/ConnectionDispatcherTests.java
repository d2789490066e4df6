package dev.centrifugo4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.channel.ChannelOverride;
import dev.centrifugo4j.connect.ConnectContext;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.connect.RefreshContext;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.connect.RefreshResult;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.rpc.RpcException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConnectionDispatcherTests {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private static final String CONNECT = "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\","
            + "\"encoding\":\"json\",\"name\":\"js\",\"version\":\"5.8.0\",\"data\":{\"locale\":\"en\"},\"channels\":[\"news\"]}";

    private static final String REFRESH = "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\","
            + "\"encoding\":\"json\",\"user\":\"42\",\"meta\":{\"tenant\":\"t1\"}}";

    private static final DispatchSettings settings =
            DispatchSettings.builder(mapper).build();

    private static String connect(ConnectHandler handler, Principal principal) {
        return connect(new ConnectionDispatcher(settings, handler, null), CONNECT, principal);
    }

    private static String refresh(RefreshHandler handler, String body) {
        return refresh(new ConnectionDispatcher(settings, null, handler), body);
    }

    private static String connect(ConnectionDispatcher dispatcher, String body, Principal principal) {
        return new String(
                reply(dispatcher.dispatch(
                        new ProxyInput(ProxyType.CONNECT, body.getBytes(StandardCharsets.UTF_8), Map.of(), principal))),
                StandardCharsets.UTF_8);
    }

    private static String refresh(ConnectionDispatcher dispatcher, String body) {
        return new String(
                reply(dispatcher.dispatch(ProxyInput.of(ProxyType.REFRESH, body.getBytes(StandardCharsets.UTF_8)))),
                StandardCharsets.UTF_8);
    }

    private static byte[] reply(ProxyOutcome outcome) {
        assertThat(outcome).isInstanceOf(ProxyOutcome.Complete.class);
        return ((ProxyOutcome.Complete) outcome).reply();
    }

    @Nested
    class Connect {

        @Test
        void givesTheHandlerWhatTheClientSent() {
            AtomicReference<ConnectContext> seen = new AtomicReference<>();
            connect(
                    (context) -> {
                        seen.set(context);
                        return ConnectResult.anonymous();
                    },
                    () -> "alice");
            ConnectContext context = seen.get();
            assertThat(context.client()).isEqualTo("c1");
            assertThat(context.name()).isEqualTo("js");
            assertThat(context.version()).isEqualTo("5.8.0");
            assertThat(context.data().get("locale").asString()).isEqualTo("en");
            assertThat(context.channels()).containsExactly("news");
            assertThat(context.principal().getName()).isEqualTo("alice");
        }

        @Test
        void encodesAnAcceptedConnection() {
            String reply = connect(
                    (context) -> ConnectResult.accept("42")
                            .withExpireAt(Instant.ofEpochSecond(1767225600))
                            .withInfo(Map.of("name", "Alice"))
                            .withChannels(List.of("personal:42"))
                            .withSubs(Map.of(
                                    "chat:lobby",
                                    new ConnectResult.Subscription(
                                            null, null, ChannelOverride.none().withPresence(true))))
                            .withMeta(Map.of("tenant", "t1")),
                    null);
            assertThat(reply)
                    .isEqualTo("{\"result\":{\"user\":\"42\",\"expire_at\":1767225600,\"info\":{\"name\":\"Alice\"},"
                            + "\"channels\":[\"personal:42\"],\"subs\":{\"chat:lobby\":{\"override\":{\"presence\":{\"value\":true}}}},"
                            + "\"meta\":{\"tenant\":\"t1\"}}}");
        }

        @Test
        void encodesAnonymousConnectionsWithAnEmptyUser() {
            assertThat(connect((context) -> ConnectResult.anonymous(), null)).isEqualTo("{\"result\":{\"user\":\"\"}}");
        }

        @Test
        void encodesRefusals() {
            assertThat(connect((context) -> ConnectResult.disconnect(4501, "unauthorized"), null))
                    .isEqualTo("{\"disconnect\":{\"code\":4501,\"reason\":\"unauthorized\"}}");
            assertThat(connect((context) -> ConnectResult.deny(1401, "log in first"), null))
                    .isEqualTo("{\"error\":{\"code\":1401,\"message\":\"log in first\"}}");
            assertThat(connect(
                            (context) -> {
                                throw new RpcException(1402, "maintenance", true);
                            },
                            null))
                    .isEqualTo("{\"error\":{\"code\":1402,\"message\":\"maintenance\",\"temporary\":true}}");
        }

        @Test
        void refusesEveryConnectionWithoutAHandler() {
            String reply = connect(new ConnectionDispatcher(settings, null, null), CONNECT, null);
            assertThat(reply).isEqualTo("{\"disconnect\":{\"code\":4501,\"reason\":\"unauthorized\"}}");
        }

        @Test
        void answersAMalformedRequestWith400() {
            String reply = connect(
                    new ConnectionDispatcher(settings, (context) -> ConnectResult.anonymous(), null), "nope", null);
            assertThat(reply)
                    .isEqualTo("{\"error\":{\"code\":400,\"message\":\"malformed proxy request: request body is not"
                            + " valid JSON\"}}");
        }
    }

    @Nested
    class Refresh {

        @Test
        void extendsTheConnection() {
            AtomicReference<RefreshContext> seen = new AtomicReference<>();
            String reply = refresh(
                    (context) -> {
                        seen.set(context);
                        return RefreshResult.extendUntil(Instant.ofEpochSecond(1767229200));
                    },
                    REFRESH);
            assertThat(reply).isEqualTo("{\"result\":{\"expired\":false,\"expire_at\":1767229200}}");
            assertThat(seen.get().user()).isEqualTo("42");
            assertThat(seen.get().meta().get("tenant").asString()).isEqualTo("t1");
        }

        @Test
        void expiresWhenTheHandlerFailsOrTheRequestIsMalformed() {
            assertThat(refresh(
                            (context) -> {
                                throw new IllegalStateException("database down");
                            },
                            REFRESH))
                    .isEqualTo("{\"result\":{\"expired\":true}}");
            assertThat(refresh((context) -> RefreshResult.expired(), "{")).isEqualTo("{\"result\":{\"expired\":true}}");
        }

        @Test
        void recordsAFailedRefreshAsExpiredWithItsFailure() {
            IllegalStateException down = new IllegalStateException("database down");
            ProxyOutcome outcome = new ConnectionDispatcher(settings, null, (context) -> {
                        throw down;
                    })
                    .dispatch(ProxyInput.of(ProxyType.REFRESH, REFRESH.getBytes(StandardCharsets.UTF_8)));
            assertThat(outcome).isInstanceOfSatisfying(ProxyOutcome.Complete.class, (complete) -> {
                assertThat(complete.status()).isEqualTo(ProxyOutcome.Status.EXPIRED);
                assertThat(complete.user()).isEqualTo("42");
                assertThat(complete.method()).isEqualTo(ProxyOutcome.NONE);
                assertThat(complete.failure()).isSameAs(down);
            });
        }
    }

    @Nested
    class ConcurrencyLimit {

        @Test
        void refusesAConnectOverTheLimitWithATemporaryErrorAndExtendsARefreshByAMinute() throws Exception {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            ConnectionDispatcher dispatcher = new ConnectionDispatcher(
                    DispatchSettings.builder(mapper)
                            .concurrencyLimits(ConcurrencyLimits.each(1))
                            .build(),
                    (context) -> {
                        await(release);
                        return ConnectResult.accept("42");
                    },
                    (context) -> {
                        await(release);
                        return RefreshResult.expired();
                    });
            assertThat(dispatcher.bulkheads())
                    .extracting((bulkhead) -> bulkhead.proxy() + " " + bulkhead.handler() + " " + bulkhead.limit())
                    .containsExactly("connect connect 1", "refresh refresh 1");
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                java.util.concurrent.Future<String> connecting =
                        threads.submit(() -> connect(dispatcher, CONNECT, null));
                java.util.concurrent.Future<String> refreshing = threads.submit(() -> refresh(dispatcher, REFRESH));
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                while (dispatcher.bulkheads().stream().anyMatch((bulkhead) -> bulkhead.active() < 1)
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }

                assertThat(connect(dispatcher, CONNECT, null))
                        .isEqualTo(
                                "{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\",\"temporary\":true}}");
                long now = Instant.now().getEpochSecond();
                tools.jackson.databind.JsonNode refresh = mapper.readTree(refresh(dispatcher, REFRESH));
                assertThat(refresh.path("result").path("expired").asBoolean(true))
                        .isFalse();
                assertThat(refresh.path("result").path("expire_at").asLong()).isBetween(now + 59, now + 61);

                release.countDown();
                assertThat(connecting.get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo("{\"result\":{\"user\":\"42\"}}");
                assertThat(refreshing.get(10, java.util.concurrent.TimeUnit.SECONDS))
                        .isEqualTo("{\"result\":{\"expired\":true}}");
                assertThat(dispatcher.bulkheads()).allSatisfy((bulkhead) -> {
                    assertThat(bulkhead.active()).isZero();
                    assertThat(bulkhead.rejected()).isEqualTo(1);
                });
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
        }

        private static void await(java.util.concurrent.CountDownLatch latch) {
            try {
                latch.await();
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(ex);
            }
        }

        @Test
        void hasNoBulkheadWithoutAHandlerOrALimit() {
            assertThat(new ConnectionDispatcher(
                                    DispatchSettings.builder(mapper)
                                            .concurrencyLimits(ConcurrencyLimits.each(1))
                                            .build(),
                                    null,
                                    null)
                            .bulkheads())
                    .isEmpty();
            assertThat(new ConnectionDispatcher(
                                    settings,
                                    (context) -> ConnectResult.accept("42"),
                                    (context) -> RefreshResult.expired())
                            .bulkheads())
                    .isEmpty();
        }
    }

    @Nested
    class Timeout {

        @Test
        void aRefreshPastTheTimeoutExtendsTheConnectionForAMinuteInsteadOfExpiringIt() {
            java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
            ConnectionDispatcher dispatcher = new ConnectionDispatcher(
                    DispatchSettings.builder(mapper)
                            .timeout(java.time.Duration.ofSeconds(1))
                            .clock(now::get)
                            .build(),
                    null,
                    (context) -> {
                        now.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(2));
                        return RefreshResult.expired();
                    });
            long before = Instant.now().getEpochSecond();

            ProxyOutcome.Complete outcome = (ProxyOutcome.Complete)
                    dispatcher.dispatch(ProxyInput.of(ProxyType.REFRESH, REFRESH.getBytes(StandardCharsets.UTF_8)));

            JsonNodeAssert.extension(new String(outcome.reply(), StandardCharsets.UTF_8), before);
            assertThat(outcome.code()).isEqualTo(504);
            assertThat(outcome.status()).isEqualTo(ProxyOutcome.Status.ERROR);
        }
    }

    /** Reads a refresh reply that extends the connection. */
    static final class JsonNodeAssert {

        static void extension(String reply, long before) {
            tools.jackson.databind.JsonNode result = mapper.readTree(reply).path("result");
            assertThat(result.path("expired").asBoolean(true)).isFalse();
            assertThat(result.path("expire_at").asLong())
                    .isBetween(
                            before + Bulkhead.REFRESH_RETRY_SECONDS,
                            Instant.now().getEpochSecond() + Bulkhead.REFRESH_RETRY_SECONDS);
        }
    }
}
