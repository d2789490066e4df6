package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.api.AutoBatching;
import dev.centrifugo4j.api.CentrifugoApiObserver;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.RetryPolicy;
import dev.centrifugo4j.boot.publisher.CentrifugoApiObservationConvention;
import dev.centrifugo4j.boot.publisher.CentrifugoPublisherMetrics;
import dev.centrifugo4j.boot.publisher.ObservationCentrifugoApiObserver;
import dev.centrifugo4j.boot.publisher.TransactionalCentrifugoPublisher;
import dev.centrifugo4j.boot.token.CentrifugoTokenClaimsCustomizer;
import dev.centrifugo4j.boot.token.TokenEndpointHandler;
import dev.centrifugo4j.token.CentrifugoTokens;
import dev.centrifugo4j.token.SigningAlgorithm;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
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
import org.springframework.security.core.Authentication;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration for talking to Centrifugo: the {@link CentrifugoPublisher} (server HTTP API),
 * {@link CentrifugoTokens}, publishing after commit and the optional token endpoint.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
            "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"
        })
@ConditionalOnClass({CentrifugoPublisher.class, OkHttpClient.class})
@EnableConfigurationProperties(CentrifugoProperties.class)
public final class CentrifugoPublisherAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    CentrifugoPublisher centrifugoPublisher(
            CentrifugoProperties properties,
            ObjectProvider<JsonMapper> jsonMapper,
            ObjectProvider<CentrifugoOkHttpClientCustomizer> httpCustomizers,
            ObjectProvider<CentrifugoPublisherCustomizer> publisherCustomizers,
            ObjectProvider<CentrifugoApiObserver> observers) {
        CentrifugoProperties.Publisher settings = properties.getPublisher();
        CentrifugoPublisher.Builder builder = CentrifugoPublisher.builder()
                .apiUrl(properties.getApiUrl())
                .apiKey(StringUtils.hasText(properties.getApiKey()) ? properties.getApiKey() : null)
                .connectTimeout(settings.getConnectTimeout())
                .requestTimeout(settings.getRequestTimeout())
                .maxConcurrentRequests(settings.getMaxConcurrentRequests())
                .retryPolicy(new RetryPolicy(
                        settings.getMaxAttempts(), settings.getInitialBackoff(), settings.getMaxBackoff(), 2.0))
                .autoIdempotencyKeys(settings.isAutoIdempotencyKeys())
                .closeTimeout(settings.getCloseTimeout())
                .observer(CentrifugoApiObserver.of(observers.orderedStream().toList()));
        jsonMapper.ifAvailable(builder::jsonMapper);
        CentrifugoProperties.Publisher.AutoBatching batching = settings.getAutoBatching();
        if (batching.isEnabled()) {
            builder.autoBatching(new AutoBatching(
                    batching.getMaxBatchSize(),
                    batching.getLinger(),
                    batching.getMaxInFlightBatches(),
                    batching.getQueueCapacity()));
        }
        httpCustomizers.orderedStream().forEach(customizer -> builder.customizeOkHttp(customizer::customize));
        publisherCustomizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    @Bean
    @ConditionalOnMissingBean
    @Conditional(OnTokenKeyCondition.class)
    CentrifugoTokens centrifugoTokens(CentrifugoProperties properties, ObjectProvider<JsonMapper> jsonMapper) {
        CentrifugoProperties.Token token = properties.getToken();
        boolean hmac = StringUtils.hasText(token.getHmacSecret());
        boolean privateKey = StringUtils.hasText(token.getPrivateKey());
        if (hmac && privateKey) {
            throw new IllegalStateException("Set either centrifugo.token.hmac-secret or centrifugo.token.private-key,"
                    + " not both: Centrifugo verifies one kind of key per algorithm");
        }
        SigningAlgorithm algorithm = token.getAlgorithm();
        CentrifugoTokens tokens;
        if (hmac) {
            tokens = CentrifugoTokens.hmac(
                    algorithm != null ? algorithm : SigningAlgorithm.HS256, token.getHmacSecret());
        } else {
            tokens = (algorithm != null)
                    ? CentrifugoTokens.privateKey(algorithm, token.getPrivateKey())
                    : CentrifugoTokens.privateKey(token.getPrivateKey());
        }
        JsonMapper mapper = jsonMapper.getIfAvailable();
        if (mapper != null) {
            tokens = tokens.withJsonMapper(mapper);
        }
        return tokens.withIssuer(token.getIssuer()).withAudience(token.getAudience());
    }

    static final class OnTokenKeyCondition extends AnyNestedCondition {

        OnTokenKeyCondition() {
            super(ConfigurationCondition.ConfigurationPhase.REGISTER_BEAN);
        }

        @ConditionalOnProperty("centrifugo.token.hmac-secret")
        static class HmacSecret {}

        @ConditionalOnProperty("centrifugo.token.private-key")
        static class PrivateKey {}
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class ObservationConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ObservationCentrifugoApiObserver centrifugoApiObservationObserver(
                ObjectProvider<ObservationRegistry> registry,
                ObjectProvider<CentrifugoApiObservationConvention> convention) {
            return new ObservationCentrifugoApiObserver(
                    registry.getIfUnique(() -> ObservationRegistry.NOOP), convention.getIfUnique());
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    @ConditionalOnBean(MeterRegistry.class)
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        CentrifugoPublisherMetrics centrifugoPublisherMetrics(MeterRegistry registry) {
            return new CentrifugoPublisherMetrics(registry);
        }

        @Bean
        MeterBinder centrifugoPublisherQueueMetrics(ObjectProvider<CentrifugoPublisher> publisher) {
            return registry -> CentrifugoPublisherMetrics.bindQueue(publisher::getIfAvailable, registry);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(TransactionSynchronizationManager.class)
    static class AfterCommitConfiguration {

        @Bean
        @ConditionalOnMissingBean
        TransactionalCentrifugoPublisher transactionalCentrifugoPublisher(CentrifugoPublisher publisher) {
            return new TransactionalCentrifugoPublisher(publisher);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass({Authentication.class, RouterFunction.class})
    @ConditionalOnBooleanProperty("centrifugo.token.endpoint.enabled")
    static class TokenEndpointConfiguration {

        @Bean
        RouterFunction<ServerResponse> centrifugoTokenEndpointRoute(
                CentrifugoProperties properties,
                ObjectProvider<CentrifugoTokens> tokens,
                ObjectProvider<CentrifugoTokenClaimsCustomizer> customizers) {
            CentrifugoTokens issuer = tokens.getIfAvailable();
            if (issuer == null) {
                throw new IllegalStateException("centrifugo.token.endpoint.enabled=true needs a way to sign tokens:"
                        + " set centrifugo.token.hmac-secret or centrifugo.token.private-key");
            }
            TokenEndpointHandler handler = new TokenEndpointHandler(
                    issuer,
                    properties.getToken().getTtl(),
                    customizers.orderedStream().toList());
            String path = properties.getToken().getEndpoint().getPath();
            return RouterFunctions.route()
                    .GET(path, handler)
                    .POST(path, handler)
                    .build();
        }
    }
}
