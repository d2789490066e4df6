package dev.centrifugo4j.boot.aot;

import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.ChannelParameter;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.HandlerIndexes;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.BindingReflectionHintsRegistrar;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;

/**
 * What a native image of a centrifugo4j application needs beyond what Spring's AOT engine finds by
 * itself, all read from the handler index at build time:
 *
 * <ul>
 *   <li>the {@code META-INF/centrifugo/*} resources (handler index, contract);
 *   <li>every generated {@code *_CentrifugoHandlers} class, instantiated by reflection from the
 *       index (the invokers inside are plain lambdas: no reflection per call);
 *   <li>the handler classes' declared methods, which the start-up check compares with the index;
 *   <li>the types Jackson binds: RPC parameters and results (the value of a {@code
 *       CompletionStage} or a {@code Mono}, the result of a Kotlin suspend function), channel payloads and handler results, with their constructors, fields
 *       and accessors, recursively (Spring's {@link BindingReflectionHintsRegistrar}).
 * </ul>
 *
 * Registered in {@code META-INF/spring/aot.factories}.
 */
public final class CentrifugoRuntimeHints implements RuntimeHintsRegistrar {

    /** Named, not loaded: Reactor and Kotlin are optional. */
    private static final String MONO = "reactor.core.publisher.Mono";

    private static final String CONTINUATION = "kotlin.coroutines.Continuation";

    private final BindingReflectionHintsRegistrar bindings = new BindingReflectionHintsRegistrar();

    @Override
    public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
        hints.resources().registerPattern("META-INF/centrifugo/*");
        ClassLoader loader = (classLoader != null) ? classLoader : CentrifugoRuntimeHints.class.getClassLoader();
        for (HandlerIndex index : HandlerIndexes.load(loader)) {
            hints.reflection().registerType(index.getClass(), MemberCategory.INVOKE_DECLARED_CONSTRUCTORS);
            hints.reflection()
                    .registerType(
                            index.handlerType(),
                            MemberCategory.INTROSPECT_DECLARED_METHODS,
                            MemberCategory.INTROSPECT_PUBLIC_METHODS);
            for (RpcMethodDefinition method : index.methods()) {
                if (method.paramsType() != null) {
                    binding(hints, method.paramsType());
                }
                binding(hints, result(method.handlerType(), method.javaMethod(), method.javaParameterTypes()));
            }
            for (ChannelMethodDefinition method : index.channelMethods()) {
                for (ChannelParameter parameter : method.parameters()) {
                    if (parameter.kind() == ChannelParameter.Kind.PAYLOAD) {
                        binding(hints, parameter.type());
                    }
                }
                binding(hints, result(method.handlerType(), method.javaMethod(), method.javaParameterTypes()));
            }
        }
    }

    private void binding(RuntimeHints hints, @Nullable Type type) {
        if (type != null && type != void.class && type != Void.class && type != Object.class) {
            this.bindings.registerReflectionHints(hints.reflection(), type);
        }
    }

    /** The type a handler method's result is written as: its return type, or what its stage completes with. */
    static @Nullable Type result(Class<?> handlerType, String name, List<Class<?>> parameterTypes) {
        Method method = find(handlerType, name, parameterTypes.toArray(Class<?>[]::new));
        if (method == null) {
            return null;
        }
        Type type = method.getGenericReturnType();
        Type[] parameters = method.getGenericParameterTypes();
        if (parameters.length > 0
                && parameters[parameters.length - 1] instanceof ParameterizedType continuation
                && continuation.getRawType().getTypeName().equals(CONTINUATION)) {
            // A Kotlin suspend function: Continuation<? super T> carries its result T.
            return lowerBound(continuation.getActualTypeArguments()[0]);
        }
        if (CompletionStage.class.isAssignableFrom(method.getReturnType())
                || method.getReturnType().getName().equals(MONO)) {
            return (type instanceof ParameterizedType parameterized)
                    ? parameterized.getActualTypeArguments()[0]
                    : null;
        }
        return type;
    }

    /** {@code T} of {@code ? super T} (and the type itself when it is no wildcard); {@code Unit} is no result. */
    private static @Nullable Type lowerBound(Type type) {
        Type bound = (type instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 1)
                ? wildcard.getLowerBounds()[0]
                : type;
        return bound.getTypeName().equals("kotlin.Unit") ? null : bound;
    }

    private static @Nullable Method find(Class<?> type, String name, Class<?>[] parameterTypes) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            try {
                return current.getDeclaredMethod(name, parameterTypes);
            } catch (NoSuchMethodException ex) {
                // look in the superclass
            }
        }
        return null;
    }
}
