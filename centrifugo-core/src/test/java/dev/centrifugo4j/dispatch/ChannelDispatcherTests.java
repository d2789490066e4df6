package dev.centrifugo4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.channel.ChannelOverride;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubRefreshResult;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.spi.ChannelInvoker;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.ChannelParameter;
import jakarta.validation.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ChannelDispatcherTests {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    record ChatMessage(@NotBlank @Size(max = 20) String text) {}

    private final List<Object[]> calls = new ArrayList<>();

    private static ChannelMethodDefinition definition(
            ChannelOperation operation, String pattern, List<ChannelParameter> parameters, ChannelInvoker invoker) {
        return definition(operation, pattern, parameters, false, invoker);
    }

    private static ChannelMethodDefinition definition(
            ChannelOperation operation,
            String pattern,
            List<ChannelParameter> parameters,
            boolean returnsVoid,
            ChannelInvoker invoker) {
        List<Class<?>> types = new ArrayList<>();
        parameters.forEach((parameter) -> types.add((Class<?>) parameter.type()));
        return new ChannelMethodDefinition(
                operation, pattern, Object.class, "handle", types, parameters, false, returnsVoid, invoker);
    }

    private ChannelDispatcher dispatcher(ChannelMethodDefinition... definitions) {
        ChannelDispatcher.Builder builder = ChannelDispatcher.builder(DispatchSettings.builder(mapper)
                .validator(Validation.buildDefaultValidatorFactory().getValidator())
                .build());
        for (ChannelMethodDefinition definition : definitions) {
            builder.register(definition, new Object());
        }
        return builder.build();
    }

    private static JsonNode send(ChannelDispatcher dispatcher, ChannelOperation operation, String json) {
        return mapper.readTree(dispatch(dispatcher, operation, json)
                .completion()
                .toCompletableFuture()
                .join()
                .reply());
    }

    private static ProxyOutcome dispatch(ChannelDispatcher dispatcher, ChannelOperation operation, String json) {
        ProxyType proxy = switch (operation) {
            case SUBSCRIBE -> ProxyType.SUBSCRIBE;
            case PUBLISH -> ProxyType.PUBLISH;
            case SUB_REFRESH -> ProxyType.SUB_REFRESH;
        };
        return dispatcher.dispatch(ProxyInput.of(proxy, json.getBytes(StandardCharsets.UTF_8)));
    }

    private static String request(String channel, String data) {
        return "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                + "\"user\":\"42\",\"channel\":\"" + channel + "\"" + ((data != null) ? ",\"data\":" + data : "") + "}";
    }

    private ChannelMethodDefinition subscribeRoom(Object answer) {
        return definition(
                ChannelOperation.SUBSCRIBE,
                "chat:room:{roomId}",
                List.of(
                        ChannelParameter.context(ChannelContext.class),
                        ChannelParameter.variable("roomId", long.class)),
                (handler, arguments) -> {
                    this.calls.add(arguments);
                    return answer;
                });
    }

    @Nested
    class Subscribe {

        @Test
        void passesTheContextAndConvertedVariables() {
            JsonNode reply =
                    send(dispatcher(subscribeRoom(true)), ChannelOperation.SUBSCRIBE, request("chat:room:42", null));
            assertThat(reply.toString()).isEqualTo("{\"result\":{}}");
            Object[] arguments = ChannelDispatcherTests.this.calls.get(0);
            ChannelContext context = (ChannelContext) arguments[0];
            assertThat(context.channel()).isEqualTo("chat:room:42");
            assertThat(context.user()).isEqualTo("42");
            assertThat(context.pattern()).isEqualTo("chat:room:{roomId}");
            assertThat(context.operation()).isEqualTo(ChannelOperation.SUBSCRIBE);
            assertThat(arguments[1]).isEqualTo(42L);
        }

        @Test
        void answersFalseWithError403() {
            JsonNode reply =
                    send(dispatcher(subscribeRoom(false)), ChannelOperation.SUBSCRIBE, request("chat:room:1", null));
            assertThat(reply.toString()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
        }

        @Test
        void encodesEverythingAnAllowingResultCarries() {
            SubscribeResult result = SubscribeResult.allow()
                    .withInfo(Map.of("role", "viewer"))
                    .withData(Map.of("motd", "hi"))
                    .withExpireAt(Instant.ofEpochSecond(1767225600))
                    .withOverride(ChannelOverride.none().withPresence(false).withJoinLeave(true));
            JsonNode reply =
                    send(dispatcher(subscribeRoom(result)), ChannelOperation.SUBSCRIBE, request("chat:room:1", null));
            assertThat(reply.toString())
                    .isEqualTo("{\"result\":{\"info\":{\"role\":\"viewer\"},\"data\":{\"motd\":\"hi\"},"
                            + "\"expire_at\":1767225600,\"override\":{\"presence\":{\"value\":false},"
                            + "\"join_leave\":{\"value\":true}}}}");
        }

        @Test
        void encodesInfoAndDataAsBase64InBinaryMode() {
            SubscribeResult result = SubscribeResult.allow().withInfo(Map.of("a", 1));
            JsonNode reply = send(
                    dispatcher(subscribeRoom(result)),
                    ChannelOperation.SUBSCRIBE,
                    request("chat:room:1", null).replace("\"encoding\":\"json\"", "\"encoding\":\"binary\""));
            byte[] info = Base64.getDecoder().decode(reply.at("/result/b64info").asString());
            assertThat(new String(info, StandardCharsets.UTF_8)).isEqualTo("{\"a\":1}");
        }

        @Test
        void encodesDenialsAndDisconnects() {
            assertThat(send(
                                    dispatcher(subscribeRoom(SubscribeResult.deny(1403, "room is full"))),
                                    ChannelOperation.SUBSCRIBE,
                                    request("chat:room:1", null))
                            .toString())
                    .isEqualTo("{\"error\":{\"code\":1403,\"message\":\"room is full\"}}");
            assertThat(send(
                                    dispatcher(subscribeRoom(SubscribeResult.disconnect(4501, "banned"))),
                                    ChannelOperation.SUBSCRIBE,
                                    request("chat:room:1", null))
                            .toString())
                    .isEqualTo("{\"disconnect\":{\"code\":4501,\"reason\":\"banned\"}}");
        }

        @Test
        void refusesAChannelNoHandlerMatches() {
            JsonNode reply =
                    send(dispatcher(subscribeRoom(true)), ChannelOperation.SUBSCRIBE, request("chat:lobby", null));
            assertThat(reply.toString()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
            assertThat(ChannelDispatcherTests.this.calls).isEmpty();
        }

        @Test
        void rejectsAVariableThatDoesNotConvert() {
            JsonNode reply =
                    send(dispatcher(subscribeRoom(true)), ChannelOperation.SUBSCRIBE, request("chat:room:abc", null));
            assertThat(reply.toString()).isEqualTo("{\"error\":{\"code\":400,\"message\":\"invalid channel\"}}");
            assertThat(reply.toString()).as("the client's value is not echoed").doesNotContain("abc");
        }

        @Test
        void picksTheMostSpecificPattern() {
            ChannelMethodDefinition lobby =
                    definition(ChannelOperation.SUBSCRIBE, "chat:room:lobby", List.of(), (handler, arguments) -> false);
            ChannelDispatcher dispatcher = dispatcher(subscribeRoom(true), lobby);
            assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("chat:room:lobby", null))
                            .at("/error/code")
                            .asInt())
                    .isEqualTo(403);
            assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("chat:room:7", null))
                            .toString())
                    .isEqualTo("{\"result\":{}}");
            assertThat(dispatcher.patterns(ChannelOperation.SUBSCRIBE))
                    .containsExactly("chat:room:lobby", "chat:room:{roomId}");
            assertThat(dispatcher.method(ChannelOperation.SUBSCRIBE, "chat:room:lobby"))
                    .isSameAs(lobby);
            assertThat(dispatcher.method(ChannelOperation.PUBLISH, "chat:room:lobby"))
                    .isNull();
            assertThat(dispatcher.method(ChannelOperation.SUBSCRIBE, "chat:room:7"))
                    .as("a pattern, not a channel")
                    .isNull();
        }

        @Test
        void answersAMalformedRequestAndAMissingChannelWith400() {
            ChannelDispatcher dispatcher = dispatcher(subscribeRoom(true));
            assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, "[]").toString())
                    .isEqualTo("{\"error\":{\"code\":400,\"message\":\"malformed proxy request: request body is not a"
                            + " JSON object\"}}");
            assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, "{\"client\":\"c\"}")
                            .toString())
                    .isEqualTo("{\"error\":{\"code\":400,\"message\":\"missing channel\"}}");
        }
    }

    /** A null where a decision was expected denies; only a void method allows by returning. */
    @Nested
    class NullResults {

        private final ListAppender<ILoggingEvent> log = new ListAppender<>();

        private final Logger logger = (Logger) LoggerFactory.getLogger(ChannelDispatcher.class);

        @BeforeEach
        void captureTheLog() {
            this.log.start();
            this.logger.addAppender(this.log);
        }

        @AfterEach
        void releaseTheLog() {
            this.logger.detachAppender(this.log);
        }

        private ChannelMethodDefinition returning(
                ChannelOperation operation, boolean async, boolean returnsVoid, Object answer) {
            return new ChannelMethodDefinition(
                    operation,
                    "chat:room:{roomId}",
                    Handlers.class,
                    "decide",
                    List.of(),
                    List.of(),
                    async,
                    returnsVoid,
                    (handler, arguments) -> answer);
        }

        private JsonNode ask(ChannelOperation operation, ChannelMethodDefinition definition) {
            return send(dispatcher(definition), operation, request("chat:room:1", "{\"text\":\"x\"}"));
        }

        @Test
        void aSubscribeHandlerThatReturnsNullDeniesWith403AndALogLineThatNamesIt() {
            JsonNode reply = ask(ChannelOperation.SUBSCRIBE, returning(ChannelOperation.SUBSCRIBE, false, false, null));
            assertThat(reply.toString()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
            assertThat(this.log.list).singleElement().satisfies(event -> {
                assertThat(event.getLevel()).isEqualTo(Level.WARN);
                assertThat(event.getFormattedMessage())
                        .contains("Handlers.decide()")
                        .contains("returned null");
            });
        }

        @Test
        void aPublishHandlerThatReturnsNullRefusesThePublication() {
            JsonNode reply = ask(ChannelOperation.PUBLISH, returning(ChannelOperation.PUBLISH, false, false, null));
            assertThat(reply.toString()).isEqualTo("{\"error\":{\"code\":403,\"message\":\"permission denied\"}}");
            assertThat(this.log.list).hasSize(1);
        }

        @Test
        void aStageThatCompletesWithNullDeniesToo() {
            for (ChannelOperation operation : List.of(ChannelOperation.SUBSCRIBE, ChannelOperation.PUBLISH)) {
                JsonNode reply =
                        ask(operation, returning(operation, true, false, CompletableFuture.completedFuture(null)));
                assertThat(reply.at("/error/code").asInt()).as("%s", operation).isEqualTo(403);
            }
        }

        @Test
        void aVoidHandlerOrAStageOfVoidAllows() {
            for (ChannelOperation operation : List.of(ChannelOperation.SUBSCRIBE, ChannelOperation.PUBLISH)) {
                assertThat(ask(operation, returning(operation, false, true, null))
                                .toString())
                        .as("%s, void", operation)
                        .isEqualTo("{\"result\":{}}");
                assertThat(ask(operation, returning(operation, true, true, CompletableFuture.completedFuture(null)))
                                .toString())
                        .as("%s, CompletionStage<Void>", operation)
                        .isEqualTo("{\"result\":{}}");
            }
            assertThat(this.log.list).isEmpty();
        }

        @Test
        void aSubRefreshHandlerThatReturnsNullEndsTheSubscription() {
            JsonNode reply =
                    ask(ChannelOperation.SUB_REFRESH, returning(ChannelOperation.SUB_REFRESH, false, false, null));
            assertThat(reply.toString()).isEqualTo("{\"result\":{\"expired\":true}}");
        }
    }

    /** Only there to name the handler in a signature. */
    static final class Handlers {}

    @Nested
    class Publish {

        private ChannelMethodDefinition moderate(java.util.function.Function<ChatMessage, Object> answer) {
            return definition(
                    ChannelOperation.PUBLISH,
                    "chat:room:{roomId}",
                    List.of(ChannelParameter.payload(ChatMessage.class, false, true)),
                    (handler, arguments) -> answer.apply((ChatMessage) arguments[0]));
        }

        @Test
        void replacesTheDataWithTagsAndOptions() {
            JsonNode reply = send(
                    dispatcher(moderate((message) -> PublishDecision.replaceWith(
                                    new ChatMessage(message.text().toUpperCase()))
                            .withTags(Map.of("kind", "chat"))
                            .skipHistory()
                            .withIdempotencyKey("k1"))),
                    ChannelOperation.PUBLISH,
                    request("chat:room:1", "{\"text\":\"hello\"}"));
            assertThat(reply.toString())
                    .isEqualTo(
                            "{\"result\":{\"data\":{\"text\":\"HELLO\"},\"skip_history\":true,\"tags\":{\"kind\":\"chat\"},"
                                    + "\"idempotency_key\":\"k1\"}}");
        }

        @Test
        void publishesAsSentWhenAllowed() {
            JsonNode reply = send(
                    dispatcher(moderate((message) -> PublishDecision.allow())),
                    ChannelOperation.PUBLISH,
                    request("chat:room:1", "{\"text\":\"x\"}"));
            assertThat(reply.toString()).isEqualTo("{\"result\":{}}");
        }

        @Test
        void validatesThePublication() {
            JsonNode reply = send(
                    dispatcher(moderate((message) -> true)),
                    ChannelOperation.PUBLISH,
                    request("chat:room:1", "{\"text\":\"\"}"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(422);
            assertThat(reply.at("/error/message").asString()).contains("\"field\":\"text\"");
        }

        @Test
        void rejectsDataOfTheWrongShape() {
            JsonNode reply = send(
                    dispatcher(moderate((message) -> true)),
                    ChannelOperation.PUBLISH,
                    request("chat:room:1", "{\"text\":[1]}"));
            assertThat(reply.toString())
                    .isEqualTo("{\"error\":{\"code\":400,\"message\":\"invalid data at 'text': expected a string\"}}");
        }

        @Test
        void mapsHandlerExceptionsLikeRpc() {
            JsonNode reply = send(
                    dispatcher(moderate((message) -> {
                        throw new IllegalStateException("secret");
                    })),
                    ChannelOperation.PUBLISH,
                    request("chat:room:1", "{\"text\":\"x\"}"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(500);
            assertThat(reply.toString()).doesNotContain("secret");
        }

        @Test
        void translatesExceptionsWithTheConfiguredTranslators() {
            ChannelDispatcher dispatcher = ChannelDispatcher.builder(DispatchSettings.builder(mapper)
                            .validator(Validation.buildDefaultValidatorFactory().getValidator())
                            .exceptionTranslator((ex) -> (ex instanceof SecurityException)
                                    ? ProxyReply.error(403, "permission denied", false)
                                    : null)
                            .build())
                    .register(
                            moderate((message) -> {
                                throw new SecurityException("no");
                            }),
                            new Object())
                    .build();
            assertThat(send(dispatcher, ChannelOperation.PUBLISH, request("chat:room:1", "{\"text\":\"x\"}"))
                            .at("/error/code")
                            .asInt())
                    .isEqualTo(403);
        }
    }

    @Nested
    class SubRefresh {

        private ChannelMethodDefinition refresh(Object answer) {
            return new ChannelMethodDefinition(
                    ChannelOperation.SUB_REFRESH,
                    "chat:room:{roomId}",
                    Object.class,
                    "refresh",
                    List.of(),
                    List.of(),
                    true,
                    false,
                    (handler, arguments) -> CompletableFuture.completedFuture(answer));
        }

        @Test
        void extendsTheSubscription() {
            JsonNode reply = send(
                    dispatcher(refresh(SubRefreshResult.extendUntil(Instant.ofEpochSecond(1767229200)))),
                    ChannelOperation.SUB_REFRESH,
                    request("chat:room:1", null));
            assertThat(reply.toString()).isEqualTo("{\"result\":{\"expired\":false,\"expire_at\":1767229200}}");
        }

        @Test
        void expiresWhenTheHandlerSaysSoOrNoHandlerMatches() {
            assertThat(send(
                                    dispatcher(refresh(SubRefreshResult.expired())),
                                    ChannelOperation.SUB_REFRESH,
                                    request("chat:room:1", null))
                            .toString())
                    .isEqualTo("{\"result\":{\"expired\":true}}");
            assertThat(send(
                                    dispatcher(refresh(SubRefreshResult.expired())),
                                    ChannelOperation.SUB_REFRESH,
                                    request("other", null))
                            .toString())
                    .isEqualTo("{\"result\":{\"expired\":true}}");
        }
    }

    @Nested
    class ConcurrencyLimit {

        private final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

        private ChannelMethodDefinition hanging(ChannelOperation operation, String pattern, Object answer) {
            return definition(operation, pattern, List.of(), (handler, arguments) -> {
                this.release.await();
                return answer;
            });
        }

        private ChannelDispatcher limited(int limit, ChannelMethodDefinition... definitions) {
            ChannelDispatcher.Builder builder = ChannelDispatcher.builder(DispatchSettings.builder(mapper)
                    .concurrencyLimits((proxy, pattern, async) -> pattern.startsWith("slow:") ? limit : 0)
                    .build());
            for (ChannelMethodDefinition definition : definitions) {
                builder.register(definition, new Object());
            }
            return builder.build();
        }

        /** Runs one call of each operation on a thread of its own and waits until all are in their handlers. */
        private List<CompletableFuture<JsonNode>> holdOnePermitEach(
                ChannelDispatcher dispatcher, java.util.concurrent.ExecutorService threads, String... calls)
                throws InterruptedException {
            List<CompletableFuture<JsonNode>> held = new ArrayList<>();
            for (String call : calls) {
                ChannelOperation operation = ChannelOperation.valueOf(call);
                held.add(CompletableFuture.supplyAsync(
                        () -> send(dispatcher, operation, request("slow:1", "{\"text\":\"hi\"}")), threads));
            }
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (dispatcher.bulkheads().stream().anyMatch((bulkhead) -> bulkhead.active() < bulkhead.limit())
                    && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(dispatcher.bulkheads())
                    .allSatisfy((bulkhead) -> assertThat(bulkhead.active()).isEqualTo(bulkhead.limit()));
            return held;
        }

        @Test
        void refusesSubscribeAndPublishOverTheLimitWithATemporaryErrorAndExtendsASubRefresh() throws Exception {
            ChannelDispatcher dispatcher = limited(
                    1,
                    hanging(ChannelOperation.SUBSCRIBE, "slow:{id}", true),
                    hanging(ChannelOperation.PUBLISH, "slow:{id}", true),
                    hanging(ChannelOperation.SUB_REFRESH, "slow:{id}", SubRefreshResult.expired()),
                    definition(ChannelOperation.SUBSCRIBE, "fast:{id}", List.of(), (handler, arguments) -> true));
            assertThat(dispatcher.bulkheads())
                    .extracting((bulkhead) -> bulkhead.proxy() + " " + bulkhead.handler() + " " + bulkhead.limit())
                    .containsExactly("subscribe slow:{id} 1", "publish slow:{id} 1", "sub_refresh slow:{id} 1");
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(3);
            try {
                List<CompletableFuture<JsonNode>> held =
                        holdOnePermitEach(dispatcher, threads, "SUBSCRIBE", "PUBLISH", "SUB_REFRESH");
                String tooMany =
                        "{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\",\"temporary\":true}}";
                assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("slow:2", null))
                                .toString())
                        .isEqualTo(tooMany);
                assertThat(send(dispatcher, ChannelOperation.PUBLISH, request("slow:2", "{\"text\":\"hi\"}"))
                                .toString())
                        .isEqualTo(tooMany);
                long now = Instant.now().getEpochSecond();
                JsonNode refresh = send(dispatcher, ChannelOperation.SUB_REFRESH, request("slow:2", null));
                assertThat(refresh.path("result").path("expired").asBoolean(true))
                        .isFalse();
                assertThat(refresh.path("result").path("expire_at").asLong()).isBetween(now + 59, now + 61);
                assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("fast:1", null))
                                .toString())
                        .isEqualTo("{\"result\":{}}");
                assertThat(dispatcher.bulkheads())
                        .allSatisfy(
                                (bulkhead) -> assertThat(bulkhead.rejected()).isEqualTo(1));

                this.release.countDown();
                assertThat(held.get(0)
                                .get(10, java.util.concurrent.TimeUnit.SECONDS)
                                .toString())
                        .isEqualTo("{\"result\":{}}");
                assertThat(held.get(2)
                                .get(10, java.util.concurrent.TimeUnit.SECONDS)
                                .toString())
                        .isEqualTo("{\"result\":{\"expired\":true}}");
                assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("slow:2", null))
                                .toString())
                        .isEqualTo("{\"result\":{}}");
            } finally {
                this.release.countDown();
                threads.shutdownNow();
            }
        }

        @Test
        void anAsynchronousHandlerHoldsItsPermitUntilItsStageCompletes() {
            CompletableFuture<Object> pending = new CompletableFuture<>();
            ChannelDispatcher dispatcher = limited(
                    1,
                    new ChannelMethodDefinition(
                            ChannelOperation.SUBSCRIBE,
                            "slow:{id}",
                            Object.class,
                            "subscribe",
                            List.of(),
                            List.of(),
                            true,
                            false,
                            (handler, arguments) -> pending));
            ProxyOutcome first = dispatch(dispatcher, ChannelOperation.SUBSCRIBE, request("slow:1", null));
            assertThat(first).isInstanceOf(ProxyOutcome.Pending.class);
            assertThat(first.pattern()).isEqualTo("slow:{id}");
            assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("slow:1", null))
                            .path("error")
                            .path("code")
                            .asInt())
                    .isEqualTo(429);
            pending.complete(true);
            assertThat(mapper.readTree(first.completion()
                                    .toCompletableFuture()
                                    .join()
                                    .reply())
                            .toString())
                    .isEqualTo("{\"result\":{}}");
            assertThat(dispatcher.bulkheads().get(0).active()).isZero();
        }

        @Test
        void givesThePermitBackWhenTheHandlerThrowsOrTheChannelDoesNotConvert() {
            ChannelDispatcher dispatcher = limited(
                    1,
                    definition(
                            ChannelOperation.SUBSCRIBE,
                            "slow:{id}",
                            List.of(ChannelParameter.variable("id", long.class)),
                            (handler, arguments) -> {
                                throw new IllegalStateException("boom");
                            }));
            for (int i = 0; i < 3; i++) {
                assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("slow:1", null))
                                .path("error")
                                .path("code")
                                .asInt())
                        .isEqualTo(500);
                assertThat(send(dispatcher, ChannelOperation.SUBSCRIBE, request("slow:x", null))
                                .path("error")
                                .path("code")
                                .asInt())
                        .isEqualTo(400);
            }
            assertThat(dispatcher.bulkheads().get(0).active()).isZero();
            assertThat(dispatcher.bulkheads().get(0).rejected()).isZero();
        }
    }

    @Nested
    class Registration {

        @Test
        void refusesTwoHandlersForTheSamePattern() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> dispatcher(subscribeRoom(true), subscribeRoom(false)))
                    .withMessageContaining("Duplicate subscribe handler for 'chat:room:{roomId}'");
        }
    }
}
