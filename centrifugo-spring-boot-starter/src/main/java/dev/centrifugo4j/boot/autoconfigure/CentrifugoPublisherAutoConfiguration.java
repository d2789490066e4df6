package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.api.AutoBatching;
import dev.centrifugo4j.api.CentrifugoApiObserver;
import dev.centrifugo4j.api.CentrifugoPublisher;
import dev.centrifugo4j.api.RetryPolicy;
import dev.centrifugo4j.boot.publisher.CentrifugoApiObservationConvention;
import dev.centrifugo4j.boot.publisher.CentrifugoPublisherMetrics;
import dev.centrifugo4j.boot.publisher.ObservationCentrifugoApiObserver;
import dev.centrifugo4j.boot.publisher.TransactionalCentrifugoPublisher;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import java.util.HashSet;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration for talking to Centrifugo: the {@link CentrifugoPublisher} (server HTTP API),
 * its observations and meters, and publishing after commit. Tokens are in {@link
 * CentrifugoTokenAutoConfiguration}.
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
    @ConditionalOnMissingBean(CentrifugoConnectionDetails.class)
    PropertiesCentrifugoConnectionDetails centrifugoConnectionDetails(CentrifugoProperties properties) {
        return new PropertiesCentrifugoConnectionDetails(properties);
    }

    @Bean
    @ConditionalOnMissingBean
    CentrifugoPublisher centrifugoPublisher(
            CentrifugoProperties properties,
            ObjectProvider<CentrifugoConnectionDetails> connectionDetails,
            ObjectProvider<JsonMapper> jsonMapper,
            ObjectProvider<CentrifugoOkHttpClientCustomizer> httpCustomizers,
            ObjectProvider<CentrifugoPublisherCustomizer> publisherCustomizers,
            ObjectProvider<CentrifugoApiObserver> observers) {
        CentrifugoProperties.Publisher settings = properties.getPublisher();
        CentrifugoConnectionDetails connection =
                PropertiesCentrifugoConnectionDetails.resolve(connectionDetails, properties);
        CentrifugoPublisher.Builder builder = CentrifugoPublisher.builder()
                .apiUrl(apiUrl(connection.getApiUrl()))
                .apiKey(StringUtils.hasText(connection.getApiKey()) ? connection.getApiKey() : null)
                .connectTimeout(settings.getConnectTimeout())
                .requestTimeout(settings.getRequestTimeout())
                .maxConcurrentRequests(settings.getMaxConcurrentRequests())
                .maxQueuedRequests(settings.getMaxQueuedRequests())
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

    private static String apiUrl(@Nullable String url) {
        if (!StringUtils.hasText(url)) {
            throw new InvalidCentrifugoPropertyException("centrifugo.api-url", "it is empty", API_URL_ACTION, null);
        }
        try {
            // The publisher's own check (the one OkHttp would make, without loading OkHttp).
            CentrifugoPublisher.builder().apiUrl(url.strip());
        } catch (IllegalArgumentException ex) {
            throw new InvalidCentrifugoPropertyException(
                    "centrifugo.api-url", "'" + url + "' is not an http or https URL", API_URL_ACTION, null);
        }
        return url.strip();
    }

    private static final String API_URL_ACTION = "Set 'centrifugo.api-url' to the base URL of Centrifugo's server HTTP"
            + " API: http(s)://<centrifugo host>:<port><http_api.handler_prefix>, for example http://localhost:8000/api"
            + " (method names such as /publish are appended).";

    /**
     * Fails the start-up when the application injects the publisher but no API key is set (every
     * call would be refused with 401), unless centrifugo.api-insecure says Centrifugo needs none.
     * Applications that only serve proxies need no key, so the check looks at who uses the bean.
     */
    @Bean
    static SmartInitializingSingleton centrifugoApiKeyCheck(
            ConfigurableListableBeanFactory beanFactory, Environment environment) {
        return () -> {
            CentrifugoConnectionDetails connection = beanFactory
                    .getBeanProvider(CentrifugoConnectionDetails.class)
                    .getIfAvailable();
            if (StringUtils.hasText(environment.getProperty("centrifugo.api-key"))
                    || (connection != null && StringUtils.hasText(connection.getApiKey()))
                    || environment.getProperty("centrifugo.api-insecure", Boolean.class, false)) {
                return;
            }
            String[] publishers = beanFactory.getBeanNamesForType(CentrifugoPublisher.class, false, false);
            if (publishers.length != 1 || !"centrifugoPublisher".equals(publishers[0])) {
                return; // the application made its own
            }
            Set<String> users = new TreeSet<>();
            collectUsers(beanFactory, "centrifugoPublisher", users, new HashSet<>());
            if (!users.isEmpty()) {
                throw new InvalidCentrifugoPropertyException(
                        "centrifugo.api-key",
                        "it is not set, but the CentrifugoPublisher is used by " + users
                                + " and Centrifugo refuses API calls without the key (HTTP 401)",
                        "Set 'centrifugo.api-key' to Centrifugo's http_api.key. If Centrifugo runs with"
                                + " http_api.insecure=true (development only), set 'centrifugo.api-insecure=true'.",
                        null);
            }
        };
    }

    /**
     * The application's beans that use the publisher: directly or through {@link
     * TransactionalCentrifugoPublisher}, not counting the starter's own (health indicator, metrics).
     */
    private static void collectUsers(
            ConfigurableListableBeanFactory beanFactory, String name, Set<String> users, Set<String> seen) {
        for (String dependent : beanFactory.getDependentBeans(name)) {
            if (!seen.add(dependent)) {
                continue;
            }
            if (beanFactory.containsBean(dependent)
                    && beanFactory.isTypeMatch(dependent, TransactionalCentrifugoPublisher.class)) {
                collectUsers(beanFactory, dependent, users, seen);
            } else if (!dependent.startsWith("centrifugo") && !dependent.startsWith("dev.centrifugo4j.")) {
                users.add(dependent);
            }
        }
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
}
