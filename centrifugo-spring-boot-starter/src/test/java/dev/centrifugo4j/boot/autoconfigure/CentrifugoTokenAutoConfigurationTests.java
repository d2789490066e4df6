package dev.centrifugo4j.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.boot.token.CentrifugoTokenClaimsCustomizer;
import dev.centrifugo4j.boot.token.ReactiveTokenEndpointHandler;
import dev.centrifugo4j.boot.token.TokenEndpointHandler;
import dev.centrifugo4j.token.CentrifugoTokens;
import dev.centrifugo4j.token.SigningAlgorithm;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.ApplicationContextAssertProvider;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.server.WebFilter;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

class CentrifugoTokenAutoConfigurationTests {

    private static final AutoConfigurations AUTO_CONFIGURATIONS =
            AutoConfigurations.of(JacksonAutoConfiguration.class, CentrifugoTokenAutoConfiguration.class);

    private static final String SECRET = "0123456789abcdef0123456789abcdef-spring";

    private static final String OTHER_SECRET = "fedcba9876543210fedcba9876543210-other";

    /** 64 bytes, enough for HS512. */
    private static final String LONG_SECRET = "0123456789abcdef".repeat(4);

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withConfiguration(AUTO_CONFIGURATIONS);

    private static String connectionToken(ApplicationContext context) {
        return context.getBean(CentrifugoTokens.class).connectionToken("42", Duration.ofMinutes(5));
    }

    /** What the failure analyzer says about the context's start-up failure. */
    private static FailureAnalysis failureAnalysis(ApplicationContextAssertProvider<?> context) {
        FailureAnalysis analysis = new InvalidCentrifugoPropertyFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis).as("a failure analysis").isNotNull();
        return analysis;
    }

    /** A private key in the form centrifugo.token.private-key takes: PKCS#8 PEM. */
    private static String pkcs8Pem(KeyPairGenerator generator) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder()
                        .encodeToString(generator.generateKeyPair().getPrivate().getEncoded())
                + "\n-----END PRIVATE KEY-----";
    }

    @Nested
    class Tokens {

        @Test
        void areHs256WithTheConfiguredSecret() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=" + SECRET).run(context -> {
                DecodedJWT jwt = JWT.require(Algorithm.HMAC256(SECRET)).build().verify(connectionToken(context));
                assertThat(jwt.getSubject()).isEqualTo("42");
                assertThat(jwt.getAlgorithm()).isEqualTo("HS256");
            });
        }

        @Test
        void useTheConfiguredAlgorithmIssuerAndAudience() {
            runner.withPropertyValues(
                            "centrifugo.token.hmac-secret=" + LONG_SECRET,
                            "centrifugo.token.algorithm=HS512",
                            "centrifugo.token.issuer=my-app",
                            "centrifugo.token.audience=centrifugo")
                    .run(context -> {
                        DecodedJWT jwt = JWT.decode(connectionToken(context));
                        assertThat(jwt.getAlgorithm()).isEqualTo("HS512");
                        assertThat(jwt.getIssuer()).isEqualTo("my-app");
                        assertThat(jwt.getAudience()).containsExactly("centrifugo");
                    });
        }

        @Test
        void withAPrivateKeyTheAlgorithmFollowsTheKey() throws Exception {
            KeyPairGenerator ec = KeyPairGenerator.getInstance("EC");
            ec.initialize(new ECGenParameterSpec("secp384r1"));
            String pem = pkcs8Pem(ec);

            runner.withPropertyValues("centrifugo.token.private-key=" + pem)
                    .run(context -> assertThat(
                                    context.getBean(CentrifugoTokens.class).algorithm())
                            .isEqualTo(SigningAlgorithm.ES384));
        }

        @Test
        void areNotConfiguredWithoutAKey() {
            runner.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CentrifugoTokens.class));
        }

        @Test
        void backOffWhenTheApplicationDefinesItsOwn() {
            CentrifugoTokens own = CentrifugoTokens.hmac(OTHER_SECRET);
            runner.withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .withBean(CentrifugoTokens.class, () -> own)
                    .run(context ->
                            assertThat(context).getBean(CentrifugoTokens.class).isSameAs(own));
        }

        @Test
        void aShortSecretStopsTheApplicationNamingTheProperty() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=short").run(context -> {
                assertThat(context).getFailure().rootCause().hasMessageContaining("'secret' must be at least 32 bytes");
                FailureAnalysis analysis = failureAnalysis(context);
                assertThat(analysis.getDescription()).startsWith("The property 'centrifugo.token.hmac-secret'");
                assertThat(analysis.getAction()).contains("openssl rand -hex 32");
            });
        }

        @Test
        void aSecretShorterThanTheHashOfTheConfiguredAlgorithmStopsTheApplication() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=" + SECRET, "centrifugo.token.algorithm=HS512")
                    .run(context -> {
                        assertThat(context)
                                .getFailure()
                                .rootCause()
                                .hasMessageContaining("'secret' must be at least 64 bytes for HS512, was 39 bytes");
                        FailureAnalysis analysis = failureAnalysis(context);
                        assertThat(analysis.getDescription()).startsWith("The property 'centrifugo.token.hmac-secret'");
                        assertThat(analysis.getAction()).contains("openssl rand -hex 64");
                    });
        }

        @Test
        void anRsaKeyUnder2048BitsStopsTheApplicationNamingThePrivateKey() throws Exception {
            KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
            rsa.initialize(1024);
            String pem = pkcs8Pem(rsa);

            runner.withPropertyValues("centrifugo.token.private-key=" + pem).run(context -> {
                assertThat(context)
                        .getFailure()
                        .rootCause()
                        .hasMessageContaining("'key' is a 1024-bit RSA key, but RS256 needs at least 2048 bits");
                FailureAnalysis analysis = failureAnalysis(context);
                assertThat(analysis.getDescription()).startsWith("The property 'centrifugo.token.private-key'");
                assertThat(analysis.getAction()).contains("at least 2048 bits");
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"0s", "-5m"})
        void aTtlThatIsNotPositiveStopsTheApplicationNamingIt(String ttl) {
            runner.withPropertyValues("centrifugo.token.hmac-secret=" + SECRET, "centrifugo.token.ttl=" + ttl)
                    .run(context -> {
                        assertThat(context)
                                .getFailure()
                                .rootCause()
                                .isInstanceOf(InvalidCentrifugoPropertyException.class)
                                .hasMessageStartingWith("Invalid centrifugo.token.ttl: it is ");
                        FailureAnalysis analysis = failureAnalysis(context);
                        assertThat(analysis.getDescription()).startsWith("The property 'centrifugo.token.ttl'");
                    });
        }

        @Test
        void anEmptySecretStopsTheApplicationNamingTheSecretNotThePrivateKey() {
            // centrifugo.token.hmac-secret=${CENTRIFUGO_SECRET:} with the variable unset
            runner.withPropertyValues("centrifugo.token.hmac-secret=").run(context -> {
                assertThat(context).getFailure().rootCause().hasMessageContaining("'secret' must not be empty");
                FailureAnalysis analysis = failureAnalysis(context);
                assertThat(analysis.getDescription())
                        .startsWith("The property 'centrifugo.token.hmac-secret'")
                        .doesNotContain("private-key");
            });
        }

        @Test
        void areLeftOutWithoutTheCoreTokenClasses() {
            runner.withPropertyValues("centrifugo.token.hmac-secret=short")
                    .withClassLoader(new FilteredClassLoader(CentrifugoTokens.class))
                    .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(CentrifugoTokens.class));
        }

        @Test
        void doNotNeedThePublishersHttpClient() {
            runner.withConfiguration(AutoConfigurations.of(CentrifugoPublisherAutoConfiguration.class))
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .withClassLoader(new FilteredClassLoader(OkHttpClient.class))
                    .run(context -> assertThat(context)
                            .hasSingleBean(CentrifugoTokens.class)
                            .doesNotHaveBean(CentrifugoPublisher.class));
        }
    }

    @Nested
    class TokenEndpoint {

        private final WebApplicationContextRunner webRunner = new WebApplicationContextRunner()
                .withConfiguration(AUTO_CONFIGURATIONS)
                .withPropertyValues("centrifugo.token.endpoint.enabled=true");

        @AfterEach
        void clearSecurityContext() {
            SecurityContextHolder.clearContext();
        }

        @SuppressWarnings("unchecked")
        private MockMvc mvc(ApplicationContext context) {
            RouterFunction<ServerResponse> route =
                    context.getBean("centrifugoTokenEndpointRoute", RouterFunction.class);
            return MockMvcBuilders.routerFunctions(route).build();
        }

        /** The token the endpoint answers at the path for the user alice. */
        private String tokenForAlice(ApplicationContext context, String path) throws Exception {
            SecurityContextHolder.getContext()
                    .setAuthentication(UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", List.of()));
            String body =
                    mvc(context).perform(post(path)).andReturn().getResponse().getContentAsString();
            return JsonMapper.shared().readTree(body).path("token").asString();
        }

        @Test
        void issuesATokenForTheAuthenticatedUserWithCustomizedClaims() {
            webRunner
                    .withPropertyValues(
                            "centrifugo.token.hmac-secret=" + SECRET, "centrifugo.token.endpoint.path=/api/rt-token")
                    .withUserConfiguration(ClaimsCustomizerConfiguration.class)
                    .run(context -> {
                        DecodedJWT jwt = JWT.require(Algorithm.HMAC256(SECRET))
                                .build()
                                .verify(tokenForAlice(context, "/api/rt-token"));
                        assertThat(jwt.getSubject()).isEqualTo("alice");
                        assertThat(jwt.getClaim("channels").asList(String.class))
                                .containsExactly("personal:alice");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET", "PUT", "DELETE"})
        void answersOnlyPostAndAnyOtherMethodWith405(String method) {
            webRunner
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .run(context -> {
                        SecurityContextHolder.getContext()
                                .setAuthentication(
                                        UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", List.of()));

                        MockHttpServletResponse response = mvc(context)
                                .perform(request(HttpMethod.valueOf(method), "/centrifugo/token"))
                                .andReturn()
                                .getResponse();

                        assertThat(response.getStatus()).isEqualTo(405);
                        assertThat(response.getHeader("Allow")).isEqualTo("POST");
                        assertThat(response.getContentAsString()).doesNotContain("token");
                    });
        }

        @Test
        void aTtlThatIsNotPositiveStopsTheApplicationAlsoWithTheApplicationsOwnTokens() {
            webRunner
                    .withBean(CentrifugoTokens.class, () -> CentrifugoTokens.hmac(OTHER_SECRET))
                    .withPropertyValues("centrifugo.token.ttl=0s")
                    .run(context -> assertThat(context)
                            .getFailure()
                            .rootCause()
                            .hasMessageStartingWith("Invalid centrifugo.token.ttl"));
        }

        @Test
        void answers401WithoutAnAuthenticatedUser() {
            webRunner
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .run(context -> assertThat(mvc(context)
                                    .perform(post("/centrifugo/token"))
                                    .andReturn()
                                    .getResponse()
                                    .getStatus())
                            .isEqualTo(401));
        }

        @Test
        void signsWithTheApplicationsOwnTokens() {
            webRunner
                    .withBean(CentrifugoTokens.class, () -> CentrifugoTokens.hmac(OTHER_SECRET))
                    .run(context -> assertThat(JWT.require(Algorithm.HMAC256(OTHER_SECRET))
                                    .build()
                                    .verify(tokenForAlice(context, "/centrifugo/token"))
                                    .getSubject())
                            .isEqualTo("alice"));
        }

        @Test
        void backsOffWhenTheApplicationDefinesItsOwnHandler() {
            CentrifugoTokenClaimsCustomizer own = (claims, authentication) -> claims.withChannels(List.of("own"));
            webRunner
                    .withBean(
                            TokenEndpointHandler.class,
                            () -> new TokenEndpointHandler(
                                    CentrifugoTokens.hmac(SECRET), Duration.ofMinutes(1), List.of(own)))
                    .run(context -> assertThat(JWT.decode(tokenForAlice(context, "/centrifugo/token"))
                                    .getClaim("channels")
                                    .asList(String.class))
                            .containsExactly("own"));
        }

        @Test
        void enabledWithoutAKeyStopsTheApplicationNamingTheProperty() {
            webRunner.run(context -> {
                assertThat(context)
                        .getFailure()
                        .rootCause()
                        .isInstanceOf(InvalidCentrifugoPropertyException.class)
                        .hasMessage("Invalid centrifugo.token.endpoint.enabled: the token endpoint is enabled but"
                                + " there is no key to sign tokens with");
                FailureAnalysis analysis = failureAnalysis(context);
                assertThat(analysis.getAction()).contains("'centrifugo.token.hmac-secret'");
            });
        }

        @Test
        void isOffUnlessEnabled() {
            webRunner
                    .withPropertyValues(
                            "centrifugo.token.hmac-secret=" + SECRET, "centrifugo.token.endpoint.enabled=false")
                    .run(context -> assertThat(context)
                            .hasSingleBean(CentrifugoTokens.class)
                            .doesNotHaveBean("centrifugoTokenEndpointRoute")
                            .doesNotHaveBean(TokenEndpointHandler.class));
        }

        @Test
        void isLeftOutWithoutSpringSecurity() {
            webRunner
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .withClassLoader(new FilteredClassLoader(Authentication.class))
                    .run(context -> assertThat(context)
                            .hasSingleBean(CentrifugoTokens.class)
                            .doesNotHaveBean("centrifugoTokenEndpointRoute"));
        }

        @Test
        void isLeftOutOfAnApplicationThatIsNotAWebApplication() {
            runner.withPropertyValues(
                            "centrifugo.token.hmac-secret=" + SECRET, "centrifugo.token.endpoint.enabled=true")
                    .run(context -> assertThat(context)
                            .hasSingleBean(CentrifugoTokens.class)
                            .doesNotHaveBean("centrifugoTokenEndpointRoute"));
        }
    }

    @Nested
    class ReactiveTokenEndpoint {

        private final ReactiveWebApplicationContextRunner reactiveRunner = new ReactiveWebApplicationContextRunner()
                .withConfiguration(AUTO_CONFIGURATIONS)
                .withPropertyValues("centrifugo.token.endpoint.enabled=true");

        /** A client of the context's token route whose requests are made as the user, if any. */
        @SuppressWarnings("unchecked")
        private WebTestClient client(ApplicationContext context, @Nullable Authentication user) {
            org.springframework.web.reactive.function.server.RouterFunction<?> route = context.getBean(
                    "centrifugoTokenEndpointRoute",
                    org.springframework.web.reactive.function.server.RouterFunction.class);
            WebFilter asUser = (exchange, chain) -> (user != null)
                    ? chain.filter(exchange).contextWrite(ReactiveSecurityContextHolder.withAuthentication(user))
                    : chain.filter(exchange);
            return WebTestClient.bindToRouterFunction(route).webFilter(asUser).build();
        }

        private static Authentication alice() {
            return UsernamePasswordAuthenticationToken.authenticated("alice", "n/a", List.of());
        }

        @Test
        void issuesATokenForTheAuthenticatedUserWithCustomizedClaims() {
            reactiveRunner
                    .withPropertyValues(
                            "centrifugo.token.hmac-secret=" + SECRET, "centrifugo.token.endpoint.path=/api/rt-token")
                    .withUserConfiguration(ClaimsCustomizerConfiguration.class)
                    .run(context -> {
                        assertThat(context).hasSingleBean(ReactiveTokenEndpointHandler.class);
                        EntityExchangeResult<byte[]> result = client(context, alice())
                                .post()
                                .uri("/api/rt-token")
                                .exchange()
                                .expectStatus()
                                .isOk()
                                .expectHeader()
                                .cacheControl(CacheControl.noStore())
                                .expectBody()
                                .returnResult();
                        String token = JsonMapper.shared()
                                .readTree(result.getResponseBody())
                                .path("token")
                                .asString();
                        DecodedJWT jwt =
                                JWT.require(Algorithm.HMAC256(SECRET)).build().verify(token);
                        assertThat(jwt.getSubject()).isEqualTo("alice");
                        assertThat(jwt.getExpiresAtAsInstant())
                                .isAfter(Instant.now().plus(Duration.ofMinutes(59)));
                        assertThat(jwt.getClaim("channels").asList(String.class))
                                .containsExactly("personal:alice");
                    });
        }

        @ParameterizedTest
        @ValueSource(strings = {"GET", "PUT", "DELETE"})
        void answersOnlyPostAndAnyOtherMethodWith405(String method) {
            reactiveRunner
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .run(context -> client(context, alice())
                            .method(HttpMethod.valueOf(method))
                            .uri("/centrifugo/token")
                            .exchange()
                            .expectStatus()
                            .isEqualTo(405)
                            .expectHeader()
                            .valueEquals("Allow", "POST")
                            .expectBody()
                            .isEmpty());
        }

        @Test
        void answers401WithoutAUserAndForAnAnonymousOne() {
            reactiveRunner
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .run(context -> {
                        client(context, null)
                                .post()
                                .uri("/centrifugo/token")
                                .exchange()
                                .expectStatus()
                                .isUnauthorized()
                                .expectBody()
                                .isEmpty();
                        client(
                                        context,
                                        new AnonymousAuthenticationToken(
                                                "key",
                                                "anonymousUser",
                                                AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")))
                                .post()
                                .uri("/centrifugo/token")
                                .exchange()
                                .expectStatus()
                                .isUnauthorized();
                    });
        }

        @Test
        void enabledWithoutAKeyStopsTheApplicationNamingTheProperty() {
            reactiveRunner.run(context -> assertThat(context)
                    .getFailure()
                    .rootCause()
                    .isInstanceOf(InvalidCentrifugoPropertyException.class)
                    .hasMessage("Invalid centrifugo.token.endpoint.enabled: the token endpoint is enabled but"
                            + " there is no key to sign tokens with"));
        }

        @Test
        void isOffUnlessEnabledAndLeftOutWithoutSpringSecurity() {
            reactiveRunner
                    .withPropertyValues(
                            "centrifugo.token.hmac-secret=" + SECRET, "centrifugo.token.endpoint.enabled=false")
                    .run(context -> assertThat(context)
                            .hasSingleBean(CentrifugoTokens.class)
                            .doesNotHaveBean("centrifugoTokenEndpointRoute")
                            .doesNotHaveBean(ReactiveTokenEndpointHandler.class));
            reactiveRunner
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .withClassLoader(new FilteredClassLoader(Authentication.class))
                    .run(context -> assertThat(context).doesNotHaveBean("centrifugoTokenEndpointRoute"));
        }

        @Test
        void isTheOnlyTokenEndpointOfAReactiveApplicationWithoutTheServletOne() {
            reactiveRunner
                    .withPropertyValues("centrifugo.token.hmac-secret=" + SECRET)
                    .run(context -> assertThat(context)
                            .hasSingleBean(ReactiveTokenEndpointHandler.class)
                            .doesNotHaveBean(TokenEndpointHandler.class));
            new WebApplicationContextRunner()
                    .withConfiguration(AUTO_CONFIGURATIONS)
                    .withPropertyValues(
                            "centrifugo.token.endpoint.enabled=true", "centrifugo.token.hmac-secret=" + SECRET)
                    .run(context -> assertThat(context)
                            .hasSingleBean(TokenEndpointHandler.class)
                            .doesNotHaveBean(ReactiveTokenEndpointHandler.class));
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class ClaimsCustomizerConfiguration {

        @Bean
        CentrifugoTokenClaimsCustomizer personalChannel() {
            return (claims, authentication) -> claims.withChannels(List.of("personal:" + authentication.getName()));
        }
    }
}
