package dev.centrifugo4j.spi;

import dev.centrifugo4j.rpc.RpcContext;
import org.jspecify.annotations.Nullable;

/**
 * Calls one handler method directly. Implemented by code that the annotation processor generates,
 * so the proxy's hot path needs no reflection.
 */
@FunctionalInterface
public interface RpcInvoker {

    /**
     * Invokes the handler method.
     *
     * @param handler the bean that declares the method
     * @param context the calling connection
     * @param params the decoded (and validated) parameters, {@code null} when the method takes none
     *     or the client sent none to a nullable parameter
     * @return what the method returned ({@code null} for {@code void})
     * @throws Exception whatever the method throws
     */
    @Nullable
    Object invoke(Object handler, RpcContext context, @Nullable Object params) throws Exception;
}
