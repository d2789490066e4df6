package dev.centrifugo4j.rpc.spi;

import java.util.List;

/**
 * The {@code @WebSocketRpc} methods of one handler class. The annotation processor generates one
 * implementation per class (named {@code <Class>_CentrifugoRpc}, in the class's package) and lists
 * it in {@value #INDEX_RESOURCE}; {@link RpcHandlerIndexes} loads them at start-up.
 */
public interface RpcHandlerIndex {

    /** The classpath resource that lists the generated indexes, one class name per line. */
    String INDEX_RESOURCE = "META-INF/centrifugo/rpc-index";

    /** The suffix of generated index class names. */
    String CLASS_NAME_SUFFIX = "_CentrifugoRpc";

    /** The class whose methods this index lists. */
    Class<?> handlerType();

    /** The RPC methods the class declares, sorted by name. */
    List<RpcMethodDefinition> methods();
}
