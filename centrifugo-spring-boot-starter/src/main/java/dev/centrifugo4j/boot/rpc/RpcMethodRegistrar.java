package dev.centrifugo4j.boot.rpc;

import dev.centrifugo4j.rpc.RpcDispatcher;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.HandlerIndexes;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import jakarta.validation.Validator;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;
import tools.jackson.databind.ObjectMapper;

/**
 * Builds the {@link RpcDispatcher} of an application: loads the generated indexes, binds each
 * indexed method to the bean of its class, and fails start-up when a bean declares a
 * {@code @WebSocketRpc} method that no index lists (the annotation processor did not run).
 *
 * <p>Reflection is used here, once, at start-up; calls go through the generated invokers.
 */
public final class RpcMethodRegistrar {

    private static final Logger logger = LoggerFactory.getLogger(RpcMethodRegistrar.class);

    private final ConfigurableListableBeanFactory beanFactory;

    private final ObjectMapper mapper;

    private final @Nullable Validator validator;

    /**
     * Creates a registrar.
     *
     * @param beanFactory the application's bean factory
     * @param mapper the application's mapper
     * @param validator the application's validator, if any
     */
    public RpcMethodRegistrar(
            ConfigurableListableBeanFactory beanFactory, ObjectMapper mapper, @Nullable Validator validator) {
        this.beanFactory = beanFactory;
        this.mapper = mapper;
        this.validator = validator;
    }

    /**
     * Builds the dispatcher.
     *
     * @return the dispatcher with every indexed method that has a bean
     * @throws RpcMethodsNotIndexedException when a bean declares methods the index lacks
     * @throws IllegalStateException when a method name is taken twice or a handler class has several
     *     beans
     */
    public RpcDispatcher buildDispatcher() {
        ClassLoader classLoader = classLoader();
        List<HandlerIndex> indexes = HandlerIndexes.load(classLoader);
        checkEveryHandlerIsIndexed(indexes);
        RpcDispatcher.Builder builder = RpcDispatcher.builder(this.mapper).validator(this.validator);
        for (HandlerIndex index : indexes) {
            String[] beanNames = this.beanFactory.getBeanNamesForType(index.handlerType(), true, false);
            if (beanNames.length == 0) {
                logger.debug(
                        "RPC handler class {} has no bean: its methods are not served",
                        index.handlerType().getName());
                continue;
            }
            if (beanNames.length > 1) {
                throw new IllegalStateException(
                        "RPC handler class " + index.handlerType().getName()
                                + " has several beans " + Arrays.toString(beanNames)
                                + ": an RPC method must have exactly one handler bean.");
            }
            String beanName = beanNames[0];
            boolean singleton = this.beanFactory.isSingleton(beanName);
            Object singletonBean = singleton ? this.beanFactory.getBean(beanName) : null;
            for (RpcMethodDefinition definition : index.methods()) {
                if (singletonBean != null) {
                    builder.register(definition, singletonBean);
                } else {
                    builder.register(definition, () -> this.beanFactory.getBean(beanName));
                }
            }
        }
        RpcDispatcher dispatcher = builder.build();
        logger.info("Serving {} RPC method(s): {}", dispatcher.methodNames().size(), dispatcher.methodNames());
        return dispatcher;
    }

    private ClassLoader classLoader() {
        ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
        return (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
    }

    private void checkEveryHandlerIsIndexed(List<HandlerIndex> indexes) {
        Set<String> indexed = new HashSet<>();
        for (HandlerIndex index : indexes) {
            for (RpcMethodDefinition definition : index.methods()) {
                indexed.add(key(definition.handlerType(), definition.javaMethod(), definition.javaParameterTypes()));
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String beanName : this.beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = this.beanFactory.getBeanDefinition(beanName);
            if (definition.getRole() == BeanDefinition.ROLE_INFRASTRUCTURE) {
                continue;
            }
            Class<?> type = this.beanFactory.getType(beanName, false);
            if (type == null) {
                continue;
            }
            Class<?> userType = ClassUtils.getUserClass(type);
            if (!AnnotationUtils.isCandidateClass(userType, WebSocketRpc.class)) {
                continue;
            }
            ReflectionUtils.doWithMethods(
                    userType,
                    (method) -> {
                        String key =
                                key(method.getDeclaringClass(), method.getName(), List.of(method.getParameterTypes()));
                        if (!indexed.contains(key)) {
                            missing.add(describe(method));
                        }
                    },
                    (method) -> method.isAnnotationPresent(WebSocketRpc.class));
        }
        if (!missing.isEmpty()) {
            throw new RpcMethodsNotIndexedException(new ArrayList<>(missing));
        }
    }

    private static String key(Class<?> type, String method, List<Class<?>> parameterTypes) {
        return type.getName() + "#" + method
                + parameterTypes.stream().map(Class::getName).collect(Collectors.joining(",", "(", ")"));
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }
}
