package dev.centrifugo4j.boot.publisher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.centrifugo4j.api.CentrifugoApiException;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.HistoryRequest;
import dev.centrifugo4j.api.PublishResult;
import dev.centrifugo4j.test.CentrifugoServer;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every API call of the publisher is observed; calls go to a real Centrifugo. */
@SpringBootTest(
        classes = PublisherObservationTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {
            "centrifugo.publisher.auto-batching.enabled=true",
            "centrifugo.publisher.auto-batching.linger=20ms"
        })
class PublisherObservationTests {

    private static CentrifugoServer centrifugo;

    @Autowired
    private CentrifugoPublisher publisher;

    @Autowired
    private SimpleMeterRegistry meters;

    @BeforeAll
    static void startCentrifugo() {
        centrifugo = CentrifugoServer.builder().start();
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    @DynamicPropertySource
    static void centrifugo(DynamicPropertyRegistry registry) {
        registry.add("centrifugo.api-url", centrifugo::apiUrl);
        registry.add("centrifugo.api-key", centrifugo::apiKey);
    }

    // No meters.clear(): it would drop the queue gauge; each test uses methods the others do not.

    private Timer timer(String... tags) {
        return this.meters
                .get(DefaultCentrifugoApiObservationConvention.NAME)
                .tags(Tags.of(tags))
                .timer();
    }

    @Test
    void aSuccessfulCallIsTimedUnderItsMethod() {
        this.publisher.presenceStats("c-" + UUID.randomUUID());

        assertThat(timer("method", "presence_stats", "outcome", "success", "code", "none", "retries", "0")
                        .count())
                .isEqualTo(1);
    }

    @Test
    void anErrorOfCentrifugoIsTimedWithItsCode() {
        assertThatThrownBy(() -> this.publisher.history(HistoryRequest.of("unknown-namespace:x")))
                .isInstanceOf(CentrifugoApiException.class);

        assertThat(timer("method", "history", "outcome", "error", "code", "102").count())
                .isEqualTo(1);
    }

    @Test
    void autoBatchedPublicationsAreTimedAsBatchesWithTheirSizes() {
        String channel = "c-" + UUID.randomUUID();
        List<CompletableFuture<PublishResult>> sent = IntStream.range(0, 50)
                .mapToObj(i -> this.publisher.publishAsync(channel, Map.of("n", i)))
                .toList();
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();

        Timer batches = timer("method", "batch", "outcome", "success");
        DistributionSummary sizes = this.meters
                .get(CentrifugoPublisherMetrics.BATCH_SIZE)
                .tag("auto", "true")
                .summary();
        assertThat(sizes.count()).isEqualTo(batches.count()).isPositive();
        assertThat(sizes.totalAmount()).isEqualTo(50);
        assertThat(this.meters
                        .get(CentrifugoPublisherMetrics.QUEUE_SIZE)
                        .gauge()
                        .value())
                .isZero();
        assertThat(sent).allMatch(future -> future.join().offset() > 0);
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
