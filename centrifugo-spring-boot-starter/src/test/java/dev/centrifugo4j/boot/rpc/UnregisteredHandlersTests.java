package dev.centrifugo4j.boot.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.centrifugo4j.boot.autoconfigure.CentrifugoAutoConfiguration;
import dev.centrifugo4j.boot.rpc.forgotten.ForgottenApplication;
import dev.centrifugo4j.boot.rpc.forgotten.ForgottenHandlers;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.dispatch.ChannelDispatcher;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/** A handler class of the application without a bean: the start-up fails naming it, or warns. */
@ExtendWith(OutputCaptureExtension.class)
class UnregisteredHandlersTests {

    private static final String CLASS = "dev.centrifugo4j.boot.rpc.forgotten.ForgottenHandlers";

    private static final String PING = "@WebSocketRpc(\"forgotten.ping\") ping(RpcContext)";

    private static final String JOIN = "@OnSubscribe(\"forgotten:{room}\") join(ChannelContext, String)";

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    CentrifugoAutoConfiguration.class))
            .withPropertyValues("centrifugo.proxy.secret=s3cret-s3cret-s3cret-s3cret-s3cret");

    @Nested
    class ByDefault {

        @Test
        void theStartUpFailsNamingTheClassAndItsMethods() {
            UnregisteredHandlersTests.this
                    .runner
                    .withUserConfiguration(ForgottenApplication.class)
                    .run((context) -> {
                        assertThat(context).hasFailed();
                        FailureAnalysis analysis =
                                new HandlersWithoutBeanFailureAnalyzer().analyze(context.getStartupFailure());
                        assertThat(analysis).isNotNull();
                        assertThat(analysis.getDescription())
                                .contains("\n    " + CLASS + "\n        " + PING + "\n        " + JOIN)
                                .doesNotContain("ConditionalHandlers");
                        assertThat(analysis.getAction())
                                .contains("@Component", "@Bean", "centrifugo.handlers.missing-bean=warn");
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .isInstanceOf(HandlersWithoutBeanException.class)
                                .hasMessageContaining(CLASS + ": " + PING + ", " + JOIN);
                    });
        }

        @Test
        void theApplicationFailsToStartWithTheAnalysis(CapturedOutput output) {
            SpringApplication application =
                    new SpringApplication(ForgottenApplication.class, AutoConfiguredApplication.class);
            application.setDefaultProperties(Map.of(
                    "server.port",
                    "0",
                    "centrifugo.proxy.secret",
                    "s3cret-s3cret-s3cret-s3cret-s3cret",
                    "spring.main.banner-mode",
                    "off"));

            // The default, over this module's test application.properties (which sets warn).
            assertThatThrownBy(() -> application.run("--centrifugo.handlers.missing-bean=fail"))
                    .hasRootCauseInstanceOf(HandlersWithoutBeanException.class);
            assertThat(output)
                    .contains("APPLICATION FAILED TO START")
                    .contains("declare Centrifugo handler methods, but no bean of them exists")
                    .contains("    " + CLASS + System.lineSeparator() + "        " + PING)
                    .contains("        " + JOIN)
                    .contains("'centrifugo.handlers.missing-bean=warn'");
        }

        @Test
        void theStartUpSucceedsOnceTheClassHasABean() {
            UnregisteredHandlersTests.this
                    .runner
                    .withUserConfiguration(ForgottenApplication.class)
                    .withBean(ForgottenHandlers.class)
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(RpcDispatcher.class).methodNames())
                                .contains("forgotten.ping");
                        assertThat(context.getBean(ChannelDispatcher.class).patterns(ChannelOperation.SUBSCRIBE))
                                .contains("forgotten:{room}");
                    });
        }

        @Test
        void checksNothingWithoutTheApplicationsPackages() {
            // No @SpringBootApplication (no AutoConfigurationPackages): which classes are the
            // application's is unknown, and the test fixtures of other packages have no beans.
            UnregisteredHandlersTests.this.runner.run(
                    (context) -> assertThat(context).hasNotFailed());
        }
    }

    /** Every auto-configuration on the class path, as a {@code @SpringBootApplication} would have. */
    @Configuration(proxyBeanMethods = false)
    @EnableAutoConfiguration
    static class AutoConfiguredApplication {}

    @Nested
    class InWarnMode {

        @Test
        void theApplicationStartsWithoutTheMethodsAndLogsAWarning(CapturedOutput output) {
            UnregisteredHandlersTests.this
                    .runner
                    .withUserConfiguration(ForgottenApplication.class)
                    .withPropertyValues("centrifugo.handlers.missing-bean=warn")
                    .run((context) -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(RpcDispatcher.class).methodNames())
                                .doesNotContain("forgotten.ping");
                    });
            assertThat(output)
                    .containsPattern("WARN .*Handler classes without a bean \\(their methods are not served\\): "
                            + java.util.regex.Pattern.quote(CLASS + ": " + PING + ", " + JOIN))
                    .contains("Annotate each class with @Component")
                    .contains("=fail stops the start-up instead");
        }
    }
}
