package dev.centrifugo4j.boot.rpc;

import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.connect.ConnectHandler;
import dev.centrifugo4j.connect.RefreshHandler;
import dev.centrifugo4j.dispatch.ChannelDispatcher;
import dev.centrifugo4j.dispatch.ConnectionDispatcher;
import dev.centrifugo4j.dispatch.DispatchSettings;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.HandlerIndexes;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * Builds the dispatchers of an application from one {@link DispatchSettings}: loads the generated
 * indexes, binds each indexed method to the bean of its class, and fails start-up when a bean
 * declares a handler method that no index lists (the annotation processor did not run) or when a
 * handler class of the application has no bean (see {@link MissingHandlerBean}).
 *
 * <p>Reflection is used here, once, at start-up; requests go through the generated invokers.
 */
public final class HandlerRegistrar {

    private static final Logger logger = LoggerFactory.getLogger(HandlerRegistrar.class);

    private static final List<Class<? extends Annotation>> HANDLER_ANNOTATIONS =
            List.of(WebSocketRpc.class, OnSubscribe.class, OnPublish.class, OnSubRefresh.class);

    private final ConfigurableListableBeanFactory beanFactory;

    private final DispatchSettings settings;

    private final MissingHandlerBean missingBean;

    private @Nullable List<BoundIndex> indexes;

    /**
     * Creates a registrar that stops the start-up when a handler class of the application has no bean.
     *
     * @param beanFactory the application's bean factory
     * @param settings what the dispatchers share: the mapper, the validator, the concurrency limits,
     *     the exception translators and the converter of channel variables
     */
    public HandlerRegistrar(ConfigurableListableBeanFactory beanFactory, DispatchSettings settings) {
        this(beanFactory, settings, MissingHandlerBean.FAIL);
    }

    /**
     * Creates a registrar.
     *
     * @param beanFactory the application's bean factory
     * @param settings what the dispatchers share: the mapper, the validator, the concurrency limits,
     *     the exception translators and the converter of channel variables
     * @param missingBean what to do about a handler class of the application that has no bean
     */
    public HandlerRegistrar(
            ConfigurableListableBeanFactory beanFactory, DispatchSettings settings, MissingHandlerBean missingBean) {
        if (missingBean == null) {
            throw new IllegalArgumentException("'missingBean' must not be null");
        }
        this.beanFactory = beanFactory;
        this.settings = settings;
        this.missingBean = missingBean;
    }

    /** What the dispatchers share. */
    public DispatchSettings settings() {
        return this.settings;
    }

    /**
     * Builds the RPC dispatcher.
     *
     * @return the dispatcher with every indexed RPC method that has a bean
     * @throws HandlersNotIndexedException when a bean declares handler methods the index lacks
     * @throws HandlersWithoutBeanException when a handler class of the application has no bean (unless
     *     {@link MissingHandlerBean#WARN})
     * @throws IllegalStateException when a method name is taken twice or a handler class has several beans
     */
    public RpcDispatcher rpcDispatcher() {
        RpcDispatcher.Builder builder = RpcDispatcher.builder(this.settings);
        for (BoundIndex index : indexes()) {
            for (RpcMethodDefinition definition : index.index().methods()) {
                builder.register(definition, index.handler());
            }
        }
        RpcDispatcher dispatcher = builder.build();
        logger.info("Serving {} RPC method(s): {}", dispatcher.methodNames().size(), dispatcher.methodNames());
        return dispatcher;
    }

    /**
     * Builds the channel dispatcher.
     *
     * @return the dispatcher with every indexed channel handler that has a bean
     * @throws HandlersNotIndexedException when a bean declares handler methods the index lacks
     * @throws HandlersWithoutBeanException when a handler class of the application has no bean (unless
     *     {@link MissingHandlerBean#WARN})
     */
    public ChannelDispatcher channelDispatcher() {
        ChannelDispatcher.Builder builder = ChannelDispatcher.builder(this.settings);
        int count = 0;
        for (BoundIndex index : indexes()) {
            for (ChannelMethodDefinition definition : index.index().channelMethods()) {
                builder.register(definition, index.handler());
                count++;
            }
        }
        logger.info("Serving {} channel handler(s)", count);
        return builder.build();
    }

    /**
     * Builds the connection dispatcher.
     *
     * @param connectHandler answers connect, or {@code null} to refuse every connection
     * @param refreshHandler answers refresh, or {@code null} to expire every connection
     * @return the dispatcher
     */
    public ConnectionDispatcher connectionDispatcher(
            @Nullable ConnectHandler connectHandler, @Nullable RefreshHandler refreshHandler) {
        return new ConnectionDispatcher(this.settings, connectHandler, refreshHandler);
    }

    private synchronized List<BoundIndex> indexes() {
        List<BoundIndex> bound = this.indexes;
        if (bound == null) {
            bound = bind();
            this.indexes = bound;
        }
        return bound;
    }

    private List<BoundIndex> bind() {
        List<HandlerIndex> indexes = HandlerIndexes.load(classLoader());
        checkEveryHandlerIsIndexed(indexes);
        List<BoundIndex> bound = new ArrayList<>();
        List<HandlerIndex> withoutBean = new ArrayList<>();
        for (HandlerIndex index : indexes) {
            String[] beanNames = this.beanFactory.getBeanNamesForType(index.handlerType(), true, false);
            if (beanNames.length == 0) {
                logger.debug(
                        "Handler class {} has no bean: its methods are not served",
                        index.handlerType().getName());
                withoutBean.add(index);
                continue;
            }
            if (beanNames.length > 1) {
                throw new IllegalStateException(
                        "Handler class " + index.handlerType().getName() + " has several beans "
                                + Arrays.toString(beanNames) + ": a handler method must have exactly one bean.");
            }
            String beanName = beanNames[0];
            Supplier<?> handler;
            if (this.beanFactory.isSingleton(beanName)) {
                Object bean = this.beanFactory.getBean(beanName);
                handler = () -> bean;
            } else {
                handler = () -> this.beanFactory.getBean(beanName);
            }
            bound.add(new BoundIndex(index, handler));
        }
        UnregisteredHandlers.check(this.beanFactory, withoutBean, this.missingBean);
        return bound;
    }

    private ClassLoader classLoader() {
        ClassLoader classLoader = this.beanFactory.getBeanClassLoader();
        return (classLoader != null) ? classLoader : ClassUtils.getDefaultClassLoader();
    }

    private void checkEveryHandlerIsIndexed(List<HandlerIndex> indexes) {
        Set<List<Object>> indexed = new HashSet<>();
        for (HandlerIndex index : indexes) {
            index.methods()
                    .forEach((definition) -> indexed.add(
                            key(definition.handlerType(), definition.javaMethod(), definition.javaParameterTypes())));
            index.channelMethods()
                    .forEach((definition) -> indexed.add(
                            key(definition.handlerType(), definition.javaMethod(), definition.javaParameterTypes())));
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
            // Handler methods may be inherited: the class and its superclasses, up to the first that
            // cannot declare any.
            for (Class<?> declaring = userType;
                    declaring != null && mayDeclareHandlers(declaring);
                    declaring = declaring.getSuperclass()) {
                for (Method method : ReflectionUtils.getDeclaredMethods(declaring)) {
                    if (isHandlerMethod(method)
                            && !indexed.contains(
                                    key(declaring, method.getName(), List.of(method.getParameterTypes())))) {
                        missing.add(describe(method));
                    }
                }
            }
        }
        if (!missing.isEmpty()) {
            throw new HandlersNotIndexedException(new ArrayList<>(missing));
        }
    }

    /**
     * Packages whose classes cannot declare handler methods: the JDK's and the frameworks', which do
     * not depend on centrifugo4j and so cannot carry its annotations.
     */
    private static final String[] FRAMEWORK_PACKAGES = {
        "java.",
        "javax.",
        "jakarta.",
        "jdk.",
        "sun.",
        "com.sun.",
        "kotlin.",
        "org.springframework.",
        "tools.jackson.",
        "com.fasterxml.jackson.",
        "org.apache.",
        "io.micrometer.",
        "org.hibernate.",
        "okhttp3.",
        "okio.",
        "org.slf4j.",
        "ch.qos.logback.",
        "reactor."
    };

    /** Where centrifugo4j's own classes come from (compiled with the processor: their index is complete). */
    private static final Set<String> LIBRARY_LOCATIONS =
            Set.copyOf(Arrays.asList(location(HandlerRegistrar.class), location(HandlerIndex.class)));

    /**
     * Whether a class may declare handler methods that the check must read: not a framework's, not
     * centrifugo4j's own. Reading the annotations of every method of the hundreds of auto-configured
     * beans and their superclasses (a Spring configuration class is a component too) would be most
     * of the check's start-up cost; Spring's {@code @EventListener} detection skips the same classes.
     */
    private static boolean mayDeclareHandlers(Class<?> type) {
        String name = type.getName();
        for (String prefix : FRAMEWORK_PACKAGES) {
            if (name.startsWith(prefix)) {
                return false;
            }
        }
        return !name.startsWith("dev.centrifugo4j.") || !LIBRARY_LOCATIONS.contains(location(type));
    }

    /** The jar or directory a class was loaded from, {@code ""} when unknown. */
    static String location(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        return (source != null && source.getLocation() != null)
                ? source.getLocation().toString()
                : "";
    }

    private static boolean isHandlerMethod(Method method) {
        if (isKotlinSuspendImpl(method)) {
            return false;
        }
        for (Class<? extends Annotation> annotation : HANDLER_ANNOTATIONS) {
            if (method.isAnnotationPresent(annotation)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the method is the static {@code name$suspendImpl} that Kotlin adds beside a suspend
     * function of an open class (Spring's plugin opens every component) for calls through {@code
     * super}: the processor indexes the suspend function itself, never its body's carrier.
     */
    static boolean isKotlinSuspendImpl(Method method) {
        return method.getName().endsWith("$suspendImpl");
    }

    private static List<Object> key(Class<?> type, String method, List<Class<?>> parameterTypes) {
        return List.of(type, method, parameterTypes);
    }

    private static String describe(Method method) {
        return method.getDeclaringClass().getName() + "." + method.getName()
                + Arrays.stream(method.getParameterTypes())
                        .map(Class::getSimpleName)
                        .collect(Collectors.joining(", ", "(", ")"));
    }

    private record BoundIndex(HandlerIndex index, Supplier<?> handler) {}
}
