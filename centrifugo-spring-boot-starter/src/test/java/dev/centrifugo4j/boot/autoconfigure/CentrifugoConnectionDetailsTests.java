package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.HistoryRequest;
import dev.centrifugo4j.boot.proxy.ProxySecretCheck;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.token.CentrifugoTokens;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;

/**
 * A {@link CentrifugoConnectionDetails} bean, as a service connection (Testcontainers, Docker
 * Compose) defines one, replaces the {@code centrifugo.*} properties it knows values for.
 */
class CentrifugoConnectionDetailsTests {

    private static final AutoConfigurations AUTO_CONFIGURATIONS = AutoConfigurations.of(
            JacksonAutoConfiguration.class,
            ValidationAutoConfiguration.class,
            CentrifugoAutoConfiguration.class,
            CentrifugoTokenAutoConfiguration.class,
            CentrifugoPublisherAutoConfiguration.class);

    private static final String SECRET = "service-connection-hmac-secret-0123456789abcdef";

    private static CentrifugoServer centrifugo;

    /** Properties that point nowhere useful: the tests pass only if the service connection wins. */
    private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
            .withConfiguration(AUTO_CONFIGURATIONS)
            .withPropertyValues(
                    "centrifugo.api-url=http://127.0.0.1:9/api",
                    "centrifugo.api-key=wrong-key",
                    "centrifugo.proxy.secret=property-proxy-secret-0123456789abcdef");

    @BeforeAll
    static void startCentrifugo() {
        centrifugo = CentrifugoServer.builder().hmacSecret(SECRET).start();
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    private static CentrifugoConnectionDetails serviceConnection(
            @Nullable String apiKey, @Nullable String hmacSecret, @Nullable String proxySecret) {
        return new CentrifugoConnectionDetails() {

            @Override
            public String getUrl() {
                return centrifugo.websocketUrl();
            }

            @Override
            public String getApiUrl() {
                return centrifugo.apiUrl();
            }

            @Override
            public @Nullable String getApiKey() {
                return apiKey;
            }

            @Override
            public @Nullable String getTokenHmacSecret() {
                return hmacSecret;
            }

            @Override
            public @Nullable String getProxySecret() {
                return proxySecret;
            }
        };
    }

    private static void assertSignedWithTheSecret(CentrifugoTokens tokens) {
        String token = tokens.connectionToken("42", Duration.ofMinutes(1));
        assertThat(JWT.require(Algorithm.HMAC256(SECRET)).build().verify(token).getSubject())
                .isEqualTo("42");
    }

    @Nested
    class WithoutAServiceConnection {

        @Test
        void comeFromTheProperties() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=" + SECRET).run(context -> {
                CentrifugoConnectionDetails details = context.getBean(CentrifugoConnectionDetails.class);
                assertThat(details).isInstanceOf(PropertiesCentrifugoConnectionDetails.class);
                assertThat(details.getApiUrl()).isEqualTo("http://127.0.0.1:9/api");
                assertThat(details.getApiKey()).isEqualTo("wrong-key");
                assertThat(details.getTokenHmacSecret()).isEqualTo(SECRET);
                assertThat(details.getProxySecret()).isEqualTo("property-proxy-secret-0123456789abcdef");
                assertThat(details.getUrl()).isEqualTo("ws://localhost:8000/connection/websocket");
            });
        }

        @Test
        void giveNoTokensWithoutAKey() {
            runner.run(context -> assertThat(context).doesNotHaveBean(CentrifugoTokens.class));
        }
    }

    @Nested
    class FromAServiceConnection {

        @Test
        void replaceThePropertiesBean() {
            runner.withBean(CentrifugoConnectionDetails.class, () -> serviceConnection(null, null, null))
                    .run(context -> assertThat(context.getBeansOfType(CentrifugoConnectionDetails.class)
                                    .values())
                            .singleElement()
                            .isNotInstanceOf(PropertiesCentrifugoConnectionDetails.class));
        }

        @Test
        void pointThePublisherAtTheirCentrifugo() {
            runner.withBean(CentrifugoConnectionDetails.class, () -> serviceConnection(centrifugo.apiKey(), null, null))
                    .run(context -> {
                        CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                        String channel = "c-" + UUID.randomUUID();
                        publisher.publish(channel, Map.of("from", "service connection"));
                        assertThat(publisher
                                        .history(HistoryRequest.of(channel), Map.class)
                                        .data())
                                .containsExactly(Map.of("from", "service connection"));
                    });
        }

        @Test
        void fallBackToThePropertiesForAnApiKeyTheyDoNotKnow() {
            runner.withPropertyValues("centrifugo.api-key=" + centrifugo.apiKey())
                    .withBean(CentrifugoConnectionDetails.class, () -> serviceConnection(null, null, null))
                    .run(context -> assertThat(
                                    context.getBean(CentrifugoPublisher.class).info())
                            .isNotEmpty());
        }

        @Test
        void signTokensWithTheirSecretWithoutATokenProperty() {
            runner.withBean(CentrifugoConnectionDetails.class, () -> serviceConnection(null, SECRET, null))
                    .run(context -> assertSignedWithTheSecret(context.getBean(CentrifugoTokens.class)));
        }

        @Test
        void winOverTheTokenProperty() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=property-hmac-secret-0123456789abcdef")
                    .withBean(CentrifugoConnectionDetails.class, () -> serviceConnection(null, SECRET, null))
                    .run(context -> assertSignedWithTheSecret(context.getBean(CentrifugoTokens.class)));
        }

        @Test
        void giveNoTokensWhenNeitherTheyNorThePropertiesKnowASecret() {
            runner.withBean(CentrifugoConnectionDetails.class, () -> serviceConnection(null, null, null))
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBeanProvider(CentrifugoTokens.class)
                                        .getIfAvailable())
                                .isNull();
                    });
        }

        @Test
        void giveTheProxySecretTheEndpointsCheck() {
            runner.withBean(
                            CentrifugoConnectionDetails.class,
                            () -> serviceConnection(null, null, "container-proxy-secret-0123456789abcdef"))
                    .run(context -> {
                        ProxySecretCheck check = context.getBean(ProxySecretCheck.class);
                        assertThat(check.accepts("container-proxy-secret-0123456789abcdef"))
                                .isTrue();
                        assertThat(check.accepts("property-proxy-secret-0123456789abcdef"))
                                .isFalse();
                    });
        }

        @Test
        void withAProxySecretShorterThan32BytesStopTheStartSayingWhereToChangeIt() {
            runner.withBean(CentrifugoConnectionDetails.class, () -> serviceConnection(null, null, "short-secret"))
                    .run(context -> {
                        assertThat(context).hasFailed();
                        assertThat(context.getStartupFailure())
                                .rootCause()
                                .isInstanceOf(InvalidCentrifugoPropertyException.class)
                                .hasMessageContaining("the proxy secret (X-Centrifugo-Proxy-Secret) of the Centrifugo"
                                        + " that the service connection")
                                .hasMessageContaining("it is 12 bytes long");
                        FailureAnalysis analysis =
                                new InvalidCentrifugoPropertyFailureAnalyzer().analyze(context.getStartupFailure());
                        assertThat(analysis.getAction())
                                .contains("CentrifugoContainer.withProxySecret(...)")
                                .contains("CENTRIFUGO_*_PROXY_HTTP_STATIC_HEADERS")
                                .doesNotContain("centrifugo.proxy.secret");
                    });
        }

        @Test
        void satisfyTheApiKeyCheckOfAnApplicationThatPublishes() {
            new WebApplicationContextRunner()
                    .withConfiguration(AUTO_CONFIGURATIONS)
                    .withPropertyValues("centrifugo.proxy.insecure=true")
                    .withBean(
                            CentrifugoConnectionDetails.class, () -> serviceConnection(centrifugo.apiKey(), null, null))
                    .withBean(Publishing.class)
                    .run(context -> assertThat(context).hasNotFailed());
        }
    }

    /** An application bean that uses the publisher, which makes the API key required. */
    static class Publishing {

        Publishing(CentrifugoPublisher publisher) {}
    }
}
