package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.api.CentrifugoBackPressureException;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.HistoryRequest;
import dev.centrifugo4j.api.PublishResult;
import dev.centrifugo4j.boot.publisher.TransactionalCentrifugoPublisher;
import dev.centrifugo4j.test.CentrifugoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

class CentrifugoPublisherAutoConfigurationTests {

    private static final AutoConfigurations AUTO_CONFIGURATIONS =
            AutoConfigurations.of(JacksonAutoConfiguration.class, CentrifugoPublisherAutoConfiguration.class);

    private static CentrifugoServer centrifugo;

    private ApplicationContextRunner runner;

    @BeforeAll
    static void startCentrifugo() {
        centrifugo = CentrifugoServer.builder().start();
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    CentrifugoPublisherAutoConfigurationTests() {
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AUTO_CONFIGURATIONS)
                .withPropertyValues(
                        "centrifugo.api-url=" + centrifugo.apiUrl(), "centrifugo.api-key=" + centrifugo.apiKey());
    }

    record Greeting(String userName) {}

    private static String channel() {
        return "c-" + UUID.randomUUID();
    }

    @Nested
    class Publisher {

        @Test
        void isConfiguredFromTheApiUrlAndKeyAndPublishesToCentrifugo() {
            runner.run(context -> {
                CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                String channel = channel();

                publisher.publish(channel, Map.of("hello", "spring"));

                assertThat(publisher
                                .history(HistoryRequest.of(channel), Map.class)
                                .data())
                        .containsExactly(Map.of("hello", "spring"));
            });
        }

        @Test
        void writesPayloadsWithTheApplicationsJsonMapper() {
            runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                    .run(context -> {
                        CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                        String channel = channel();

                        publisher.publish(channel, new Greeting("Alice"));

                        assertThat(publisher
                                        .history(HistoryRequest.of(channel))
                                        .data()
                                        .get(0)
                                        .has("user_name"))
                                .isTrue();
                        assertThat(publisher
                                        .history(HistoryRequest.of(channel), Greeting.class)
                                        .data())
                                .containsExactly(new Greeting("Alice"));
                    });
        }

        @Test
        void appliesOkHttpCustomizers() {
            AtomicInteger calls = new AtomicInteger();
            runner.withBean(
                            CentrifugoOkHttpClientCustomizer.class,
                            () -> http -> http.addInterceptor(chain -> {
                                calls.incrementAndGet();
                                return chain.proceed(chain.request());
                            }))
                    .run(context -> {
                        context.getBean(CentrifugoPublisher.class).info();

                        assertThat(calls).hasValue(1);
                    });
        }

        @Test
        void appliesPublisherCustomizers() {
            runner.withBean(CentrifugoPublisherCustomizer.class, () -> builder -> builder.apiKey("wrong"))
                    .run(context -> assertThat(context.getBean(CentrifugoPublisher.class)
                                    .infoAsync()
                                    .handle((nodes, error) -> error)
                                    .join())
                            .hasCauseInstanceOf(dev.centrifugo4j.api.CentrifugoUnauthorizedException.class));
        }

        @Test
        void backsOffWhenTheApplicationDefinesItsOwn() {
            CentrifugoPublisher own = CentrifugoPublisher.builder()
                    .apiUrl("http://127.0.0.1:1/api")
                    .build();
            runner.withBean(CentrifugoPublisher.class, () -> own)
                    .run(context -> assertThat(context.getBean(CentrifugoPublisher.class))
                            .isSameAs(own));
        }

        @Test
        void asynchronousCallsAreBoundedByTheConcurrentAndQueuedLimits() {
            CountDownLatch release = new CountDownLatch(1);
            runner.withPropertyValues(
                            "centrifugo.publisher.max-concurrent-requests=1",
                            "centrifugo.publisher.max-queued-requests=1")
                    .withBean(
                            CentrifugoOkHttpClientCustomizer.class,
                            () -> http -> http.addInterceptor(chain -> {
                                try {
                                    release.await(10, TimeUnit.SECONDS); // a Centrifugo that does not answer yet
                                } catch (InterruptedException ex) {
                                    Thread.currentThread().interrupt();
                                }
                                return chain.proceed(chain.request());
                            }))
                    .run(context -> {
                        CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                        String channel = channel();
                        CompletableFuture<PublishResult> onItsWay = publisher.publishAsync(channel, 1);
                        CompletableFuture<PublishResult> waiting = publisher.publishAsync(channel, 2);

                        assertThat(publisher.publishAsync(channel, 3))
                                .failsWithin(Duration.ZERO)
                                .withThrowableThat()
                                .havingCause()
                                .isInstanceOf(CentrifugoBackPressureException.class);
                        release.countDown();
                        assertThat(List.of(onItsWay.join(), waiting.join())).hasSize(2);
                    });
        }

        @Test
        void autoBatchingIsEnabledByAProperty() {
            List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
            runner.withPropertyValues("centrifugo.publisher.auto-batching.enabled=true")
                    .withBean(
                            CentrifugoOkHttpClientCustomizer.class,
                            () -> http -> http.addInterceptor(chain -> {
                                paths.add(chain.request().url().encodedPath());
                                return chain.proceed(chain.request());
                            }))
                    .run(context -> {
                        CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                        String channel = channel();
                        List<CompletableFuture<PublishResult>> futures = IntStream.range(0, 100)
                                .mapToObj(i -> publisher.publishAsync(channel, i))
                                .toList();
                        futures.forEach(CompletableFuture::join);

                        assertThat(paths).isNotEmpty().allMatch(path -> path.endsWith("/batch"));
                        assertThat(publisher
                                        .history(HistoryRequest.of(channel).withLimit(0))
                                        .offset())
                                .isEqualTo(100);
                    });
        }
    }

    @Nested
    class PublishAfterCommit {

        private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactionManager());

        @Test
        void aPublicationInsideATransactionGoesOutOnlyWhenItCommits() {
            runner.run(context -> {
                TransactionalCentrifugoPublisher publisher = context.getBean(TransactionalCentrifugoPublisher.class);
                CentrifugoPublisher direct = context.getBean(CentrifugoPublisher.class);
                String channel = channel();

                CompletableFuture<PublishResult> result = transactions.execute(status -> {
                    CompletableFuture<PublishResult> future = publisher.publishAfterCommit(channel, "committed");
                    assertThat(direct.history(HistoryRequest.of(channel)).publications())
                            .isEmpty();
                    return future;
                });

                assertThat(result.join().offset()).isEqualTo(1);
                assertThat(direct.history(HistoryRequest.of(channel), String.class)
                                .data())
                        .containsExactly("committed");
            });
        }

        @Test
        void aPublicationInsideARolledBackTransactionNeverGoesOut() {
            runner.run(context -> {
                TransactionalCentrifugoPublisher publisher = context.getBean(TransactionalCentrifugoPublisher.class);
                String channel = channel();

                CompletableFuture<PublishResult> result = transactions.execute(status -> {
                    status.setRollbackOnly();
                    return publisher.publishAfterCommit(channel, "rolled back");
                });

                assertThat(result).isCancelled();
                assertThat(context.getBean(CentrifugoPublisher.class)
                                .history(HistoryRequest.of(channel))
                                .publications())
                        .isEmpty();
            });
        }

        @Test
        void outsideATransactionItPublishesAtOnce() {
            runner.run(context -> {
                assertThat(TransactionSynchronizationManager.isSynchronizationActive())
                        .isFalse();
                String channel = channel();

                context.getBean(TransactionalCentrifugoPublisher.class)
                        .publishAfterCommit(channel, "now")
                        .join();

                assertThat(context.getBean(CentrifugoPublisher.class)
                                .history(HistoryRequest.of(channel))
                                .publications())
                        .hasSize(1);
            });
        }

        @Test
        void isLeftOutWithoutSpringTransactions() {
            runner.withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class))
                    .run(context -> assertThat(context).doesNotHaveBean(TransactionalCentrifugoPublisher.class));
        }
    }

    /** A transaction manager without a resource: enough to drive transaction synchronization. */
    static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
