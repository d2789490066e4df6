package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.centrifugo4j.boot.security.SpringSecurityConnectHandler;
import dev.centrifugo4j.connect.ConnectContext;
import dev.centrifugo4j.connect.ConnectResult;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

class CentrifugoSecurityAutoConfigurationTests {

    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    JacksonAutoConfiguration.class,
                    ValidationAutoConfiguration.class,
                    CentrifugoAutoConfiguration.class,
                    CentrifugoSecurityAutoConfiguration.class))
            .withPropertyValues("centrifugo.proxy.secret=proxy-secret-of-at-least-32-bytes");

    /** What the default connect handler answers for a logged-in user. */
    private static ConnectResult connectAlice(ApplicationContext context) {
        return context.getBean(SpringSecurityConnectHandler.class)
                .connect(new ConnectContext(
                        "c1",
                        "websocket",
                        "json",
                        "json",
                        "js",
                        "5.8.0",
                        null,
                        List.of(),
                        Map.of(),
                        UsernamePasswordAuthenticationToken.authenticated(
                                "alice", "n/a", AuthorityUtils.createAuthorityList("ROLE_USER"))));
    }

    @Nested
    class ConnectionExpiry {

        @Test
        void connectionsExpireAfterFifteenMinutesByDefault() {
            runner.run(context -> {
                Instant expected = Instant.now().plus(Duration.ofMinutes(15));
                ConnectResult result = connectAlice(context);

                assertThat(result.user()).isEqualTo("alice");
                assertThat(result.expireAt()).isCloseTo(expected, within(5, ChronoUnit.SECONDS));
            });
        }

        @Test
        void theLifetimeBetweenRefreshesIsAProperty() {
            runner.withPropertyValues("centrifugo.connect.expire-after=2m")
                    .run(context -> assertThat(connectAlice(context).expireAt())
                            .isCloseTo(Instant.now().plus(Duration.ofMinutes(2)), within(5, ChronoUnit.SECONDS)));
        }

        @Test
        void zeroTurnsExpiryOff() {
            runner.withPropertyValues("centrifugo.connect.expire-after=0")
                    .run(context -> assertThat(connectAlice(context).expireAt()).isNull());
        }

        @Test
        void aNegativeLifetimeStopsTheApplicationNamingTheProperty() {
            runner.withPropertyValues("centrifugo.connect.expire-after=-1m").run(context -> {
                assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidCentrifugoPropertyException.class)
                        .hasMessageStartingWith("Invalid centrifugo.connect.expire-after");
                FailureAnalysis analysis =
                        new InvalidCentrifugoPropertyFailureAnalyzer().analyze(context.getStartupFailure());
                assertThat(analysis.getAction()).contains("or to 0 for connections that never expire");
            });
        }
    }
}
