package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.proxy.ProxyFilter;
import dev.centrifugo4j.boot.proxy.ProxyWebFilter;
import dev.centrifugo4j.boot.rpc.HandlerRegistrar;
import dev.centrifugo4j.boot.security.CentrifugoReactiveProxySecurityCustomizer;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.rpc.WebSocketRpc;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;

/** Which proxy endpoints each kind of application gets: a servlet filter, a WebFlux web filter, or a start-up failure. */
@ExtendWith(OutputCaptureExtension.class)
class WebStacksTests {

    private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
            JacksonAutoConfiguration.class, ValidationAutoConfiguration.class, CentrifugoAutoConfiguration.class);

    private static final String SECRET = "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes";

    private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
            .withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(SECRET);

    private final WebApplicationContextRunner servletRunner = new WebApplicationContextRunner()
            .withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(SECRET);

    private final ApplicationContextRunner plainRunner = new ApplicationContextRunner()
            .withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(SECRET);

    @Nested
    class Reactive {

        @Test
        void servesTheProxiesWithAWebFilterAndRunsBlockingHandlersOnThreadsOfTheirOwn() {
            WebStacksTests.this.reactiveRunner.run((context) -> {
                assertThat(context).hasSingleBean(ProxyWebFilter.class);
                assertThat(context).doesNotHaveBean(FilterRegistrationBean.class);
                assertThat(context.getBean(ProxyWebFilter.class).paths()).containsEntry("/centrifugo/rpc/", "rpc");
                Executor executor =
                        context.getBean(HandlerRegistrar.class).settings().blockingHandlerExecutor();
                assertThat(executor).isNotNull();
                assertThat(executor.toString()).isEqualTo("centrifugo-handler threads (at most 200)");
            });
        }

        @Test
        void hasAThreadForEveryCallTheLimitsAdmitAndCountsTheDefaultLimitsOnTheThreads(CapturedOutput output) {
            WebStacksTests.this
                    .reactiveRunner
                    .withPropertyValues("centrifugo.proxy.concurrency.max-calls=300")
                    .run((context) -> {
                        assertThat(context.getBean(HandlerRegistrar.class)
                                        .settings()
                                        .blockingHandlerExecutor())
                                .hasToString("centrifugo-handler threads (at most 300)");
                        assertThat(context.getBean(ConcurrencyLimits.class).maxConcurrentCalls("rpc", "x", false))
                                .isEqualTo(50);
                    });
            WebStacksTests.this.reactiveRunner.run((context) -> assertThat(output)
                    .contains("Proxy calls that may run at once: in all 150 (three quarters of the 200 threads"
                            + " that run synchronous handlers on WebFlux), per handler 50"));
        }

        @Test
        void takesTheApplicationsExecutorForBlockingHandlers() {
            Executor own = Runnable::run;
            WebStacksTests.this
                    .reactiveRunner
                    .withBean("centrifugoBlockingHandlerExecutor", Executor.class, () -> own)
                    .run((context) -> assertThat(context.getBean(HandlerRegistrar.class)
                                    .settings()
                                    .blockingHandlerExecutor())
                            .isSameAs(own));
        }

        @Test
        void startsWithoutSpringMvcOnTheClassPath() {
            WebStacksTests.this
                    .reactiveRunner
                    .withClassLoader(new FilteredClassLoader("org.springframework.web.servlet", "jakarta.servlet"))
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).hasSingleBean(ProxyWebFilter.class);
                    });
        }
    }

    @Nested
    class Servlet {

        @Test
        void servesTheProxiesWithAFilterAndRunsHandlersOnTheRequestThread() {
            WebStacksTests.this.servletRunner.run((context) -> {
                assertThat(context).doesNotHaveBean(ProxyWebFilter.class);
                assertThat(context.getBean(FilterRegistrationBean.class).getFilter())
                        .isInstanceOf(ProxyFilter.class);
                assertThat(context.getBean(HandlerRegistrar.class).settings().blockingHandlerExecutor())
                        .isNull();
            });
        }
    }

    @Nested
    class NoWebServer {

        @Test
        void failsTheStartOfAnApplicationWithHandlersNamingThem() {
            WebStacksTests.this
                    .plainRunner
                    .withUserConfiguration(Handlers.class)
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .isInstanceOf(ProxyEndpointsWithoutWebServerException.class)
                                .hasMessageContaining(LonelyHandlers.class.getName());
                    });
        }

        @Test
        void startsAnApplicationWithoutHandlers() {
            WebStacksTests.this.plainRunner.run((context) -> assertThat(context).hasNotFailed());
        }

        @Test
        void theFailureIsExplainedWithTheWebStarters() {
            FailureAnalysis analysis = new ProxyEndpointsWithoutWebServerFailureAnalyzer()
                    .analyze(new ProxyEndpointsWithoutWebServerException(List.of("com.example.Rooms")));
            assertThat(analysis.getDescription()).contains("com.example.Rooms").contains("not a web application");
            assertThat(analysis.getAction())
                    .contains("spring-boot-starter-webmvc")
                    .contains("spring-boot-starter-webflux");
        }
    }

    @Nested
    class ReactiveSecurity {

        private final ReactiveWebApplicationContextRunner runner = new ReactiveWebApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(
                        JacksonAutoConfiguration.class,
                        ValidationAutoConfiguration.class,
                        ReactiveWebSecurityAutoConfiguration.class,
                        ReactiveUserDetailsServiceAutoConfiguration.class,
                        CentrifugoAutoConfiguration.class,
                        CentrifugoSecurityAutoConfiguration.class))
                .withPropertyValues(SECRET);

        @Test
        void addsAChainForTheProxyPathsAndKeepsADefaultOneForTheRest() {
            this.runner.run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
                        .containsOnlyKeys(
                                "centrifugoProxySecurityWebFilterChain", "centrifugoDefaultSecurityWebFilterChain");
                assertThat(context).hasBean("centrifugoSecurityExceptionTranslator");
                assertThat(context).hasBean("centrifugoSpringSecurityConnectHandler");
            });
        }

        @Test
        void leavesTheRestToTheApplicationsOwnChain() {
            this.runner
                    .withUserConfiguration(OwnChain.class)
                    .run((context) -> assertThat(context.getBeansOfType(SecurityWebFilterChain.class))
                            .containsOnlyKeys("centrifugoProxySecurityWebFilterChain", "ownChain"));
        }

        @Test
        void appliesTheCustomizers() {
            AtomicBoolean customized = new AtomicBoolean();
            this.runner
                    .withBean(CentrifugoReactiveProxySecurityCustomizer.class, () -> (http) -> customized.set(true))
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(customized).isTrue();
                    });
        }

        @Test
        void canBeTurnedOff() {
            this.runner
                    .withPropertyValues("centrifugo.proxy.security-filter-chain=false")
                    .run((context) -> assertThat(context).doesNotHaveBean("centrifugoProxySecurityWebFilterChain"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class OwnChain {

        @Bean
        SecurityWebFilterChain ownChain(ServerHttpSecurity http) {
            return http.authorizeExchange((exchanges) -> exchanges.anyExchange().permitAll())
                    .build();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Handlers {

        @Bean
        LonelyHandlers lonelyHandlers() {
            return new LonelyHandlers();
        }
    }

    static class LonelyHandlers {

        @WebSocketRpc("lonely.ping")
        String ping() {
            return "pong";
        }
    }
}
