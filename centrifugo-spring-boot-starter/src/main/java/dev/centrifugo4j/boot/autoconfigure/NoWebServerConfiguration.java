package dev.centrifugo4j.boot.autoconfigure;

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

    /** The starter's own handlers (system.contract), which need no endpoint of the application's. */
    private static final String BUILT_IN = "dev.centrifugo4j.boot.";

    @Bean
    static SmartInitializingSingleton centrifugoHandlersNeedAWebServer(ConfigurableListableBeanFactory beanFactory) {
        return () -> {
            ClassLoader classLoader = (beanFactory.getBeanClassLoader() != null)
                    ? beanFactory.getBeanClassLoader()
                    : ClassUtils.getDefaultClassLoader();
            List<String> handlers = new ArrayList<>();
            for (HandlerIndex index : HandlerIndexes.load(classLoader)) {
                String name = index.handlerType().getName();
                if (!name.startsWith(BUILT_IN)
                        && beanFactory.getBeanNamesForType(index.handlerType(), true, false).length > 0) {
                    handlers.add(name);
                }
            }
            if (!handlers.isEmpty()) {
                throw new ProxyEndpointsWithoutWebServerException(handlers);
            }
        };
    }
}
