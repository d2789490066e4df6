package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.proxy.ProxySecretCheck;
import dev.centrifugo4j.boot.proxy.RpcProxyHandler;
import dev.centrifugo4j.boot.rpc.RpcMethodRegistrar;
import dev.centrifugo4j.rpc.RpcDispatcher;
import jakarta.validation.Validator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import tools.jackson.databind.json.JsonMapper;

/**
 * Auto-configuration for Centrifugo: the RPC proxy endpoint that dispatches to
 * {@code @WebSocketRpc} methods. Tokens and the publisher are in
 * {@link CentrifugoPublisherAutoConfiguration}.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration",
            "org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration"
        })
@ConditionalOnClass(RpcDispatcher.class)
@EnableConfigurationProperties(CentrifugoProperties.class)
public final class CentrifugoAutoConfiguration {

    private static final Logger logger = LoggerFactory.getLogger(CentrifugoAutoConfiguration.class);

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(RouterFunction.class)
    static class ProxyEndpointConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ProxySecretCheck centrifugoProxySecretCheck(CentrifugoProperties properties) {
            CentrifugoProperties.Proxy proxy = properties.getProxy();
            if (StringUtils.hasText(proxy.getSecret())) {
                return ProxySecretCheck.requiring(proxy.getSecretHeader(), proxy.getSecret());
            }
            if (!proxy.isInsecure()) {
                throw new ProxySecretMissingException();
            }
            logger.warn("Centrifugo proxy endpoints accept requests WITHOUT a shared secret"
                    + " (centrifugo.proxy.insecure=true): anyone who reaches them can call every handler as"
                    + " any user. Set centrifugo.proxy.secret outside local development.");
            return ProxySecretCheck.disabled(proxy.getSecretHeader());
        }

        @Configuration(proxyBeanMethods = false)
        @ConditionalOnBooleanProperty(name = "centrifugo.proxy.rpc-enabled", matchIfMissing = true)
        static class RpcProxyConfiguration {

            @Bean
            @ConditionalOnMissingBean
            RpcDispatcher centrifugoRpcDispatcher(
                    ConfigurableListableBeanFactory beanFactory,
                    ObjectProvider<JsonMapper> mapper,
                    ObjectProvider<Validator> validator) {
                return new RpcMethodRegistrar(
                                beanFactory,
                                mapper.getIfAvailable(() ->
                                        JsonMapper.builder().findAndAddModules().build()),
                                validator.getIfAvailable())
                        .buildDispatcher();
            }

            @Bean
            RouterFunction<ServerResponse> centrifugoRpcProxyRoute(
                    CentrifugoProperties properties, RpcDispatcher dispatcher, ProxySecretCheck secretCheck) {
                CentrifugoProperties.Proxy proxy = properties.getProxy();
                RpcProxyHandler handler = new RpcProxyHandler(dispatcher, secretCheck, proxy.getAsyncTimeout());
                String path = withoutTrailingSlash(proxy.getRpcPath());
                return RouterFunctions.route()
                        .POST(path, handler)
                        .POST(path + "/", handler)
                        .build();
            }

            private static String withoutTrailingSlash(String path) {
                String trimmed = path.strip();
                while (trimmed.length() > 1 && trimmed.endsWith("/")) {
                    trimmed = trimmed.substring(0, trimmed.length() - 1);
                }
                return trimmed.startsWith("/") ? trimmed : "/" + trimmed;
            }
        }
    }
}
