package dev.centrifugo4j.testcontainers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.CentrifugoUnauthorizedException;
import dev.centrifugo4j.api.HistoryRequest;
import dev.centrifugo4j.api.NodeInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;

/** The container, started: its API key, namespaces and Redis engine work as configured. */
@RequiresDocker
@Testcontainers
class CentrifugoContainerTests {

    @Container
    static final CentrifugoContainer centrifugo = new CentrifugoContainer()
            .withNamespace(
                    "chat", Map.of("history_size", 5, "history_ttl", "60s", "allow_history_for_subscriber", true));

    private static CentrifugoPublisher publisher(CentrifugoContainer container, String apiKey) {
        return CentrifugoPublisher.builder()
                .apiUrl(container.getApiUrl())
                .apiKey(apiKey)
                .build();
    }

    @Test
    void servesTheApiWithItsKeyAndKeepsTheHistoryOfItsNamespaces() {
        try (CentrifugoPublisher publisher = publisher(centrifugo, centrifugo.getApiKey())) {
            publisher.publish("chat:lobby", Map.of("text", "hello"));
            assertThat(publisher
                            .history(HistoryRequest.of("chat:lobby"), Map.class)
                            .data())
                    .containsExactly(Map.of("text", "hello"));
        }
    }

    @Test
    void refusesAnotherApiKey() {
        try (CentrifugoPublisher publisher = publisher(centrifugo, "not-" + centrifugo.getApiKey())) {
            assertThatThrownBy(publisher::info).isInstanceOf(CentrifugoUnauthorizedException.class);
        }
    }

    @Test
    void formsAClusterWithAnotherNodeOnTheSameRedis() {
        try (Network network = Network.newNetwork();
                GenericContainer<?> redis = new GenericContainer<>(redisImage())
                        .withNetwork(network)
                        .withNetworkAliases("redis")
                        .withExposedPorts(6379)
                        .waitingFor(Wait.forListeningPort());
                CentrifugoContainer one = node(network);
                CentrifugoContainer two = node(network)) {
            redis.start();
            one.start();
            two.start();
            try (CentrifugoPublisher toOne = publisher(one, one.getApiKey());
                    CentrifugoPublisher toTwo = publisher(two, two.getApiKey())) {
                toOne.publish("crossing", Map.of("through", "redis"));
                // History lives in Redis, and each node sees the other: Centrifugo's info lists the cluster.
                assertThat(toTwo.history(HistoryRequest.of("crossing"), Map.class)
                                .data())
                        .containsExactly(Map.of("through", "redis"));
                awaitNodes(toTwo, 2);
            }
        }
    }

    private static CentrifugoContainer node(Network network) {
        return new CentrifugoContainer().withNetwork(network).withRedisEngine("redis://redis:6379");
    }

    /** Nodes announce themselves every few seconds. */
    private static void awaitNodes(CentrifugoPublisher publisher, int expected) {
        long deadline = System.nanoTime() + 15_000_000_000L;
        List<NodeInfo> nodes = publisher.info();
        while (nodes.size() < expected && System.nanoTime() < deadline) {
            sleep();
            nodes = publisher.info();
        }
        assertThat(nodes).hasSize(expected);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** The Redis image: REDIS_IMAGE (one built locally, say), else the upstream one. */
    private static DockerImageName redisImage() {
        String configured = System.getenv("REDIS_IMAGE");
        return DockerImageName.parse((configured != null && !configured.isBlank()) ? configured : "redis:7.4-alpine")
                .asCompatibleSubstituteFor("redis");
    }
}
