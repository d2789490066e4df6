package dev.centrifugo4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.test.JsClient;
import dev.centrifugo4j.token.CentrifugoTokens;
import dev.centrifugo4j.token.ConnectionClaims;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;

/** The publisher against a real Centrifugo v6, with real JavaScript SDK clients where clients matter. */
class CentrifugoPublisherTests {

    record Message(String text, int n) {}

    record UserInfo(String name) {}

    private static CentrifugoServer centrifugo;

    private static CentrifugoPublisher publisher;

    @BeforeAll
    static void startCentrifugo() {
        centrifugo = CentrifugoServer.builder()
                .config(json -> {
                    // A connection expired by the refresh call closes at once instead of after 25 s.
                    json.withObject("/client").put("expired_close_delay", "100ms");
                    ArrayNode namespaces = json.withObject("/channel").putArray("namespaces");
                    namespaces
                            .addObject()
                            .put("name", "chat")
                            .put("presence", true)
                            .put("join_leave", true)
                            .put("history_size", 100)
                            .put("history_ttl", "300s")
                            .put("allow_subscribe_for_client", true)
                            .put("allow_presence_for_subscriber", true)
                            .put("allow_history_for_subscriber", true);
                    namespaces
                            .addObject()
                            .put("name", "bulk")
                            .put("history_size", 20_000)
                            .put("history_ttl", "300s");
                })
                .start();
        publisher = CentrifugoPublisher.builder()
                .apiUrl(centrifugo.apiUrl())
                .apiKey(centrifugo.apiKey())
                .build();
    }

    @AfterAll
    static void stopCentrifugo() {
        publisher.close();
        centrifugo.close();
    }

    private static String channel(String namespace) {
        return namespace + ":" + UUID.randomUUID();
    }

    private static String connectionToken(String user) {
        return CentrifugoTokens.hmac(centrifugo.hmacSecret()).connectionToken(user, Duration.ofMinutes(5));
    }

    @Nested
    class Publishing {

        @Test
        void aPublicationComesBackFromHistoryAsTheRecordThatWasPublished() {
            String channel = channel("chat");

            PublishResult result = publisher.publish(channel, new Message("hello", 1));

            assertThat(result.offset()).isEqualTo(1);
            assertThat(result.position()).isNotNull();
            HistoryResult<Message> history = publisher.history(HistoryRequest.of(channel), Message.class);
            assertThat(history.data()).containsExactly(new Message("hello", 1));
            assertThat(history.epoch()).isEqualTo(result.epoch());
        }

        @Test
        void anAsyncPublicationCarriesItsTagsIntoHistory() {
            String channel = channel("chat");

            publisher
                    .publishAsync(PublishRequest.of(channel, Map.of("k", "v")).withTags(Map.of("kind", "greeting")))
                    .join();

            Publication<JsonNode> publication =
                    publisher.history(HistoryRequest.of(channel)).publications().get(0);
            assertThat(publication.tags()).containsEntry("kind", "greeting");
            assertThat(publication.data().path("k").asString()).isEqualTo("v");
        }

        @Test
        void aBinaryPublicationIsSentAsBase64AndDecodedByCentrifugo() {
            String channel = channel("chat");
            byte[] bytes = "{\"raw\":true}".getBytes(StandardCharsets.UTF_8);

            publisher.publish(PublishRequest.binary(channel, bytes));

            // The bytes happen to be JSON, so the JSON history API can show what Centrifugo stored.
            Publication<JsonNode> publication =
                    publisher.history(HistoryRequest.of(channel)).publications().get(0);
            assertThat(publication.data().path("raw").asBoolean()).isTrue();
        }

        @Test
        void aPublicationThatSkipsHistoryIsNotInHistory() {
            String channel = channel("chat");

            publisher.publish(PublishRequest.of(channel, "x").withSkipHistory(true));

            assertThat(publisher.history(HistoryRequest.of(channel)).publications())
                    .isEmpty();
        }

        @Test
        void theSameIdempotencyKeyTwiceIsDeliveredOnce() {
            String channel = channel("chat");
            PublishRequest request = PublishRequest.of(channel, "once").withIdempotencyKey("key-1");

            publisher.publish(request);
            publisher.publish(request);

            assertThat(publisher.history(HistoryRequest.of(channel)).publications())
                    .hasSize(1);
        }

        @Test
        void aPublicationIntoAnUnknownNamespaceIsATypedNonRetryableApiError() {
            assertThatThrownBy(() -> publisher.publish("nowhere:room", "x"))
                    .isInstanceOfSatisfying(CentrifugoApiException.class, ex -> {
                        assertThat(ex.code()).isEqualTo(ApiError.UNKNOWN_CHANNEL);
                        assertThat(ex.error().message()).isEqualTo("unknown channel");
                        assertThat(ex.isRetryable()).isFalse();
                    });
        }

        @Test
        void anAsyncFailureCompletesTheFutureWithTheTypedException() {
            CompletableFuture<PublishResult> future = publisher.publishAsync("nowhere:room", "x");

            assertThatThrownBy(future::join)
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(CentrifugoApiException.class);
        }

        @Test
        void aVersionedPublicationOlderThanTheLastIsDropped() {
            String channel = channel("chat");

            publisher.publish(PublishRequest.of(channel, "v2").withVersion(2, "e1"));
            publisher.publish(PublishRequest.of(channel, "v1").withVersion(1, "e1"));

            assertThat(publisher
                            .history(HistoryRequest.of(channel), String.class)
                            .data())
                    .containsExactly("v2");
        }
    }

    @Nested
    class History {

        @Test
        void limitSinceAndReverseSelectPublications() {
            String channel = channel("chat");
            List<PublishResult> results = IntStream.rangeClosed(1, 5)
                    .mapToObj(n -> publisher.publish(channel, new Message("m", n)))
                    .toList();

            assertThat(publisher
                            .history(HistoryRequest.of(channel).withLimit(2), Message.class)
                            .data())
                    .extracting(Message::n)
                    .containsExactly(1, 2);
            assertThat(publisher
                            .history(
                                    HistoryRequest.of(channel)
                                            .withSince(results.get(2).position())
                                            .withLimit(10),
                                    Message.class)
                            .data())
                    .extracting(Message::n)
                    .containsExactly(4, 5);
            assertThat(publisher
                            .history(
                                    HistoryRequest.of(channel).withReverse(true).withLimit(2), Message.class)
                            .data())
                    .extracting(Message::n)
                    .containsExactly(5, 4);
        }

        @Test
        void limitZeroReturnsOnlyTheStreamPosition() {
            String channel = channel("chat");
            publisher.publish(channel, "a");
            publisher.publish(channel, "b");

            HistoryResult<JsonNode> position =
                    publisher.history(HistoryRequest.of(channel).withLimit(0));

            assertThat(position.publications()).isEmpty();
            assertThat(position.offset()).isEqualTo(2);
        }

        @Test
        void historyRemoveEmptiesTheHistory() {
            String channel = channel("chat");
            publisher.publish(channel, "a");

            publisher.historyRemove(channel);

            assertThat(publisher.history(HistoryRequest.of(channel)).publications())
                    .isEmpty();
        }

        @Test
        void aPayloadThatDoesNotFitTheRequestedTypeIsADecodeError() {
            String channel = channel("chat");
            publisher.publish(channel, "just a string");

            assertThatThrownBy(() -> publisher.history(HistoryRequest.of(channel), Message.class))
                    .isInstanceOfSatisfying(
                            CentrifugoDecodeException.class,
                            ex -> assertThat(ex.isRetryable()).isFalse());
        }
    }

    @Nested
    class BroadcastAndBatch {

        @Test
        void aBroadcastReportsEachChannelIncludingAnUnknownOne() {
            String first = channel("chat");
            String second = channel("chat");

            BroadcastResult result = publisher.broadcast(List.of(first, "nowhere:x", second), new Message("all", 0));

            assertThat(result.allSucceeded()).isFalse();
            assertThat(result.failedIndexes()).containsExactly(1);
            assertThat(result.responses().get(1).error().code()).isEqualTo(ApiError.UNKNOWN_CHANNEL);
            assertThat(result.responses().get(0).orThrow().offset()).isEqualTo(1);
            assertThat(publisher
                            .history(HistoryRequest.of(second), Message.class)
                            .data())
                    .containsExactly(new Message("all", 0));
        }

        @Test
        void aBatchReportsEachCommandWithItsTypedResult() {
            String channel = channel("chat");
            PresenceStatsRequest stats = new PresenceStatsRequest(channel);
            HistoryRequest history = HistoryRequest.of(channel);

            BatchResult result = publisher.batch(BatchRequest.of(
                    PublishRequest.of(channel, new Message("one", 1)),
                    stats,
                    PublishRequest.of("nowhere:x", "lost"),
                    history));

            assertThat(result.failedIndexes()).containsExactly(2);
            assertThat(result.replies().get(0).result())
                    .isEqualTo(new PublishResult(1, history(channel).epoch()));
            assertThat(result.reply(1, stats).orThrow()).isEqualTo(new PresenceStats(0, 0));
            assertThat(result.replies().get(2).error().code()).isEqualTo(ApiError.UNKNOWN_CHANNEL);
            assertThat(result.reply(3, history).orThrow().publications()).hasSize(1);
        }

        @Test
        void aParallelBatchKeepsTheOrderOfReplies() {
            List<String> channels =
                    IntStream.range(0, 20).mapToObj(i -> channel("chat")).toList();

            BatchResult result = publisher
                    .batchAsync(BatchRequest.of(channels.stream()
                                    .map(c -> PublishRequest.of(c, "x"))
                                    .toList())
                            .withParallel(true))
                    .join();

            assertThat(result.allSucceeded()).isTrue();
            assertThat(result.replies()).hasSize(20);
        }

        private HistoryResult<JsonNode> history(String channel) {
            return publisher.history(HistoryRequest.of(channel).withLimit(0));
        }
    }

    @Nested
    class WithAConnectedJavaScriptClient {

        @Test
        void presenceAndPresenceStatsSeeTheClientWithItsInfo() {
            String channel = channel("chat");
            String token = CentrifugoTokens.hmac(centrifugo.hmacSecret())
                    .connectionToken(ConnectionClaims.of("alice")
                            .withInfo(Map.of("name", "Alice"))
                            .withExpiresIn(Duration.ofMinutes(5)));
            try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), token)) {
                String clientId = client.awaitConnected();
                client.subscribe(channel, null);
                client.await(
                        "subscribed",
                        event -> channel.equals(event.path("channel").asString()));

                PresenceResult<UserInfo> presence = publisher.presence(channel, UserInfo.class);
                assertThat(presence.clients()).containsOnlyKeys(clientId);
                assertThat(presence.clients().get(clientId).user()).isEqualTo("alice");
                assertThat(presence.clients().get(clientId).connInfo()).isEqualTo(new UserInfo("Alice"));
                assertThat(publisher.presenceStats(channel)).isEqualTo(new PresenceStats(1, 1));
                assertThat(publisher.channels("chat:*")).containsKey(channel);
                assertThat(publisher.channels().get(channel).numClients()).isEqualTo(1);
            }
        }

        @Test
        void serverSideSubscribeAndUnsubscribeReachTheClient() {
            String channel = channel("chat");
            try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), connectionToken("bob"))) {
                client.awaitConnected();

                publisher.subscribe(SubscribeRequest.of("bob", channel).withData(Map.of("welcome", true)));
                client.await(
                        "subscribed",
                        event -> channel.equals(event.path("channel").asString()));
                publisher.publish(channel, new Message("pushed", 7));
                JsonNode publication = client.await(
                        "publication",
                        event -> channel.equals(event.path("channel").asString()));
                assertThat(publication.path("data").path("text").asString()).isEqualTo("pushed");

                publisher.unsubscribe("bob", channel);
                client.await(
                        "unsubscribed",
                        event -> channel.equals(event.path("channel").asString()));
                assertThat(publisher.presenceStats(channel).numClients()).isZero();
            }
        }

        @Test
        void aClientSideSubscriptionIsEndedByUnsubscribe() {
            String channel = channel("chat");
            try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), connectionToken("erin"))) {
                client.awaitConnected();
                client.subscribe(channel, null);
                client.await(
                        "subscribed",
                        event -> channel.equals(event.path("channel").asString()));

                publisher.unsubscribe(UnsubscribeRequest.of("erin", channel));

                client.await(
                        "unsubscribed",
                        event -> channel.equals(event.path("channel").asString()));
            }
        }

        @Test
        void disconnectClosesTheClientWithTheGivenCode() {
            try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), connectionToken("carol"))) {
                client.awaitConnected();

                publisher.disconnect(DisconnectRequest.of("carol").withDisconnect(4501, "go away"));

                JsonNode disconnected = client.await("disconnected", event -> true);
                assertThat(disconnected.path("code").asInt()).isEqualTo(4501);
                assertThat(disconnected.path("reason").asString()).isEqualTo("go away");
            }
        }

        @Test
        void refreshOfALiveConnectionIsAcceptedAndKeepsItConnected() {
            try (JsClient client = JsClient.connect(centrifugo.websocketUrl(), connectionToken("dave"))) {
                String clientId = client.awaitConnected();
                String channel = channelOf(client, clientId);

                publisher.refresh(RefreshRequest.of("dave")
                        .withClient(clientId)
                        .withExpireAt(Instant.now().plusSeconds(600).getEpochSecond()));

                assertThat(publisher.presenceStats(channel).numClients()).isEqualTo(1);
                assertThat(client.events())
                        .noneMatch(event ->
                                "disconnected".equals(event.path("event").asString()));
            }
        }

        private String channelOf(JsClient client, String clientId) {
            String channel = channel("chat");
            client.subscribe(channel, null);
            client.await(
                    "subscribed", event -> channel.equals(event.path("channel").asString()));
            return channel;
        }
    }

    @Nested
    class Info {

        @Test
        void infoReturnsTheRunningNode() {
            List<NodeInfo> nodes = publisher.info();

            assertThat(nodes).hasSize(1);
            assertThat(nodes.get(0).version()).startsWith("6.9.1");
            assertThat(nodes.get(0).uid()).isNotEmpty();
            assertThat(publisher.infoAsync().join()).hasSize(1);
        }
    }

    @Nested
    class Failures {

        @Test
        void aWrongApiKeyIsTheTyped401() {
            try (CentrifugoPublisher wrongKey = CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey("wrong")
                    .build()) {
                assertThatThrownBy(() -> wrongKey.publish("chat:x", "x"))
                        .isInstanceOfSatisfying(CentrifugoUnauthorizedException.class, ex -> {
                            assertThat(ex.status()).isEqualTo(401);
                            assertThat(ex.isRetryable()).isFalse();
                        });
            }
        }

        @Test
        void aStoppedServerIsARetryableTransportError() {
            CentrifugoServer stopped = CentrifugoServer.builder().start();
            String apiUrl = stopped.apiUrl();
            stopped.close();
            try (CentrifugoPublisher toStopped = CentrifugoPublisher.builder()
                    .apiUrl(apiUrl)
                    .apiKey("any")
                    .retryPolicy(RetryPolicy.defaults().withMaxAttempts(2))
                    .build()) {
                assertThatThrownBy(() -> toStopped.info())
                        .isInstanceOfSatisfying(
                                CentrifugoTransportException.class,
                                ex -> assertThat(ex.isRetryable()).isTrue());
                assertThatThrownBy(() -> toStopped.presenceStatsAsync("chat:x").join())
                        .hasCauseInstanceOf(CentrifugoTransportException.class);
            }
        }
    }

    @Nested
    class Retries {

        /** Lets the first {@code failures} calls reach Centrifugo, then loses their answers. */
        private CentrifugoPublisher losingAnswers(int failures, AtomicInteger attempts, boolean autoKeys) {
            Interceptor loseAnswer = chain -> {
                Response response = chain.proceed(chain.request());
                if (attempts.incrementAndGet() <= failures) {
                    response.close();
                    throw new IOException("answer lost on the way back");
                }
                return response;
            };
            return CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey(centrifugo.apiKey())
                    .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(50), 2.0))
                    .autoIdempotencyKeys(autoKeys)
                    .customizeOkHttp(http -> http.addInterceptor(loseAnswer).retryOnConnectionFailure(false))
                    .build();
        }

        @Test
        void aPublicationWithAnIdempotencyKeyIsRetriedAndDeliveredOnce() {
            String channel = channel("chat");
            AtomicInteger attempts = new AtomicInteger();
            try (CentrifugoPublisher retrying = losingAnswers(2, attempts, false)) {
                retrying.publish(PublishRequest.of(channel, "once").withIdempotencyKey("retry-1"));
            }

            assertThat(attempts).hasValue(3);
            assertThat(publisher
                            .history(HistoryRequest.of(channel), String.class)
                            .data())
                    .containsExactly("once");
        }

        @Test
        void anAsyncPublicationWithAnIdempotencyKeyIsRetriedAndDeliveredOnce() {
            String channel = channel("chat");
            AtomicInteger attempts = new AtomicInteger();
            try (CentrifugoPublisher retrying = losingAnswers(1, attempts, false)) {
                retrying.publishAsync(PublishRequest.of(channel, "once").withIdempotencyKey("retry-2"))
                        .join();
            }

            assertThat(attempts).hasValue(2);
            assertThat(publisher.history(HistoryRequest.of(channel)).publications())
                    .hasSize(1);
        }

        @Test
        void aPublicationWithoutAnIdempotencyKeyIsNotRetried() {
            String channel = channel("chat");
            AtomicInteger attempts = new AtomicInteger();
            try (CentrifugoPublisher retrying = losingAnswers(1, attempts, false)) {
                assertThatThrownBy(() -> retrying.publish(channel, "maybe"))
                        .isInstanceOf(CentrifugoTransportException.class);
            }

            assertThat(attempts).hasValue(1);
        }

        @Test
        void automaticIdempotencyKeysMakeEveryPublicationRetriedAndDeliveredOnce() {
            String channel = channel("chat");
            AtomicInteger attempts = new AtomicInteger();
            try (CentrifugoPublisher retrying = losingAnswers(2, attempts, true)) {
                retrying.publish(channel, "once");
            }

            assertThat(attempts).hasValue(3);
            assertThat(publisher.history(HistoryRequest.of(channel)).publications())
                    .hasSize(1);
        }

        @Test
        void aReadIsRetried() {
            AtomicInteger attempts = new AtomicInteger();
            try (CentrifugoPublisher retrying = losingAnswers(1, attempts, false)) {
                assertThat(retrying.info()).hasSize(1);
            }

            assertThat(attempts).hasValue(2);
        }
    }

    @Nested
    class AutoBatchingOfPublications {

        @Test
        void tenThousandConcurrentPublicationsAllArrive() {
            List<String> channels =
                    IntStream.range(0, 10).mapToObj(i -> channel("bulk")).toList();
            try (CentrifugoPublisher batching = CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey(centrifugo.apiKey())
                    .autoBatching(AutoBatching.defaults())
                    .build()) {
                List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
                for (int i = 0; i < 10_000; i++) {
                    futures.add(batching.publishAsync(channels.get(i % 10), new Message("bulk", i)));
                }
                CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                        .join();
            }

            int total = channels.stream()
                    .mapToInt(c -> publisher
                            .history(HistoryRequest.of(c))
                            .publications()
                            .size())
                    .sum();
            assertThat(total).isEqualTo(10_000);
        }

        @Test
        void callersThatWaitSeeTheirPublicationsInOrderPerChannel() throws Exception {
            List<String> channels =
                    IntStream.range(0, 10).mapToObj(i -> channel("bulk")).toList();
            ExecutorService callers = Executors.newFixedThreadPool(channels.size());
            try (CentrifugoPublisher batching = CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey(centrifugo.apiKey())
                    .autoBatching(AutoBatching.defaults().withMaxBatchSize(50))
                    .build()) {
                List<Future<?>> done = new ArrayList<>();
                for (String channel : channels) {
                    done.add(callers.submit(() -> {
                        for (int n = 0; n < 300; n++) {
                            batching.publish(channel, new Message("ordered", n));
                        }
                    }));
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                callers.shutdownNow();
            }

            for (String channel : channels) {
                assertThat(publisher
                                .history(HistoryRequest.of(channel), Message.class)
                                .data())
                        .extracting(Message::n)
                        .containsExactlyElementsOf(
                                IntStream.range(0, 300).boxed().toList());
            }
        }

        @Test
        void aFailingPublicationInABatchFailsOnlyItsCaller() {
            String channel = channel("chat");
            try (CentrifugoPublisher batching = CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey(centrifugo.apiKey())
                    .autoBatching(AutoBatching.defaults().withLinger(Duration.ofMillis(50)))
                    .build()) {
                CompletableFuture<PublishResult> good = batching.publishAsync(channel, "ok");
                CompletableFuture<PublishResult> bad = batching.publishAsync("nowhere:x", "lost");

                assertThat(good.join().offset()).isEqualTo(1);
                assertThatThrownBy(bad::join).hasCauseInstanceOf(CentrifugoApiException.class);
            }
        }

        @Test
        void aFullQueueFailsAsyncCallersAtOnce() {
            try (CentrifugoPublisher batching = CentrifugoPublisher.builder()
                    .apiUrl(centrifugo.apiUrl())
                    .apiKey(centrifugo.apiKey())
                    .autoBatching(new AutoBatching(1, Duration.ZERO, 1, 1))
                    .build()) {
                List<CompletableFuture<PublishResult>> futures = new ArrayList<>();
                for (int i = 0; i < 200; i++) {
                    futures.add(batching.publishAsync(channel("chat"), "x"));
                }

                assertThat(futures)
                        .anySatisfy(future -> assertThatThrownBy(future::join)
                                .hasCauseInstanceOf(CentrifugoBackPressureException.class));
                futures.forEach(future -> future.exceptionally(error -> null).join());
            }
        }
    }
}
