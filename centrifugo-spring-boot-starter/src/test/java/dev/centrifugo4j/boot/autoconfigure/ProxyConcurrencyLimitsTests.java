package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.rpc.HandlerRegistrar;
import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.dispatch.Bulkhead;
import dev.centrifugo4j.dispatch.ChannelDispatcher;
import dev.centrifugo4j.dispatch.ConnectionDispatcher;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.rpc.WebSocketRpc;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The bulkheads of the proxy handlers: the default derived from the web server, and the properties. */
@ExtendWith(OutputCaptureExtension.class)
class ProxyConcurrencyLimitsTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    CentrifugoAutoConfiguration.class))
            .withUserConfiguration(LimitedHandlersConfiguration.class)
            .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes");

    /** Every bulkhead of the application as "proxy handler limit". */
    private static List<String> bulkheads(AssertableWebApplicationContext context) {
        List<Bulkhead> bulkheads = new ArrayList<>();
        bulkheads.addAll(context.getBean(RpcDispatcher.class).bulkheads());
        bulkheads.addAll(context.getBean(ChannelDispatcher.class).bulkheads());
        bulkheads.addAll(context.getBean(ConnectionDispatcher.class).bulkheads());
        return bulkheads.stream()
                .map((bulkhead) -> bulkhead.proxy() + " " + bulkhead.handler() + " " + bulkhead.limit())
                .toList();
    }

    /** Properties whose names hold colons, which withPropertyValues would take for the separator. */
    private WebApplicationContextRunner withProperties(String... namesAndValues) {
        java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            properties.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return this.runner.withInitializer((context) -> context.getEnvironment()
                .getPropertySources()
                .addFirst(new org.springframework.core.env.MapPropertySource("limits", properties)));
    }

    private static boolean virtualThreadsAvailable() {
        return Runtime.version().feature() >= 21;
    }

    /** The limit of all handlers together, or 0 when there is none. */
    private static int total(AssertableWebApplicationContext context) {
        Bulkhead total = context.getBean(HandlerRegistrar.class).settings().totalBulkhead();
        return (total != null) ? total.limit() : 0;
    }

    @Nested
    class ByDefault {

        @Test
        void eachHandlerMayHoldAQuarterOfTheRequestThreadsAndAllTogetherThreeQuarters(CapturedOutput output) {
            ProxyConcurrencyLimitsTests.this.runner.run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(bulkheads(context))
                        .containsExactlyInAnyOrder(
                                "rpc limits.slow 50",
                                "rpc limits.async 50",
                                "subscribe limits:{id} 50",
                                "publish limits:{id} 50",
                                "connect connect 50");
                assertThat(total(context)).isEqualTo(150);
                assertThat(output)
                        .contains("Proxy calls that may run at once: in all 150 (three quarters of the 200 request"
                                + " threads (server.tomcat.threads.max)), per handler 50 (a quarter of the 200"
                                + " request threads (server.tomcat.threads.max))");
            });
        }

        @Test
        void followsTheTomcatThreadPool() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("server.tomcat.threads.max=16")
                    .run((context) -> {
                        assertThat(bulkheads(context))
                                .containsExactlyInAnyOrder(
                                        "rpc limits.slow 4",
                                        "rpc limits.async 4",
                                        "subscribe limits:{id} 4",
                                        "publish limits:{id} 4",
                                        "connect connect 4");
                        assertThat(total(context)).isEqualTo(12);
                    });
        }

        @Test
        void isOneHandlerCallAndLessThanEveryThreadForATinyThreadPool() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("server.tomcat.threads.max=3")
                    .run((context) -> {
                        assertThat(bulkheads(context)).contains("rpc limits.slow 1");
                        assertThat(total(context)).isEqualTo(2);
                    });
        }

        @Test
        void countsAsForTwoHundredThreadsWithVirtualThreads(CapturedOutput output) {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("spring.threads.virtual.enabled=true", "server.tomcat.threads.max=16")
                    .run((context) -> {
                        if (virtualThreadsAvailable()) {
                            // Boot's default pool size, not the ignored threads.max.
                            assertThat(bulkheads(context)).contains("rpc limits.async 50");
                            assertThat(total(context)).isEqualTo(150);
                            assertThat(output)
                                    .contains("virtual threads: as for Boot's default of 200 request threads");
                        } else {
                            // Boot ignores the property before Java 21: platform threads, so their default.
                            assertThat(bulkheads(context)).contains("rpc limits.async 4");
                            assertThat(total(context)).isEqualTo(12);
                        }
                    });
        }
    }

    @Nested
    class Properties {

        @Test
        void setOneLimitForEveryHandlerAsynchronousOnesIncluded() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls-per-handler=8")
                    .run((context) -> assertThat(bulkheads(context))
                            .containsExactlyInAnyOrder(
                                    "rpc limits.slow 8",
                                    "rpc limits.async 8",
                                    "subscribe limits:{id} 8",
                                    "publish limits:{id} 8",
                                    "connect connect 8"));
        }

        @Test
        void setTheLimitOfAllHandlersTogether(CapturedOutput output) {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls=10")
                    .run((context) -> {
                        assertThat(total(context)).isEqualTo(10);
                        assertThat(bulkheads(context)).contains("rpc limits.slow 50");
                        assertThat(output).contains("in all 10 (centrifugo.proxy.concurrency.max-calls)");
                    });
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls=0")
                    .run((context) -> assertThat(context.getBean(HandlerRegistrar.class)
                                    .settings()
                                    .totalBulkhead())
                            .isNull());
        }

        @Test
        void aNegativeLimitOfAllHandlersStopsTheStart() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls=-5")
                    .run((context) -> assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(InvalidCentrifugoPropertyException.class)
                            .hasMessage("Invalid centrifugo.proxy.concurrency.max-calls: it is negative (-5)"));
        }

        @Test
        void setTheLimitOfSingleHandlersOverTheOthers() {
            withProperties(
                            "centrifugo.proxy.concurrency.max-calls-per-handler", "0",
                            "centrifugo.proxy.concurrency.rpc[limits.async]", "2",
                            "centrifugo.proxy.concurrency.subscribe[limits:{id}]", "3",
                            "centrifugo.proxy.concurrency.connect", "5")
                    .run((context) -> assertThat(bulkheads(context))
                            .containsExactlyInAnyOrder(
                                    "rpc limits.async 2", "subscribe limits:{id} 3", "connect connect 5"));
        }

        @Test
        void canTurnOffTheLimitOfOneHandler() {
            withProperties(
                            "centrifugo.proxy.concurrency.rpc[limits.slow]", "0",
                            "centrifugo.proxy.concurrency.publish[limits:{id}]", "0")
                    .run((context) -> assertThat(bulkheads(context))
                            .containsExactlyInAnyOrder(
                                    "rpc limits.async 50", "subscribe limits:{id} 50", "connect connect 50"));
        }

        @Test
        void aHandlerNameThatNamesNoHandlerStopsTheStart() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.rpc[limits.slwo]=2")
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .isInstanceOf(InvalidCentrifugoPropertyException.class)
                                .hasMessage("Invalid centrifugo.proxy.concurrency.rpc: it names [limits.slwo], but no"
                                        + " such handler exists");
                    });
            withProperties("centrifugo.proxy.concurrency.sub-refresh[limits:{id}]", "2")
                    .run((context) -> assertThat(context.getStartupFailure())
                            .rootCause()
                            .hasMessageContaining("centrifugo.proxy.concurrency.sub-refresh: it names [limits:{id}]"));
        }

        @Test
        void aNegativeLimitStopsTheStart() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls-per-handler=-1")
                    .run((context) -> assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(InvalidCentrifugoPropertyException.class)
                            .hasMessage("Invalid centrifugo.proxy.concurrency.max-calls-per-handler: it is negative"
                                    + " (-1)"));
        }

        @Test
        void giveWayToTheApplicationsOwnLimits() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withBean(ConcurrencyLimits.class, () -> (proxy, handler, async) -> "rpc".equals(proxy) ? 7 : 0)
                    .run((context) -> assertThat(bulkheads(context))
                            .containsExactlyInAnyOrder("rpc limits.slow 7", "rpc limits.async 7"));
        }
    }

    @Nested
    class Metrics {

        @Test
        void countRejectionsAndShowTheCallsRunningAndTheLimitPerHandler() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls-per-handler=1")
                    .run((context) -> {
                        SimpleMeterRegistry registry = new SimpleMeterRegistry();
                        context.getBean("centrifugoProxyBulkheadMetrics", MeterBinder.class)
                                .bindTo(registry);
                        Bulkhead slow = context.getBean(RpcDispatcher.class).bulkheads().stream()
                                .filter((bulkhead) -> "limits.slow".equals(bulkhead.handler()))
                                .findFirst()
                                .orElseThrow();
                        assertThat(slow.tryEnter()).isTrue();
                        assertThat(slow.tryEnter()).isFalse();
                        assertThat(slow.tryEnter()).isFalse();

                        String[] rpcTags = {"proxy", "rpc", "method", "limits.slow", "pattern", "none"};
                        assertThat(registry.get("centrifugo4j.proxy.rejected")
                                        .tags(rpcTags)
                                        .functionCounter()
                                        .count())
                                .isEqualTo(2);
                        assertThat(registry.get("centrifugo4j.proxy.active")
                                        .tags(rpcTags)
                                        .gauge()
                                        .value())
                                .isEqualTo(1);
                        assertThat(registry.get("centrifugo4j.proxy.limit")
                                        .tags(rpcTags)
                                        .gauge()
                                        .value())
                                .isEqualTo(1);
                        slow.exit();
                        assertThat(registry.get("centrifugo4j.proxy.active")
                                        .tags(rpcTags)
                                        .gauge()
                                        .value())
                                .isZero();
                        assertThat(registry.get("centrifugo4j.proxy.rejected")
                                        .tags("proxy", "subscribe", "method", "none", "pattern", "limits:{id}")
                                        .functionCounter()
                                        .count())
                                .isZero();
                        assertThat(registry.get("centrifugo4j.proxy.limit")
                                        .tags("proxy", "connect", "method", "none", "pattern", "none")
                                        .gauge()
                                        .value())
                                .isEqualTo(1);
                    });
        }
    }

    @Nested
    class TotalMetrics {

        @Test
        void showTheCallsOfAllHandlersRunningTheLimitAndTheRefusals() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls=2")
                    .run((context) -> {
                        SimpleMeterRegistry registry = new SimpleMeterRegistry();
                        context.getBean("centrifugoProxyTotalBulkheadMetrics", MeterBinder.class)
                                .bindTo(registry);
                        Bulkhead total = context.getBean(HandlerRegistrar.class)
                                .settings()
                                .totalBulkhead();
                        assertThat(total.tryEnter()).isTrue();
                        assertThat(total.tryEnter()).isTrue();
                        assertThat(total.tryEnter()).isFalse();

                        assertThat(registry.get("centrifugo4j.proxy.total.active")
                                        .gauge()
                                        .value())
                                .isEqualTo(2);
                        assertThat(registry.get("centrifugo4j.proxy.total.limit")
                                        .gauge()
                                        .value())
                                .isEqualTo(2);
                        assertThat(registry.get("centrifugo4j.proxy.total.rejected")
                                        .functionCounter()
                                        .count())
                                .isEqualTo(1);
                        total.exit();
                        total.exit();
                    });
        }

        @Test
        void areLeftOutWithoutALimit() {
            ProxyConcurrencyLimitsTests.this
                    .runner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls=0")
                    .run((context) -> {
                        SimpleMeterRegistry registry = new SimpleMeterRegistry();
                        context.getBean("centrifugoProxyTotalBulkheadMetrics", MeterBinder.class)
                                .bindTo(registry);
                        assertThat(registry.find("centrifugo4j.proxy.total.limit")
                                        .gauge())
                                .isNull();
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class LimitedHandlersConfiguration {

        @Bean
        LimitedHandlers limitedHandlers() {
            return new LimitedHandlers();
        }

        @Bean
        ConnectHandler limitedConnectHandler() {
            return (context) -> ConnectResult.accept("42");
        }
    }

    static class LimitedHandlers {

        @WebSocketRpc("limits.slow")
        String slow() {
            return "slow";
        }

        @WebSocketRpc("limits.async")
        CompletionStage<String> async() {
            return CompletableFuture.completedFuture("async");
        }

        @OnSubscribe("limits:{id}")
        boolean subscribe(ChannelContext context) {
            return true;
        }

        @OnPublish("limits:{id}")
        boolean publish(ChannelContext context) {
            return true;
        }
    }
}
