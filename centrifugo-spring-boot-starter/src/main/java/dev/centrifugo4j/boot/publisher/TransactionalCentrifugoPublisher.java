package dev.centrifugo4j.boot.publisher;

import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.PublishRequest;
import dev.centrifugo4j.api.PublishResult;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes when the current transaction commits, so that clients never hear of changes that were
 * rolled back. Outside a transaction it publishes at once.
 *
 * <pre>{@code
 * @Transactional
 * void ship(Order order) {
 *     orders.markShipped(order);
 *     publisher.publishAfterCommit("orders:" + order.customerId(), new OrderShipped(order.id()));
 * }
 * }</pre>
 *
 * <p>The returned future completes with the publication's result after the commit, fails with the
 * publisher's exception, or is cancelled when the transaction rolls back. Failures that nobody
 * looks at are logged.
 */
public final class TransactionalCentrifugoPublisher {

    private static final Logger logger = LoggerFactory.getLogger(TransactionalCentrifugoPublisher.class);

    private final CentrifugoPublisher publisher;

    public TransactionalCentrifugoPublisher(CentrifugoPublisher publisher) {
        this.publisher = publisher;
    }

    /** Publishes {@code data} into {@code channel} once the current transaction commits. */
    public CompletableFuture<PublishResult> publishAfterCommit(String channel, Object data) {
        return publishAfterCommit(PublishRequest.of(channel, data));
    }

    /** Publishes the request once the current transaction commits. */
    public CompletableFuture<PublishResult> publishAfterCommit(PublishRequest request) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return logged(this.publisher.publishAsync(request), request);
        }
        CompletableFuture<PublishResult> result = new CompletableFuture<>();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCompletion(int status) {
                if (status != STATUS_COMMITTED) {
                    result.cancel(false);
                    return;
                }
                logged(publisher.publishAsync(request), request).whenComplete((published, error) -> {
                    if (error != null) {
                        result.completeExceptionally(error);
                    } else {
                        result.complete(published);
                    }
                });
            }
        });
        return result;
    }

    private static CompletableFuture<PublishResult> logged(
            CompletableFuture<PublishResult> future, PublishRequest request) {
        return future.whenComplete((published, error) -> {
            if (error != null) {
                logger.warn("Publication into '{}' after commit failed: {}", request.channel(), error.toString());
            }
        });
    }
}
