package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.proxy.CentrifugoProxyObservationConvention;
import dev.centrifugo4j.boot.proxy.ProxyCallLog;
import dev.centrifugo4j.boot.proxy.ProxyDrain;
import dev.centrifugo4j.boot.proxy.ProxyEndpoint;
import dev.centrifugo4j.boot.proxy.ProxyPaths;
import dev.centrifugo4j.boot.proxy.ProxySecretCheck;
import dev.centrifugo4j.boot.rpc.HandlerRegistrar;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.channel.ChannelVariableConverter;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.dispatch.Bulkhead;
import dev.centrifugo4j.dispatch.ChannelDispatcher;
import dev.centrifugo4j.dispatch.ConnectionDispatcher;
import dev.centrifugo4j.dispatch.DispatchSettings;
import dev.centrifugo4j.dispatch.ProxyDispatcher;
import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.ProxyType;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.json.CentrifugoJson;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.proxy.ProxyExceptionTranslator;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.observation.ObservationRegistry;
import jakarta.validation.Validator;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.web.context.reactive.ReactiveWebApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration for Centrifugo: the proxy endpoints (rpc, connect, refresh, subscribe, publish,
 * sub_refresh) that dispatch to the application's handlers. The publisher is in {@link
 * CentrifugoPublisherAutoConfiguration}, tokens in {@link CentrifugoTokenAutoConfiguration}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration"
        })
@ConditionalOnClass(RpcDispatcher.class)
@EnableConfigurationProperties(CentrifugoProperties.class)
@Import({ServletProxyConfiguration.class, ReactiveProxyConfiguration.class, NoWebServerConfiguration.class})
public final class CentrifugoAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(CentrifugoAutoConfiguration.class);

    /** The fewest bytes a proxy secret may have. */
    static final int MIN_PROXY_SECRET_BYTES = 32;

    /**
     * What the proxy endpoints of both web stacks share: the dispatchers, the secret check, the
     * drain and the endpoints' settings. The endpoints themselves are in {@link
     * ServletProxyConfiguration} (a servlet filter) and {@link ReactiveProxyConfiguration} (a
     * WebFlux web filter).
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication
    static class ProxyEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProxySecretCheck centrifugoProxySecretCheck(
                CentrifugoProperties properties, ObjectProvider<CentrifugoConnectionDetails> connectionDetails) {
            CentrifugoProperties.Proxy proxy = properties.getProxy();
            String secret = PropertiesCentrifugoConnectionDetails.resolve(connectionDetails, properties)
                    .getProxySecret();
            if (StringUtils.hasText(secret)) {
                checkProxySecretLength(secret, proxy.getSecretHeader(), connectionDetails.getIfAvailable());
                return ProxySecretCheck.requiring(proxy.getSecretHeader(), secret);
            }
            if (!proxy.isInsecure()) {
                throw new ProxySecretMissingException();
            }
            logger.warn("Centrifugo proxy endpoints accept requests WITHOUT a shared secret"
                    + " (centrifugo.proxy.insecure=true): anyone who reaches them can call every handler as"
                    + " any user. Set centrifugo.proxy.secret outside local development.");
            return ProxySecretCheck.disabled(proxy.getSecretHeader());
        }

        /**
         * Refuses a proxy secret shorter than 32 bytes, naming where it
         * came from: the property, or the Centrifugo that a service connection points at.
         */
        private static void checkProxySecretLength(
                String secret, String header, @Nullable CentrifugoConnectionDetails details) {
            int length = secret.getBytes(StandardCharsets.UTF_8).length;
            if (length >= MIN_PROXY_SECRET_BYTES) {
                return;
            }
            String tooShort = "it is " + length + " bytes long, shorter than the " + MIN_PROXY_SECRET_BYTES
                    + " bytes that a shared secret needs not to be guessed";
            boolean fromServiceConnection = details != null
                    && !(details instanceof PropertiesCentrifugoConnectionDetails)
                    && StringUtils.hasText(details.getProxySecret());
            if (fromServiceConnection) {
                throw new InvalidCentrifugoPropertyException(
                        "http.static_headers",
                        "the proxy secret (" + header + ") of the Centrifugo that the service connection ("
                                + details.getClass().getSimpleName() + ") points at is too short: " + tooShort,
                        "Give that Centrifugo a proxy secret of at least " + MIN_PROXY_SECRET_BYTES
                                + " bytes: CentrifugoContainer.withProxySecret(...) in a test, or the " + header
                                + " of the CENTRIFUGO_*_PROXY_HTTP_STATIC_HEADERS environment of the compose"
                                + " service (generate one with 'openssl rand -hex 32').",
                        null);
            }
            throw new InvalidCentrifugoPropertyException(
                    "centrifugo.proxy.secret",
                    tooShort,
                    "Set 'centrifugo.proxy.secret' to at least " + MIN_PROXY_SECRET_BYTES + " random bytes (generate"
                            + " one with 'openssl rand -hex 32') and the same value in the " + header
                            + " header of Centrifugo's proxies (their http.static_headers).",
                    null);
        }

        /**
         * The name of the executor bean that runs synchronous handlers (on WebFlux); without one they
         * run on the request thread.
         */
        static final String BLOCKING_HANDLER_EXECUTOR = "centrifugoBlockingHandlerExecutor";

        /** {@code centrifugo.proxy.timeout}: positive, or the start-up fails naming the property. */
        static Duration timeout(CentrifugoProperties.Proxy proxy) {
            return InvalidCentrifugoPropertyException.positive(
                    proxy.getTimeout(),
                    "centrifugo.proxy.timeout",
                    "handlers must have a deadline",
                    "Set 'centrifugo.proxy.timeout' a little below the timeout of Centrifugo's proxies (4s, the"
                            + " default, for the 5s that centrifugo:config writes).");
        }

        /**
         * The largest body a proxy request may have: just under 2 GiB, the largest array the JVM
         * allocates.
         */
        static final long MAX_BODY_SIZE_LIMIT = Integer.MAX_VALUE - 8;

        /** {@code centrifugo.proxy.max-body-size} in bytes: positive and below 2 GiB, or the start-up fails. */
        static long maxBodySize(CentrifugoProperties.Proxy proxy) {
            DataSize size = proxy.getMaxBodySize();
            long bytes = (size != null) ? size.toBytes() : 0;
            if (bytes <= 0 || bytes > MAX_BODY_SIZE_LIMIT) {
                throw new InvalidCentrifugoPropertyException(
                        "centrifugo.proxy.max-body-size",
                        "it is " + size + ", " + ((bytes <= 0) ? "not a positive size" : "2GB or more"),
                        "Set 'centrifugo.proxy.max-body-size' to the largest proxy request body to accept, a positive"
                                + " size below 2GB (at most " + MAX_BODY_SIZE_LIMIT + "B); the default is 1MB, and"
                                + " Centrifugo's own limit on client messages is 64KB.",
                        null);
            }
            return bytes;
        }

        /** The application's mapper with centrifugo4j's wire conventions (the contract's JSON). */
        private static JsonMapper payloadMapper(ObjectProvider<JsonMapper> mapper) {
            return CentrifugoJson.mapper(mapper.getIfAvailable(
                    () -> JsonMapper.builder().findAndAddModules().build()));
        }

        /**
         * Builds the dispatchers from one {@link DispatchSettings}: the application's mapper with the
         * wire conventions, its validator, the concurrency limits, the exception translators in
         * order and the application's conversion service for channel variables.
         */
        @Bean
        @ConditionalOnMissingBean
        HandlerRegistrar centrifugoHandlerRegistrar(
                CentrifugoProperties properties,
                ConfigurableListableBeanFactory beanFactory,
                ObjectProvider<JsonMapper> mapper,
                ObjectProvider<Validator> validator,
                ObjectProvider<ProxyExceptionTranslator> translators,
                ConcurrencyLimits limits,
                ObjectProvider<ConversionService> conversionService,
                @Qualifier(BLOCKING_HANDLER_EXECUTOR) ObjectProvider<Executor> blockingHandlerExecutor) {
            DispatchSettings.Builder settings = DispatchSettings.builder(payloadMapper(mapper))
                    .validator(validator.getIfAvailable())
                    .blockingHandlerExecutor(blockingHandlerExecutor.getIfAvailable())
                    .concurrencyLimits(limits)
                    .timeout(timeout(properties.getProxy()))
                    .variableConverter(variableConverter(
                            conversionService.getIfUnique(ApplicationConversionService::getSharedInstance)));
            translators.orderedStream().forEach(settings::exceptionTranslator);
            return new HandlerRegistrar(
                    beanFactory, settings.build(), properties.getHandlers().getMissingBean());
        }

        /** Converts channel variables with the application's conversion service. */
        private static ChannelVariableConverter variableConverter(ConversionService conversions) {
            return (value, type) -> {
                Object converted = conversions.convert(
                        value,
                        TypeDescriptor.valueOf(String.class),
                        new TypeDescriptor(ResolvableType.forType(type), null, null));
                if (converted == null) {
                    throw new IllegalArgumentException("converted to null");
                }
                return converted;
            };
        }

        @Bean
        @ConditionalOnMissingBean
        ConcurrencyLimits centrifugoProxyConcurrencyLimits(
                CentrifugoProperties properties, Environment environment, ApplicationContext context) {
            ProxyConcurrencyLimits limits = ProxyConcurrencyLimits.of(
                    properties, environment, context instanceof ReactiveWebApplicationContext);
            logger.info("Proxy calls that may run at once: {}", limits.describe());
            return limits;
        }

        @Bean
        @ConditionalOnMissingBean
        ChannelDispatcher centrifugoChannelDispatcher(HandlerRegistrar registrar, CentrifugoProperties properties) {
            ChannelDispatcher dispatcher = registrar.channelDispatcher();
            CentrifugoProperties.Proxy.Concurrency concurrency =
                    properties.getProxy().getConcurrency();
            ProxyConcurrencyLimits.checkNames(
                    "centrifugo.proxy.concurrency.subscribe",
                    concurrency.getSubscribe(),
                    dispatcher.patterns(ChannelOperation.SUBSCRIBE));
            ProxyConcurrencyLimits.checkNames(
                    "centrifugo.proxy.concurrency.publish",
                    concurrency.getPublish(),
                    dispatcher.patterns(ChannelOperation.PUBLISH));
            ProxyConcurrencyLimits.checkNames(
                    "centrifugo.proxy.concurrency.sub-refresh",
                    concurrency.getSubRefresh(),
                    dispatcher.patterns(ChannelOperation.SUB_REFRESH));
            return dispatcher;
        }

        @Bean
        @ConditionalOnMissingBean
        ConnectionDispatcher centrifugoConnectionDispatcher(
                HandlerRegistrar registrar,
                ObjectProvider<ConnectHandler> connectHandler,
                ObjectProvider<RefreshHandler> refreshHandler) {
            return registrar.connectionDispatcher(connectHandler.getIfUnique(), refreshHandler.getIfUnique());
        }

        @Bean
        @ConditionalOnMissingBean
        ProxyEndpoint.Settings centrifugoProxyEndpointSettings(
                CentrifugoProperties properties,
                ProxySecretCheck secretCheck,
                ProxyDrain drain,
                ObjectProvider<ObservationRegistry> observationRegistry,
                ObjectProvider<CentrifugoProxyObservationConvention> observationConvention) {
            CentrifugoProperties.Proxy proxy = properties.getProxy();
            return new ProxyEndpoint.Settings(
                    secretCheck,
                    timeout(proxy),
                    maxBodySize(proxy),
                    observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
                    observationConvention.getIfUnique(),
                    drain,
                    new ProxyCallLog(proxy.isLogPayloads(), proxy.getMaskedKeys()));
        }

        @Bean
        @ConditionalOnMissingBean
        ProxyDrain centrifugoProxyDrain(CentrifugoProperties properties) {
            return new ProxyDrain(properties.getProxy().getShutdownTimeout());
        }

        /**
         * Which requests are proxy requests: the paths of the served proxies, below a prefix (the
         * DispatcherServlet's path). The proxy filter and the starter's Spring Security filter chain
         * both match with it.
         */
        static ProxyPaths proxyPaths(CentrifugoProperties properties, ListableBeanFactory beanFactory, String prefix) {
            CentrifugoProperties.Proxy proxy = properties.getProxy();
            Map<ProxyType, String> paths = new EnumMap<>(ProxyType.class);
            Map<String, String> propertyByPath = new LinkedHashMap<>();
            boolean rpc = beanFactory.getBeanNamesForType(RpcDispatcher.class, true, false).length > 0;
            for (ProxyType type : ProxyType.values()) {
                if (type == ProxyType.RPC && !rpc) {
                    continue;
                }
                String name = switch (type) {
                    case RPC -> "centrifugo.proxy.rpc-path";
                    case CONNECT -> "centrifugo.proxy.connect-path";
                    case REFRESH -> "centrifugo.proxy.refresh-path";
                    case SUBSCRIBE -> "centrifugo.proxy.subscribe-path";
                    case PUBLISH -> "centrifugo.proxy.publish-path";
                    case SUB_REFRESH -> "centrifugo.proxy.sub-refresh-path";
                };
                String path = switch (type) {
                    case RPC -> proxy.getRpcPath();
                    case CONNECT -> proxy.getConnectPath();
                    case REFRESH -> proxy.getRefreshPath();
                    case SUBSCRIBE -> proxy.getSubscribePath();
                    case PUBLISH -> proxy.getPublishPath();
                    case SUB_REFRESH -> proxy.getSubRefreshPath();
                };
                String normalized;
                try {
                    normalized = ProxyPaths.normalize(path);
                } catch (IllegalArgumentException ex) {
                    throw new InvalidCentrifugoPropertyException(
                            name,
                            ex.getMessage(),
                            "Set '" + name + "' to a path such as /centrifugo/" + type.proxyName()
                                    + "/, the same as in Centrifugo's proxy endpoint settings.",
                            ex);
                }
                String other = propertyByPath.putIfAbsent(normalized, name);
                if (other != null) {
                    throw new InvalidCentrifugoPropertyException(
                            name,
                            "it is the same path as " + other + " ('" + path.strip() + "')",
                            "Give each Centrifugo proxy its own path (and the same one in Centrifugo's proxy"
                                    + " endpoint settings).",
                            null);
                }
                paths.put(type, path);
            }
            return ProxyPaths.of(prefix, paths);
        }

        /** The endpoint of each served proxy, made by {@code endpoint}. */
        static <E> Map<ProxyType, E> endpoints(
                ProxyPaths paths,
                ObjectProvider<RpcDispatcher> rpc,
                ChannelDispatcher channels,
                ConnectionDispatcher connections,
                java.util.function.BiFunction<ProxyType, ProxyDispatcher, E> endpoint) {
            List<ProxyDispatcher> dispatchers = new ArrayList<>(3);
            rpc.ifAvailable(dispatchers::add);
            dispatchers.add(connections);
            dispatchers.add(channels);
            Map<ProxyType, E> endpoints = new EnumMap<>(ProxyType.class);
            for (ProxyDispatcher dispatcher : dispatchers) {
                for (ProxyType type : dispatcher.proxies()) {
                    if (paths.proxies().contains(type)) {
                        endpoints.putIfAbsent(type, endpoint.apply(type, dispatcher));
                    }
                }
            }
            return endpoints;
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnBooleanProperty(name = "centrifugo.proxy.rpc-enabled", matchIfMissing = true)
        static class RpcProxyConfiguration {

            @Bean
            @ConditionalOnMissingBean
            RpcDispatcher centrifugoRpcDispatcher(HandlerRegistrar registrar, CentrifugoProperties properties) {
                RpcDispatcher dispatcher = registrar.rpcDispatcher();
                ProxyConcurrencyLimits.checkNames(
                        "centrifugo.proxy.concurrency.rpc",
                        properties.getProxy().getConcurrency().getRpc(),
                        dispatcher.methodNames());
                return dispatcher;
            }
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterBinder.class)
        static class BulkheadMetricsConfiguration {

            /**
             * Per limited handler: {@code centrifugo4j.proxy.rejected} (calls refused at the limit),
             * {@code centrifugo4j.proxy.active} (calls running) and {@code centrifugo4j.proxy.limit},
             * tagged like the proxy call timer (proxy, method, pattern).
             */
            @Bean
            MeterBinder centrifugoProxyBulkheadMetrics(ObjectProvider<ProxyDispatcher> dispatchers) {
                return (registry) -> dispatchers
                        .orderedStream()
                        .flatMap((dispatcher) -> dispatcher.bulkheads().stream())
                        .forEach((bulkhead) -> bind(bulkhead, registry));
            }

            /**
             * The bulkhead of all handlers together: {@code centrifugo4j.proxy.total.rejected},
             * {@code centrifugo4j.proxy.total.active} and {@code centrifugo4j.proxy.total.limit}.
             */
            @Bean
            MeterBinder centrifugoProxyTotalBulkheadMetrics(ObjectProvider<HandlerRegistrar> registrar) {
                return (registry) -> {
                    HandlerRegistrar handlers = registrar.getIfAvailable();
                    Bulkhead total = (handlers != null) ? handlers.settings().totalBulkhead() : null;
                    if (total == null) {
                        return;
                    }
                    FunctionCounter.builder("centrifugo4j.proxy.total.rejected", total, Bulkhead::rejected)
                            .description("Proxy calls refused because all handlers together ran their maximum of"
                                    + " concurrent calls")
                            .register(registry);
                    Gauge.builder("centrifugo4j.proxy.total.active", total, Bulkhead::active)
                            .description("Proxy calls that all handlers together run now")
                            .register(registry);
                    Gauge.builder("centrifugo4j.proxy.total.limit", total, Bulkhead::limit)
                            .description("How many calls all proxy handlers together may run at once")
                            .register(registry);
                };
            }

            private static void bind(Bulkhead bulkhead, MeterRegistry registry) {
                String proxy = bulkhead.proxy();
                Tags tags = Tags.of(
                        "method",
                        "rpc".equals(proxy) ? bulkhead.handler() : ProxyOutcome.NONE,
                        "pattern",
                        ("rpc".equals(proxy) || "connect".equals(proxy) || "refresh".equals(proxy))
                                ? ProxyOutcome.NONE
                                : bulkhead.handler(),
                        "proxy",
                        proxy);
                FunctionCounter.builder("centrifugo4j.proxy.rejected", bulkhead, Bulkhead::rejected)
                        .description("Proxy calls refused because their handler ran its maximum of concurrent calls")
                        .tags(tags)
                        .register(registry);
                Gauge.builder("centrifugo4j.proxy.active", bulkhead, Bulkhead::active)
                        .description("Proxy calls that a handler with a concurrency limit runs now")
                        .tags(tags)
                        .register(registry);
                Gauge.builder("centrifugo4j.proxy.limit", bulkhead, Bulkhead::limit)
                        .description("How many calls a proxy handler may run at once")
                        .tags(tags)
                        .register(registry);
            }
        }
    }
}
