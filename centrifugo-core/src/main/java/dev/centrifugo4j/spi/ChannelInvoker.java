package dev.centrifugo4j.spi;

import org.jspecify.annotations.Nullable;

/**
 * Calls one channel handler method directly, with its arguments already resolved in declaration
 * order (see {@link ChannelMethodDefinition#parameters()}). Implemented by generated code.
 */
@FunctionalInterface
public interface ChannelInvoker {

    /**
     * Invokes the handler method.
     *
     * @param handler the bean that declares the method
     * @param arguments the arguments, in the order of the Java method's parameters
     * @return what the method returned ({@code null} for {@code void})
     * @throws Exception whatever the method throws
     */
    @Nullable
    Object invoke(Object handler, @Nullable Object[] arguments) throws Exception;
}
