package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.centrifugo4j.boot.proxy.ProxyEndpoint;
import dev.centrifugo4j.boot.proxy.ProxyFilter;
import dev.centrifugo4j.boot.proxy.ProxySecretCheck;
import dev.centrifugo4j.boot.rpc.HandlersNotIndexedException;
import dev.centrifugo4j.boot.security.SpringSecurityConnectHandler;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.ConnectResult;
import dev.centrifugo4j.dispatch.DispatchSettings;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.spi.HandlerIndex;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

@ExtendWith(OutputCaptureExtension.class)
class CentrifugoAutoConfigurationTests {

    private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
            JacksonAutoConfiguration.class, ValidationAutoConfiguration.class, CentrifugoAutoConfiguration.class);

    private final WebApplicationContextRunner webRunner =
            new WebApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS);

    private final ApplicationContextRunner plainRunner =
            new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS);

    @Nested
    class ProxySecret {

        @Test
        void isRequiredToStartAWebApplication() {
            CentrifugoAutoConfigurationTests.this.webRunner.run((context) -> {
                assertThat(context).hasFailed();
                assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ProxySecretMissingException.class);
            });
        }

        @Test
        void missingIsExplainedWithWhatToSet() {
            FailureAnalysis analysis =
                    new ProxySecretMissingFailureAnalyzer().analyze(new ProxySecretMissingException());
            assertThat(analysis.getDescription()).contains("no shared secret is configured");
            assertThat(analysis.getAction())
                    .contains("centrifugo.proxy.secret")
                    .contains("static_headers")
                    .contains("centrifugo.proxy.insecure=true");
        }

        @Test
        void shorterThan32BytesStopsTheStartSayingHowToMakeOne() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=" + "x".repeat(31))
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .isInstanceOf(InvalidCentrifugoPropertyException.class)
                                .hasMessage("Invalid centrifugo.proxy.secret: it is 31 bytes long, shorter than the 32"
                                        + " bytes that a shared secret needs not to be guessed");
                        FailureAnalysis analysis =
                                new InvalidCentrifugoPropertyFailureAnalyzer().analyze(context.getStartupFailure());
                        assertThat(analysis.getDescription())
                                .startsWith("The property 'centrifugo.proxy.secret' is not usable");
                        assertThat(analysis.getAction())
                                .contains("openssl rand -hex 32")
                                .contains("X-Centrifugo-Proxy-Secret")
                                .contains("static_headers");
                    });
        }

        @Test
        void countsBytesNotCharacters() {
            // 16 characters, 32 bytes in UTF-8: enough; 31 ASCII characters: not.
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=" + "\u00e9".repeat(16))
                    .run((context) -> assertThat(context).hasNotFailed());
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=" + "x".repeat(32))
                    .run((context) -> assertThat(context).hasNotFailed());
        }

        @Test
        void isRefusedShortAlsoWhenInsecureIsSet() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=short", "centrifugo.proxy.insecure=true")
                    .run((context) -> assertThat(context.getStartupFailure())
                            .rootCause()
                            .isInstanceOf(InvalidCentrifugoPropertyException.class));
        }

        @Test
        void isCheckedInTheConfiguredHeader() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues(
                            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                            "centrifugo.proxy.secret-header=X-Proxy")
                    .run((context) -> {
                        ProxySecretCheck check = context.getBean(ProxySecretCheck.class);
                        assertThat(check.headerName()).isEqualTo("X-Proxy");
                        assertThat(check.accepts("proxy-secret-of-at-least-32-bytes"))
                                .isTrue();
                        assertThat(check.accepts("proxy-secret-of-at-least-32-bytes "))
                                .isFalse();
                        assertThat(check.accepts(null)).isFalse();
                    });
        }

        @Test
        void canBeTurnedOffExplicitlyWithAWarning(CapturedOutput output) {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.insecure=true")
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(ProxySecretCheck.class).accepts(null))
                                .isTrue();
                        assertThat(output).contains("WITHOUT a shared secret");
                    });
        }

        @Test
        void usesTheDefaultHeaderName() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .run((context) -> assertThat(
                                    context.getBean(ProxySecretCheck.class).headerName())
                            .isEqualTo("X-Centrifugo-Proxy-Secret"));
        }
    }

    @Nested
    class MaxBodySize {

        @Test
        void isOneMegabyteByDefault() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .run((context) -> assertThat(context.getBean(ProxyEndpoint.Settings.class)
                                    .maxBodySize())
                            .isEqualTo(1024 * 1024));
        }

        @Test
        void mayBeAnythingPositiveBelowTwoGigabytes() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues(
                            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                            "centrifugo.proxy.max-body-size=2047MB")
                    .run((context) -> assertThat(context.getBean(ProxyEndpoint.Settings.class)
                                    .maxBodySize())
                            .isEqualTo(2047L * 1024 * 1024));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "0KB", "-1", "-1KB", "2GB", "3GB", "8TB"})
        void zeroNegativeOrTwoGigabytesAndMoreStopTheStart(String size) {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues(
                            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                            "centrifugo.proxy.max-body-size=" + size)
                    .run((context) -> {
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .isInstanceOf(InvalidCentrifugoPropertyException.class)
                                .hasMessageStartingWith("Invalid centrifugo.proxy.max-body-size: it is ");
                        assertThat(new InvalidCentrifugoPropertyFailureAnalyzer()
                                        .analyze(context.getStartupFailure())
                                        .getAction())
                                .contains("a positive size below 2GB");
                    });
        }
    }

    @Nested
    class RpcEndpoint {

        @Test
        void isServedInAServletWebApplication() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .run((context) -> {
                        assertThat(context).hasSingleBean(RpcDispatcher.class);
                        assertThat(context.getBean("centrifugoProxyFilter", FilterRegistrationBean.class)
                                        .getUrlPatterns())
                                .contains("/centrifugo/rpc", "/centrifugo/rpc/", "/centrifugo/connect/");
                        assertThat(proxyFilter(context).paths())
                                .containsEntry("/centrifugo/rpc/", "rpc")
                                .containsEntry("/centrifugo/sub_refresh", "sub_refresh")
                                .hasSize(12);
                    });
        }

        @Test
        void refusesTwoProxiesOnOnePath() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues(
                            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                            "centrifugo.proxy.rpc-path=/rt",
                            "centrifugo.proxy.publish-path=/rt")
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .isInstanceOf(InvalidCentrifugoPropertyException.class)
                                .hasMessageContaining("centrifugo.proxy.publish-path")
                                .hasMessageContaining("centrifugo.proxy.rpc-path");
                    });
        }

        @Test
        void isNotServedOutsideAWebApplication() {
            CentrifugoAutoConfigurationTests.this.plainRunner.run((context) -> {
                assertThat(context).hasNotFailed();
                assertThat(context).doesNotHaveBean(RpcDispatcher.class);
                assertThat(context).doesNotHaveBean(ProxySecretCheck.class);
            });
        }

        @Test
        void canBeTurnedOff() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues(
                            "centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes",
                            "centrifugo.proxy.rpc-enabled=false")
                    .run((context) -> {
                        assertThat(context).doesNotHaveBean(RpcDispatcher.class);
                        assertThat(proxyFilter(context).paths())
                                .doesNotContainKey("/centrifugo/rpc/")
                                .containsEntry("/centrifugo/connect/", "connect")
                                .hasSize(10);
                    });
        }

        @Test
        void backsOffWhenTheApplicationDefinesItsOwnDispatcher() {
            RpcDispatcher own = RpcDispatcher.builder(
                            DispatchSettings.builder(JsonMapper.builder().build())
                                    .build())
                    .build();
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .withBean(RpcDispatcher.class, () -> own)
                    .run((context) ->
                            assertThat(context.getBean(RpcDispatcher.class)).isSameAs(own));
        }

        @Test
        void isNotServedWithoutTheCoreLibrary() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withClassLoader(new FilteredClassLoader(RpcDispatcher.class))
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).doesNotHaveBean(CentrifugoProperties.class);
                    });
        }
    }

    @Nested
    class GeneratedIndex {

        @Test
        void failsStartUpWhenAHandlerIsNotIndexed() {
            failsNamingTheUnindexedMethod(UnindexedHandlerConfiguration.class);
        }

        @Test
        void findsAnUnindexedHandlerMethodThatABeanInherits() {
            failsNamingTheUnindexedMethod(InheritingHandlerConfiguration.class);
        }

        private void failsNamingTheUnindexedMethod(Class<?> configuration) {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .withClassLoader(new FilteredClassLoader(new ClassPathResource(HandlerIndex.INDEX_RESOURCE)))
                    .withUserConfiguration(configuration)
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .isInstanceOf(HandlersNotIndexedException.class)
                                .hasMessageContaining("NotIndexedHandler.hello(RpcContext)");
                    });
        }

        @Test
        void explainsHowToEnableTheProcessor() {
            FailureAnalysis analysis = new dev.centrifugo4j.boot.rpc.TestAnalyzers()
                    .analyze(new HandlersNotIndexedException(java.util.List.of("a.B.c()")));
            assertThat(analysis.getDescription()).contains("a.B.c()");
            assertThat(analysis.getAction())
                    .contains(
                            "<artifactId>centrifugo-processor</artifactId>",
                            "annotationProcessorPaths",
                            "<proc>full</proc>")
                    .doesNotContain("centrifugo-core");
        }
    }

    @Nested
    class SecurityIntegration {

        @Test
        void identifiesConnectionsWithSpringSecurityByDefault() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .withConfiguration(AutoConfigurations.of(CentrifugoSecurityAutoConfiguration.class))
                    .run((context) -> {
                        assertThat(context).hasSingleBean(SpringSecurityConnectHandler.class);
                        assertThat(context).hasBean("centrifugoSecurityExceptionTranslator");
                    });
        }

        @Test
        void stepsAsideForTheApplicationsOwnConnectHandler() {
            ConnectHandler own = (connectContext) -> ConnectResult.anonymous();
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .withConfiguration(AutoConfigurations.of(CentrifugoSecurityAutoConfiguration.class))
                    .withBean(ConnectHandler.class, () -> own)
                    .run((context) -> {
                        assertThat(context).doesNotHaveBean(SpringSecurityConnectHandler.class);
                        assertThat(context.getBean(ConnectHandler.class)).isSameAs(own);
                    });
        }

        @Test
        void isLeftOutWithoutSpringSecurity() {
            CentrifugoAutoConfigurationTests.this
                    .webRunner
                    .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes")
                    .withConfiguration(AutoConfigurations.of(CentrifugoSecurityAutoConfiguration.class))
                    .withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context).doesNotHaveBean(SpringSecurityConnectHandler.class);
                    });
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UnindexedHandlerConfiguration {

        @Bean
        NotIndexedHandler notIndexedHandler() {
            return new NotIndexedHandler();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class InheritingHandlerConfiguration {

        @Bean
        InheritingHandler inheritingHandler() {
            return new InheritingHandler();
        }
    }

    static class InheritingHandler extends NotIndexedHandler {}

    static class NotIndexedHandler {

        @WebSocketRpc("hello")
        String hello(RpcContext context) {
            return "hi " + context.user();
        }
    }

    private static ProxyFilter proxyFilter(org.springframework.context.ApplicationContext context) {
        return (ProxyFilter) context.getBean("centrifugoProxyFilter", FilterRegistrationBean.class)
                .getFilter();
    }
}
