package dev.centrifugo4j.boot.health;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.NodeInfo;
import java.util.List;
import java.util.TreeSet;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Whether Centrifugo's HTTP API answers: up with the number of nodes and their versions when the
 * {@code info} call succeeds, down with the failure otherwise. Registered as {@code centrifugo}, in a
 * health group of its own ({@code /actuator/health/centrifugo-api}) so that an outage of Centrifugo does
 * not take the application's liveness down.
 */
public final class CentrifugoHealthIndicator extends AbstractHealthIndicator {

    private final CentrifugoPublisher publisher;

    /**
     * Creates the indicator.
     *
     * @param publisher the client of Centrifugo's HTTP API
     */
    public CentrifugoHealthIndicator(CentrifugoPublisher publisher) {
        super("Centrifugo health check failed");
        this.publisher = publisher;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<NodeInfo> nodes = this.publisher.info();
        TreeSet<String> versions = new TreeSet<>();
        for (NodeInfo node : nodes) {
            versions.add(node.version());
        }
        builder.up().withDetail("nodes", nodes.size()).withDetail("versions", List.copyOf(versions));
    }
}
