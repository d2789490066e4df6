package dev.centrifugo4j.boot.autoconfigure;

import dev.centrifugo4j.boot.contract.SystemContract;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.HandlerIndexes;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnNotWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.ClassUtils;

/**
 * An application that is not a web application serves no proxy endpoint: when it has handler beans
 * all the same, the start-up fails with {@link ProxyEndpointsWithoutWebServerException} rather than
 * leaving Centrifugo to find nothing at the proxy paths.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnNotWebApplication
class NoWebServerConfiguration {

    @Bean
    static SmartInitializingSingleton centrifugoHandlersNeedAWebServer(ConfigurableListableBeanFactory beanFactory) {
        return () -> {
            ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null)
                    ? beanFactory.getBeanClassLoader()
                    : ClassUtils.getDefaultClassLoader();
            List<String> handlers = new ArrayList<>();
            for (HandlerIndex index : HandlerIndexes.load(classLoader)) {
                // The starter's own handler (system.contract) needs no endpoint of the application's.
                if (index.handlerType() != SystemContract.class
                        && beanFactory.getBeanNamesForType(index.handlerType(), true, false).length > 0) {
                    handlers.add(index.handlerType().getName());
                }
            }
            if (!handlers.isEmpty()) {
                throw new ProxyEndpointsWithoutWebServerException(handlers);
            }
        };
    }
}
