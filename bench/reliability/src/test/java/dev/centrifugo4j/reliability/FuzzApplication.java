package dev.centrifugo4j.reliability;

import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelVariable;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubRefreshResult;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.connect.RefreshResult;
import dev.centrifugo4j.rpc.DisconnectException;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.rpc.WebSocketRpc;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * An application with handlers on every proxy, of every shape the library supports: validated nested
 * records, scalars, collections, asynchronous, failing, disconnecting and unserializable results. The
 * fuzz tests throw generated bodies at it over real HTTP.
 */
@Configuration(proxyBeanMethods = false)
@EnableAutoConfiguration
class FuzzApplication {

    /** Text that a failing handler puts into its exception: must never reach the wire. */
    static final String SECRET_DETAIL = "SECRET-DETAIL-7f3a";

    /** How many times any handler of this application ran (the secret tests expect none). */
    static final AtomicLong invocations = new AtomicLong();

    @Bean
    FuzzHandlers fuzzHandlers() {
        return new FuzzHandlers();
    }

    @Bean
    FuzzChannels fuzzChannels() {
        return new FuzzChannels();
    }

    @Bean
    ConnectHandler fuzzConnectHandler() {
        return (context) -> {
            invocations.incrementAndGet();
            if ("deny".equals(context.name())) {
                return ConnectResult.deny(403, "denied");
            }
            if ("boom".equals(context.name())) {
                throw new IllegalStateException(SECRET_DETAIL);
            }
            if ("bye".equals(context.name())) {
                return ConnectResult.disconnect(4501, "go away");
            }
            return ConnectResult.accept(context.user().isEmpty() ? "anonymous-user" : context.user())
                    .withInfo(context.data())
                    .withChannels(context.channels());
        };
    }

    @Bean
    RefreshHandler fuzzRefreshHandler() {
        return (context) -> {
            invocations.incrementAndGet();
            if (context.user().startsWith("boom")) {
                throw new IllegalStateException(SECRET_DETAIL);
            }
            return context.user().isEmpty()
                    ? RefreshResult.expired()
                    : RefreshResult.extendUntil(Instant.now().plusSeconds(60));
        };
    }

    enum Level {
        LOW,
        HIGH
    }

    record Address(
            @NotBlank @Size(max = 100) String city,
            @Pattern(regexp = "[0-9]{5}") String zip) {}

    record Order(
            @NotBlank @Size(max = 64) String id,
            @Min(1) @Max(1000) int quantity,
            @NotNull Level level,
            @Valid @Size(max = 10) List<Address> addresses,
            Map<String, Integer> tags,
            @DecimalMin("0") BigDecimal price,
            Instant at,
            UUID ref,
            boolean urgent,
            double weight) {}

    record Message(
            @NotBlank @Size(max = 500) String text, @Min(0) long sequence) {}

    /** Jackson cannot write this: its getter throws. */
    static final class Unwritable {

        public String getValue() {
            throw new IllegalStateException(SECRET_DETAIL);
        }
    }

    static class FuzzHandlers {

        @WebSocketRpc("fuzz.ping")
        String ping() {
            invocations.incrementAndGet();
            return "pong";
        }

        @WebSocketRpc("fuzz.order")
        Order order(RpcContext context, @Valid Order order) {
            invocations.incrementAndGet();
            return order;
        }

        @WebSocketRpc("fuzz.nullable")
        String nullable(@Nullable @Valid Order order) {
            invocations.incrementAndGet();
            return (order != null) ? order.id() : "none";
        }

        @WebSocketRpc("fuzz.text")
        int text(String text) {
            invocations.incrementAndGet();
            return text.length();
        }

        @WebSocketRpc("fuzz.numbers")
        long numbers(List<Long> numbers) {
            invocations.incrementAndGet();
            return numbers.stream()
                    .filter((n) -> n != null)
                    .mapToLong(Long::longValue)
                    .sum();
        }

        @WebSocketRpc("fuzz.map")
        int map(Map<String, Object> values) {
            invocations.incrementAndGet();
            return values.size();
        }

        private static final java.util.concurrent.ExecutorService WORKERS =
                java.util.concurrent.Executors.newFixedThreadPool(4, runnable -> {
                    Thread thread = new Thread(runnable, "fuzz-async");
                    thread.setDaemon(true);
                    return thread;
                });

        @WebSocketRpc("fuzz.async")
        CompletionStage<String> async(@Valid Message message) {
            invocations.incrementAndGet();
            // An executor of the app's own, not the common pool: on 2 cores the common pool has one
            // worker, which anything blocking there (the load test's client used to) starves.
            return CompletableFuture.supplyAsync(() -> message.text().toUpperCase(), WORKERS);
        }

        @WebSocketRpc("fuzz.asyncFail")
        CompletionStage<String> asyncFail(RpcContext context) {
            invocations.incrementAndGet();
            return CompletableFuture.failedFuture(new IllegalStateException(SECRET_DETAIL));
        }

        @WebSocketRpc("fuzz.fail")
        String fail(RpcContext context) {
            invocations.incrementAndGet();
            throw new IllegalStateException(SECRET_DETAIL);
        }

        @WebSocketRpc("fuzz.reject")
        String reject(@Valid Message message) {
            invocations.incrementAndGet();
            throw new RpcException(1001, "rejected " + message.sequence());
        }

        @WebSocketRpc("fuzz.disconnect")
        void disconnect(RpcContext context) {
            invocations.incrementAndGet();
            throw new DisconnectException(4501, "bye");
        }

        @WebSocketRpc("fuzz.unwritable")
        Unwritable unwritable() {
            invocations.incrementAndGet();
            return new Unwritable();
        }

        @WebSocketRpc("admin:fuzz.ban")
        boolean ban(RpcContext context, @Valid Message message) {
            invocations.incrementAndGet();
            return !context.user().isEmpty();
        }
    }

    static class FuzzChannels {

        @OnSubscribe("room:{roomId}")
        SubscribeResult join(ChannelContext context, @ChannelVariable long roomId) {
            invocations.incrementAndGet();
            return (roomId % 2 == 0)
                    ? SubscribeResult.allow().withInfo(Map.of("room", roomId))
                    : SubscribeResult.deny();
        }

        @OnSubscribe("user:{name}")
        boolean personal(ChannelContext context, @ChannelVariable String name) {
            invocations.incrementAndGet();
            return name.equals(context.user());
        }

        @OnSubscribe("level:{level}:{id}")
        SubscribeResult level(@ChannelVariable Level level, @ChannelVariable UUID id) {
            invocations.incrementAndGet();
            return (level == Level.HIGH) ? SubscribeResult.deny(403, "high") : SubscribeResult.allow();
        }

        @OnSubscribe("boom:{what}")
        SubscribeResult boom(@ChannelVariable String what) {
            invocations.incrementAndGet();
            throw new IllegalStateException(SECRET_DETAIL + what);
        }

        @OnPublish("room:{roomId}")
        PublishDecision publish(ChannelContext context, @ChannelVariable long roomId, @Valid Message message) {
            invocations.incrementAndGet();
            return PublishDecision.replaceWith(new Message(message.text().strip() + "!", message.sequence()));
        }

        @OnPublish("orders:{region}")
        PublishDecision order(@ChannelVariable String region, @Valid Order order) {
            invocations.incrementAndGet();
            return PublishDecision.allow();
        }

        @OnSubRefresh("room:{roomId}")
        SubRefreshResult refresh(ChannelContext context, @ChannelVariable long roomId) {
            invocations.incrementAndGet();
            return (roomId > 1000)
                    ? SubRefreshResult.expired()
                    : SubRefreshResult.extendUntil(Instant.now().plusSeconds(60));
        }
    }
}
