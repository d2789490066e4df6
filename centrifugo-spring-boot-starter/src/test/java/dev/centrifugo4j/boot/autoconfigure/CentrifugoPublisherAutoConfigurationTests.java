package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.auth0.jwt.JWT;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.HistoryRequest;
import dev.centrifugo4j.api.PublishResult;
import dev.centrifugo4j.boot.publisher.TransactionalCentrifugoPublisher;
import dev.centrifugo4j.boot.token.CentrifugoTokenClaimsCustomizer;
import dev.centrifugo4j.test.CentrifugoServer;
import dev.centrifugo4j.token.CentrifugoTokens;
import dev.centrifugo4j.token.SigningAlgorithm;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

class CentrifugoPublisherAutoConfigurationTests {

    private static final AutoConfigurations AUTO_CONFIGURATIONS =
            AutoConfigurations.of(JacksonAutoConfiguration.class, CentrifugoPublisherAutoConfiguration.class);

    private static final String SECRET = "0123456789abcdef0123456789abcdef-spring";

    private static CentrifugoServer centrifugo;

    private ApplicationContextRunner runner;

    @BeforeAll
    static void startCentrifugo() {
        centrifugo = CentrifugoServer.builder().start();
    }

    @AfterAll
    static void stopCentrifugo() {
        centrifugo.close();
    }

    CentrifugoPublisherAutoConfigurationTests() {
        this.runner = new ApplicationContextRunner()
                .withConfiguration(AUTO_CONFIGURATIONS)
                .withPropertyValues(
                        "centrifugo.api-url=" + centrifugo.apiUrl(), "centrifugo.api-key=" + centrifugo.apiKey());
    }

    record Greeting(String userName) {}

    private static String channel() {
        return "c-" + UUID.randomUUID();
    }

    @Nested
    class Publisher {

        @Test
        void isConfiguredFromTheApiUrlAndKeyAndPublishesToCentrifugo() {
            runner.run(context -> {
                CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                String channel = channel();

                publisher.publish(channel, Map.of("hello", "spring"));

                assertThat(publisher
                                .history(HistoryRequest.of(channel), Map.class)
                                .data())
                        .containsExactly(Map.of("hello", "spring"));
            });
        }

        @Test
        void writesPayloadsWithTheApplicationsJsonMapper() {
            runner.withPropertyValues("spring.jackson.property-naming-strategy=SNAKE_CASE")
                    .run(context -> {
                        CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                        String channel = channel();

                        publisher.publish(channel, new Greeting("Alice"));

                        assertThat(publisher
                                        .history(HistoryRequest.of(channel))
                                        .data()
                                        .get(0)
                                        .has("user_name"))
                                .isTrue();
                        assertThat(publisher
                                        .history(HistoryRequest.of(channel), Greeting.class)
                                        .data())
                                .containsExactly(new Greeting("Alice"));
                    });
        }

        @Test
        void appliesOkHttpCustomizers() {
            AtomicInteger calls = new AtomicInteger();
            runner.withBean(
                            CentrifugoOkHttpClientCustomizer.class,
                            () -> http -> http.addInterceptor(chain -> {
                                calls.incrementAndGet();
                                return chain.proceed(chain.request());
                            }))
                    .run(context -> {
                        context.getBean(CentrifugoPublisher.class).info();

                        assertThat(calls).hasValue(1);
                    });
        }

        @Test
        void appliesPublisherCustomizers() {
            runner.withBean(CentrifugoPublisherCustomizer.class, () -> builder -> builder.apiKey("wrong"))
                    .run(context -> assertThat(context.getBean(CentrifugoPublisher.class)
                                    .infoAsync()
                                    .handle((nodes, error) -> error)
                                    .join())
                            .hasCauseInstanceOf(dev.centrifugo4j.api.CentrifugoUnauthorizedException.class));
        }

        @Test
        void backsOffWhenTheApplicationDefinesItsOwn() {
            CentrifugoPublisher own = CentrifugoPublisher.builder()
                    .apiUrl("http://127.0.0.1:1/api")
                    .build();
            runner.withBean(CentrifugoPublisher.class, () -> own)
                    .run(context -> assertThat(context.getBean(CentrifugoPublisher.class))
                            .isSameAs(own));
        }

        @Test
        void autoBatchingIsEnabledByAProperty() {
            List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
            runner.withPropertyValues("centrifugo.publisher.auto-batching.enabled=true")
                    .withBean(
                            CentrifugoOkHttpClientCustomizer.class,
                            () -> http -> http.addInterceptor(chain -> {
                                paths.add(chain.request().url().encodedPath());
                                return chain.proceed(chain.request());
                            }))
                    .run(context -> {
                        CentrifugoPublisher publisher = context.getBean(CentrifugoPublisher.class);
                        String channel = channel();
                        List<CompletableFuture<PublishResult>> futures = IntStream.range(0, 100)
                                .mapToObj(i -> publisher.publishAsync(channel, i))
                                .toList();
                        futures.forEach(CompletableFuture::join);

                        assertThat(paths).isNotEmpty().allMatch(path -> path.endsWith("/batch"));
                        assertThat(publisher
                                        .history(HistoryRequest.of(channel).withLimit(0))
                                        .offset())
                                .isEqualTo(100);
                    });
        }
    }

    @Nested
    class Tokens {

        @Test
        void areHs256WithTheConfiguredSecret() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=" + SECRET).run(context -> {
                DecodedJWT jwt = JWT.decode(
                        context.getBean(CentrifugoTokens.class).connectionToken("42", Duration.ofMinutes(5)));
                assertThat(jwt.getSubject()).isEqualTo("42");
                assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
            });
        }

        @Test
        void useTheConfiguredAlgorithmIssuerAndAudience() {
            runner.withPropertyValues(
                            "centrifugo.token.hmac-secret=" + SECRET,
                            "centrifugo.token.algorithm=HS512",
                            "centrifugo.token.issuer=my-app",
                            "centrifugo.token.audience=centrifugo")
                    .run(context -> {
                        DecodedJWT jwt = JWT.decode(
                                context.getBean(CentrifugoTokens.class).connectionToken("42", Duration.ofMinutes(5)));
                        assertThat(jwt.getAlgorithm()).isEqualTo("HS512");
                        assertThat(jwt.getIssuer()).isEqualTo("my-app");
                        assertThat(jwt.getAudience()).containsExactly("centrifugo");
                    });
        }

        @Test
        void withAPrivateKeyTheAlgorithmFollowsTheKey() throws Exception {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp384r1"));
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder()
                            .encodeToString(ec.generateKeyPair().getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----";

            runner.withPropertyValues("centrifugo.token.private-key=" + pem)
                    .run(context -> assertThat(
                                    context.getBean(CentrifugoTokens.class).algorithm())
                            .isEqualTo(SigningAlgorithm.ES384));
        }

        @Test
        void aShortSecretStopsTheApplicationWithTheReason() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=short")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageContaining("'secret' must be at least 32 bytes"));
        }

        @Test
        void areNotConfiguredWithoutAKey() {
            runner.run(context -> assertThat(context).doesNotHaveBean(CentrifugoTokens.class));
        }
    }

    @Nested
    class PublishAfterCommit {

        private final TransactionTemplate transactions = new TransactionTemplate(new NoResourceTransactionManager());

        @Test
        void aPublicationInsideATransactionGoesOutOnlyWhenItCommits() {
            runner.run(context -> {
                TransactionalCentrifugoPublisher publisher = context.getBean(TransactionalCentrifugoPublisher.class);
                CentrifugoPublisher direct = context.getBean(CentrifugoPublisher.class);
                String channel = channel();

                CompletableFuture<PublishResult> result = transactions.execute(status -> {
                    CompletableFuture<PublishResult> future = publisher.publishAfterCommit(channel, "committed");
                    assertThat(direct.history(HistoryRequest.of(channel)).publications())
                            .isEmpty();
                    return future;
                });

                assertThat(result.join().offset()).isEqualTo(1);
                assertThat(direct.history(HistoryRequest.of(channel), String.class)
                                .data())
                        .containsExactly("committed");
            });
        }

        @Test
        void aPublicationInsideARolledBackTransactionNeverGoesOut() {
            runner.run(context -> {
                TransactionalCentrifugoPublisher publisher = context.getBean(TransactionalCentrifugoPublisher.class);
                String channel = channel();

                CompletableFuture<PublishResult> result = transactions.execute(status -> {
                    status.setRollbackOnly();
                    return publisher.publishAfterCommit(channel, "rolled back");
                });

                assertThat(result).isCancelled();
                assertThat(context.getBean(CentrifugoPublisher.class)
                                .history(HistoryRequest.of(channel))
                                .publications())
                        .isEmpty();
            });
        }

        @Test
        void outsideATransactionItPublishesAtOnce() {
            runner.run(context -> {
                assertThat(TransactionSynchronizationManager.isSynchronizationActive())
                        .isFalse();
                String channel = channel();

                context.getBean(TransactionalCentrifugoPublisher.class)
                        .publishAfterCommit(channel, "now")
                        .join();

                assertThat(context.getBean(CentrifugoPublisher.class)
                                .history(HistoryRequest.of(channel))
                                .publications())
                        .hasSize(1);
            });
        }

        @Test
        void isLeftOutWithoutSpringTransactions() {
            runner.withClassLoader(new FilteredClassLoader(TransactionSynchronizationManager.class))
                    .run(context -> assertThat(context).doesNotHaveBean(TransactionalCentrifugoPublisher.class));
        }
    }

    @Nested
    class TokenEndpoint {

        private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
                .withConfiguration(AUTO_CONFIGURATIONS)
                .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET);

        @AfterEach
        void clearSecurityContext() {
            SecurityContextHolder.clearContext();
        }

        @SuppressWarnings("unchecked")
        private MockMvc mvc(org.springframework.context.ApplicationContext context) {
            RouterFunction<ServerResponse> route =
                    context.getBean("centrifugoTokenEndpointRoute", RouterFunction.class);
            return MockMvcBuilders.routerFunctions(route).build();
        }

        @Test
        void issuesATokenForTheAuthenticatedUserWithCustomizedClaims() {
            webRunner
                    .withPropertyValues(
                            "centrifugo.token.endpoint.enabled=true", "centrifugo.token.endpoint.path=/api/rt-token")
                    .withUserConfiguration(ClaimsCustomizerConfiguration.class)
                    .run(context -> {
                        SecurityContextHolder.getContext()
                                .setAuthentication(
                                        UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", List.of()));

                        String body = mvc(context)
                                .perform(get("/api/rt-token"))
                                .andReturn()
                                .getResponse()
                                .getContentAsString();

                        String token = JsonMapper.builder()
                                .build()
                                .readTree(body)
                                .path("token")
                                .asString();
                        DecodedJWT jwt = JWT.decode(token);
                        assertThat(jwt.getSubject()).isEqualTo("alice");
                        assertThat(jwt.getClaim("channels").asList(String.class))
                                .containsExactly("personal:alice");
                    });
        }

        @Test
        void answers401WithoutAnAuthenticatedUser() {
            webRunner
                    .withPropertyValues("centrifugo.token.endpoint.enabled=true")
                    .run(context -> {
                        int status = mvc(context)
                                .perform(post("/centrifugo/token"))
                                .andReturn()
                                .getResponse()
                                .getStatus();

                        assertThat(status).isEqualTo(401);
                    });
        }

        @Test
        void isOffUnlessEnabled() {
            webRunner.run(context -> assertThat(context).doesNotHaveBean("centrifugoTokenEndpointRoute"));
        }

        @Test
        void isLeftOutWithoutSpringSecurity() {
            webRunner
                    .withPropertyValues("centrifugo.token.endpoint.enabled=true")
                    .withClassLoader(new FilteredClassLoader(org.springframework.security.core.Authentication.class))
                    .run(context -> assertThat(context).doesNotHaveBean("centrifugoTokenEndpointRoute"));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ClaimsCustomizerConfiguration {

        @Bean
        CentrifugoTokenClaimsCustomizer personalChannel() {
            return (claims, authentication) -> claims.withChannels(List.of("personal:" + authentication.getName()));
        }
    }

    /** A transaction manager without a resource: enough to drive transaction synchronization. */
    static final class NoResourceTransactionManager extends AbstractPlatformTransactionManager {

        @Override
        protected Object doGetTransaction() {
            return new Object();
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {}

        @Override
        protected void doCommit(DefaultTransactionStatus status) {}

        @Override
        protected void doRollback(DefaultTransactionStatus status) {}
    }
}
