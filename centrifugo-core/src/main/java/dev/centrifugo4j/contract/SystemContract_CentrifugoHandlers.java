package dev.centrifugo4j.contract;

import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.util.List;

/**
 * The handler index of {@link SystemContract}, written by hand in the shape the processor generates
 * (the processor does not run on the core module itself), and listed in the core module's {@value
 * HandlerIndex#INDEX_RESOURCE}. Without a {@code SystemContract} bean the method is not served.
 */
public final class SystemContract_CentrifugoHandlers implements HandlerIndex {

    private static final List<RpcMethodDefinition> METHODS = List.of(new RpcMethodDefinition(
            SystemContract.METHOD,
            SystemContract.class,
            "contract",
            List.of(),
            null,
            false,
            false,
            false,
            (handler, context, params) -> ((SystemContract) handler).contract()));

    /** Creates the index; {@code HandlerIndexes} does this. */
    public SystemContract_CentrifugoHandlers() {}

    @Override
    public Class<?> handlerType() {
        return SystemContract.class;
    }

    @Override
    public List<RpcMethodDefinition> methods() {
        return METHODS;
    }
}
