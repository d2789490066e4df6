package dev.centrifugo4j.spi;

import java.util.List;

/**
 * The handler methods ({@code @WebSocketRpc}, {@code @OnSubscribe}, {@code @OnPublish},
 * {@code @OnSubRefresh}) of one handler class. The annotation processor generates one
 * implementation per class (named {@code <Class>_CentrifugoHandlers}, in the class's package) and lists
 * it in {@value #INDEX_RESOURCE}; {@link HandlerIndexes} loads them at start-up.
 */
public interface HandlerIndex {

    /** The classpath resource that lists the generated indexes, one class name per line. */
    String INDEX_RESOURCE = "META-INF/centrifugo/handler-index";

    /** The suffix of generated index class names. */
    String CLASS_NAME_SUFFIX = "_CentrifugoHandlers";

    /** The class whose methods this index lists. */
    Class<?> handlerType();

    /** The RPC methods the class declares, sorted by name. */
    List<RpcMethodDefinition> methods();

    /** The channel handler methods the class declares, sorted by operation, then pattern. */
    default List<ChannelMethodDefinition> channelMethods() {
        return List.of();
    }
}
