package dev.centrifugo4j.boot.rpc;

import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackage;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Finds the classes of the application that the annotation processor indexed but that have no bean:
 * their handler methods would not be served, most often because the class lacks {@code @Component}.
 *
 * <p>The application's classes are those compiled with it (in the jar or classes directory of its
 * {@code @SpringBootApplication} class) in its packages ({@link AutoConfigurationPackages}). Left out:
 * classes of other jars and of test sources (a test registers the handlers it needs), and classes with
 * a stereotype such as {@code @Component}, which component scanning left out on purpose (a condition, a
 * profile, a filter of a test slice).
 */
final class UnregisteredHandlers {

    private static final Logger logger = LoggerFactory.getLogger(HandlerRegistrar.class);

    private UnregisteredHandlers() {}

    /**
     * Fails or warns about the application's handler classes without a bean.
     *
     * @param beanFactory the application's bean factory
     * @param withoutBean the indexes of the handler classes that have no bean
     * @param missingBean what to do about them
     * @throws HandlersWithoutBeanException with {@link MissingHandlerBean#FAIL} when there are some
     */
    static void check(
            ConfigurableListableBeanFactory beanFactory,
            List<HandlerIndex> withoutBean,
            MissingHandlerBean missingBean) {
        if (withoutBean.isEmpty() || !AutoConfigurationPackages.has(beanFactory)) {
            return;
        }
        List<String> packages = AutoConfigurationPackages.get(beanFactory);
        List<HandlerIndex> candidates = withoutBean.stream()
                .filter((index) -> inPackages(index.handlerType(), packages)
                        && !AnnotatedElementUtils.hasAnnotation(index.handlerType(), Component.class))
                .toList();
        if (candidates.isEmpty()) {
            return;
        }
        Set<String> locations = applicationLocations(beanFactory);
        Map<String, List<String>> missing = new LinkedHashMap<>();
        for (HandlerIndex index : candidates) {
            if (locations.contains(HandlerRegistrar.location(index.handlerType()))) {
                missing.put(index.handlerType().getName(), methods(index));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if (missingBean == MissingHandlerBean.FAIL) {
            throw new HandlersWithoutBeanException(missing);
        }
        logger.warn(
                "{}. Annotate each class with @Component, or declare a @Bean of it (centrifugo.handlers.missing-bean"
                        + "=warn started the application without them; =fail stops the start-up instead).",
                HandlersWithoutBeanException.describe(missing));
    }

    private static boolean inPackages(Class<?> type, List<String> packages) {
        String name = type.getPackageName();
        for (String candidate : packages) {
            if (name.equals(candidate) || name.startsWith(candidate + ".")) {
                return true;
            }
        }
        return false;
    }

    /** Where the application's {@code @SpringBootApplication} (or {@code @EnableAutoConfiguration}) classes are. */
    private static Set<String> applicationLocations(ConfigurableListableBeanFactory beanFactory) {
        Set<String> locations = new HashSet<>();
        for (String beanName : beanFactory.getBeanDefinitionNames()) {
            Class<?> type = beanFactory.getType(beanName, false);
            if (type != null) {
                Class<?> userType = ClassUtils.getUserClass(type);
                if (AnnotatedElementUtils.hasAnnotation(userType, AutoConfigurationPackage.class)) {
                    locations.add(HandlerRegistrar.location(userType));
                }
            }
        }
        return locations;
    }

    /** The handler methods of an index as their annotations declare them, for example {@code @WebSocketRpc("a") a()}. */
    private static List<String> methods(HandlerIndex index) {
        List<String> methods = new ArrayList<>();
        for (RpcMethodDefinition method : index.methods()) {
            methods.add("@" + WebSocketRpc.class.getSimpleName() + "(\"" + method.name() + "\") "
                    + method(method.javaMethod(), method.javaParameterTypes()));
        }
        for (ChannelMethodDefinition method : index.channelMethods()) {
            methods.add("@" + annotation(method.operation()) + "(\"" + method.pattern() + "\") "
                    + method(method.javaMethod(), method.javaParameterTypes()));
        }
        return methods;
    }

    private static String annotation(ChannelOperation operation) {
        Class<?> annotation = switch (operation) {
            case SUBSCRIBE -> OnSubscribe.class;
            case PUBLISH -> OnPublish.class;
            case SUB_REFRESH -> OnSubRefresh.class;
        };
        return annotation.getSimpleName();
    }

    private static String method(String name, List<Class<?>> parameterTypes) {
        return parameterTypes.stream().map(Class::getSimpleName).collect(Collectors.joining(", ", name + "(", ")"));
    }
}
