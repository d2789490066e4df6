package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.token.CentrifugoTokenClaimsCustomizer;
import dev.centrifugo4j.boot.token.TokenEndpointHandler;
import dev.centrifugo4j.token.CentrifugoTokens;
import dev.centrifugo4j.token.SigningAlgorithm;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.ConfigurationCondition;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration for connection tokens: {@link CentrifugoTokens} when {@code
 * centrifugo.token.hmac-secret} or {@code centrifugo.token.private-key} is set or a service connection
 * ({@link CentrifugoConnectionDetails}) knows Centrifugo's HMAC secret, and, with Spring
 * Security in a servlet or reactive web application, the token endpoint ({@code
 * centrifugo.token.endpoint.enabled}) that hands tokens to authenticated users (POST only; any other
 * method is answered 405).
 *
 * <p>Runs before {@link CentrifugoPublisherAutoConfiguration}, which configured the tokens until
 * they had an auto-configuration of their own, so that an auto-configuration ordered after that one
 * still finds them.
 */
@AutoConfiguration(
        before = CentrifugoPublisherAutoConfiguration.class,
        afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@ConditionalOnClass(CentrifugoTokens.class)
@EnableConfigurationProperties(CentrifugoProperties.class)
@Import(ReactiveTokenEndpointConfiguration.class)
public final class CentrifugoTokenAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnTokenKeyCondition.class)
    @Nullable
    CentrifugoTokens centrifugoTokens(
            CentrifugoProperties properties,
            ObjectProvider<JsonMapper> jsonMapper,
            ObjectProvider<CentrifugoConnectionDetails> connectionDetails) {
        CentrifugoProperties.Token token = properties.getToken();
        ttl(token);
        CentrifugoTokens tokens = serviceConnectionSigner(token, connectionDetails);
        if (tokens == null) {
            if (token.getHmacSecret() == null && token.getPrivateKey() == null) {
                // A service connection that does not know Centrifugo's secret, and no key in the properties:
                // no tokens (a null bean, which injection points see as none), as without the service connection.
                return null;
            }
            tokens = signer(token);
        }
        JsonMapper mapper = jsonMapper.getIfAvailable();
        if (mapper != null) {
            tokens = tokens.withJsonMapper(mapper);
        }
        return tokens.withIssuer(token.getIssuer()).withAudience(token.getAudience());
    }

    /**
     * HMAC tokens with the secret of the Centrifugo a service connection (Testcontainers, Docker
     * Compose) points at, which wins over the properties' key; {@code null} without one.
     */
    private static @Nullable CentrifugoTokens serviceConnectionSigner(
            CentrifugoProperties.Token token, ObjectProvider<CentrifugoConnectionDetails> connectionDetails) {
        CentrifugoConnectionDetails details = connectionDetails.getIfAvailable();
        if (details == null || details instanceof PropertiesCentrifugoConnectionDetails) {
            return null;
        }
        String secret = details.getTokenHmacSecret();
        if (!StringUtils.hasText(secret)) {
            return null;
        }
        SigningAlgorithm algorithm = token.getAlgorithm();
        SigningAlgorithm hmacAlgorithm = (algorithm != null && algorithm.isHmac()) ? algorithm : SigningAlgorithm.HS256;
        try {
            return CentrifugoTokens.hmac(hmacAlgorithm, secret);
        } catch (IllegalArgumentException ex) {
            // The secret is the container's or the compose service's, not a property: say where to change it.
            throw new InvalidCentrifugoPropertyException(
                    "client.token.hmac_secret_key",
                    "the HMAC secret of the Centrifugo that the service connection ("
                            + details.getClass().getSimpleName() + ") points at is too short to sign "
                            + hmacAlgorithm + " tokens with: " + ex.getMessage(),
                    "Give that Centrifugo a secret of at least "
                            + CentrifugoTokens.minHmacSecretBytes(hmacAlgorithm)
                            + " bytes: CentrifugoContainer.withHmacSecret(...) in a test, or the"
                            + " CENTRIFUGO_CLIENT_TOKEN_HMAC_SECRET_KEY environment of the compose service.",
                    ex);
        }
    }

    private static CentrifugoTokens signer(CentrifugoProperties.Token token) {
        // An empty hmac-secret (say, an unset environment variable) without a private key is a secret too
        // short to sign with, not a request for a private key.
        boolean hmac = StringUtils.hasText(token.getHmacSecret())
                || (token.getHmacSecret() != null && !StringUtils.hasText(token.getPrivateKey()));
        if (hmac && StringUtils.hasText(token.getPrivateKey())) {
            throw new InvalidCentrifugoPropertyException(
                    "centrifugo.token.private-key",
                    "both centrifugo.token.hmac-secret and centrifugo.token.private-key are set",
                    "Set either 'centrifugo.token.hmac-secret' or 'centrifugo.token.private-key', not both:"
                            + " Centrifugo verifies one kind of key per algorithm.",
                    null);
        }
        SigningAlgorithm algorithm = token.getAlgorithm();
        if (hmac) {
            SigningAlgorithm hmacAlgorithm = (algorithm != null) ? algorithm : SigningAlgorithm.HS256;
            try {
                return CentrifugoTokens.hmac(hmacAlgorithm, token.getHmacSecret());
            } catch (IllegalArgumentException ex) {
                int minBytes = hmacAlgorithm.isHmac()
                        ? CentrifugoTokens.minHmacSecretBytes(hmacAlgorithm)
                        : CentrifugoTokens.MIN_HMAC_SECRET_BYTES;
                throw new InvalidCentrifugoPropertyException(
                        "centrifugo.token.hmac-secret",
                        ex.getMessage(),
                        "Set 'centrifugo.token.hmac-secret' to the value of Centrifugo's client.token.hmac_secret_key,"
                                + " at least as many bytes as the algorithm's hash: 32 for HS256, 48 for HS384, 64 for"
                                + " HS512 (generate one with 'openssl rand -hex " + minBytes
                                + "' and set it in both), and 'centrifugo.token.algorithm' to HS256, HS384 or HS512"
                                + " if set.",
                        ex);
            }
        }
        try {
            return (algorithm != null)
                    ? CentrifugoTokens.privateKey(algorithm, token.getPrivateKey())
                    : CentrifugoTokens.privateKey(token.getPrivateKey());
        } catch (IllegalArgumentException ex) {
            throw new InvalidCentrifugoPropertyException(
                    "centrifugo.token.private-key",
                    ex.getMessage(),
                    "Set 'centrifugo.token.private-key' to a PKCS#8 PEM private key (-----BEGIN PRIVATE KEY-----),"
                            + " RSA of at least " + CentrifugoTokens.MIN_RSA_KEY_BITS + " bits or EC,"
                            + " whose public key is Centrifugo's client.token.rsa_public_key or ecdsa_public_key,"
                            + " and 'centrifugo.token.algorithm' to a matching RS* or ES* algorithm if set.",
                    ex);
        }
    }

    /** How long issued connection tokens live: positive, or the start-up fails naming the property. */
    static Duration ttl(CentrifugoProperties.Token token) {
        return InvalidCentrifugoPropertyException.positive(
                token.getTtl(),
                "centrifugo.token.ttl",
                "connection tokens must expire",
                "Set 'centrifugo.token.ttl' to how long an issued connection token is valid, for example 15m"
                        + " or 1h (the default); the SDK fetches a fresh one with its getToken callback.");
    }

    static final class OnTokenKeyCondition extends AnyNestedCondition {

        OnTokenKeyCondition() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("centrifugo.token.hmac-secret")
        static class HmacSecret {}

        @ConditionalOnProperty("centrifugo.token.private-key")
        static class PrivateKey {}

        @Conditional(OnCentrifugoServiceConnectionCondition.class)
        static class ServiceConnection {}
    }

    /**
     * The tokens the endpoint signs with: the start-up fails, naming the property, when it is enabled
     * without a key.
     */
    static CentrifugoTokens endpointTokens(ObjectProvider<CentrifugoTokens> tokens) {
        CentrifugoTokens issuer = tokens.getIfAvailable();
        if (issuer == null) {
            throw new InvalidCentrifugoPropertyException(
                    "centrifugo.token.endpoint.enabled",
                    "the token endpoint is enabled but there is no key to sign tokens with",
                    "Set 'centrifugo.token.hmac-secret' (Centrifugo's client.token.hmac_secret_key) or"
                            + " 'centrifugo.token.private-key', or remove 'centrifugo.token.endpoint.enabled'.",
                    null);
        }
        return issuer;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Authentication.class, RouterFunction.class})
    @ConditionalOnBooleanProperty("centrifugo.token.endpoint.enabled")
    static class TokenEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TokenEndpointHandler centrifugoTokenEndpointHandler(
                CentrifugoProperties properties,
                ObjectProvider<CentrifugoTokens> tokens,
                ObjectProvider<CentrifugoTokenClaimsCustomizer> customizers) {
            return new TokenEndpointHandler(
                    endpointTokens(tokens),
                    ttl(properties.getToken()),
                    customizers.orderedStream().toList());
        }

        @Bean
        @ConditionalOnMissingBean(name = "centrifugoTokenEndpointRoute")
        RouterFunction<ServerResponse> centrifugoTokenEndpointRoute(
                CentrifugoProperties properties, TokenEndpointHandler handler) {
            String path = properties.getToken().getEndpoint().getPath();
            // POST only: a GET could be triggered cross-site (an <img>, a link) and its answer cached
            // or logged; Spring Security's CSRF protection guards POSTs, not GETs.
            return RouterFunctions.route()
                    .POST(path, handler)
                    .route(
                            RequestPredicates.path(path),
                            request -> ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
                                    .allow(HttpMethod.POST)
                                    .build())
                    .build();
        }
    }
}
