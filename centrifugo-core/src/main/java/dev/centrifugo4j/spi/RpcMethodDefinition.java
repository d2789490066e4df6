package dev.centrifugo4j.spi;

import java.lang.reflect.Type;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One {@code @WebSocketRpc} method as the annotation processor found it at compile time.
 *
 * @param name the RPC method name clients call
 * @param handlerType the class that declares the Java method
 * @param javaMethod the Java method's name
 * @param javaParameterTypes the erased types of the Java method's parameters, in order
 * @param paramsType the full (possibly generic) type the call's data binds to, or {@code null} when
 *     the method takes no parameters object
 * @param paramsNullable whether a call without data passes {@code null} (the parameter is
 *     {@code @Nullable}) rather than being rejected
 * @param validated whether the parameters go through Jakarta validation
 * @param async whether the method answers later: it returns a {@code CompletionStage} or a {@code Mono}, or is a Kotlin {@code suspend fun} (the invoker returns a stage)
 * @param invoker calls the method directly
 */
public record RpcMethodDefinition(
        String name,
        Class<?> handlerType,
        String javaMethod,
        List<Class<?>> javaParameterTypes,
        @Nullable Type paramsType,
        boolean paramsNullable,
        boolean validated,
        boolean async,
        RpcInvoker invoker) {

    public RpcMethodDefinition {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("'name' must not be blank");
        }
        if (handlerType == null) {
            throw new IllegalArgumentException("'handlerType' must not be null");
        }
        if (javaMethod == null) {
            throw new IllegalArgumentException("'javaMethod' must not be null");
        }
        if (invoker == null) {
            throw new IllegalArgumentException("'invoker' must not be null");
        }
        javaParameterTypes = List.copyOf(javaParameterTypes);
    }

    /** A readable signature for messages, for example {@code SystemHandlers.ping(RpcContext, PingParams)}. */
    public String signature() {
        return Signatures.of(this.handlerType, this.javaMethod, this.javaParameterTypes);
    }
}
