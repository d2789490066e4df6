package dev.centrifugo4j.spi;

import dev.centrifugo4j.channel.ChannelOperation;
import java.util.List;

/**
 * One {@code @OnSubscribe}, {@code @OnPublish} or {@code @OnSubRefresh} method as the annotation
 * processor found it at compile time.
 *
 * @param operation the proxy question the method answers
 * @param pattern the channel pattern, for example {@code chat:room:{roomId}}
 * @param handlerType the class that declares the Java method
 * @param javaMethod the Java method's name
 * @param javaParameterTypes the erased types of the Java method's parameters, in order
 * @param parameters what each parameter receives, in the same order
 * @param async whether the method answers later: it returns a {@code CompletionStage} or a {@code Mono}, or is a Kotlin {@code suspend fun} (the invoker returns a stage)
 * @param returnsVoid whether the method returns {@code void} or a {@code CompletionStage<Void>}: its
 *     {@code null} then means "allow". A {@code null} from any other result type denies (fail closed)
 * @param invoker calls the method directly
 */
public record ChannelMethodDefinition(
        ChannelOperation operation,
        String pattern,
        Class<?> handlerType,
        String javaMethod,
        List<Class<?>> javaParameterTypes,
        List<ChannelParameter> parameters,
        boolean async,
        boolean returnsVoid,
        ChannelInvoker invoker) {

    public ChannelMethodDefinition {
        if (operation == null) {
            throw new IllegalArgumentException("'operation' must not be null");
        }
        if (pattern == null || pattern.isBlank()) {
            throw new IllegalArgumentException("'pattern' must not be blank");
        }
        if (handlerType == null || javaMethod == null || invoker == null) {
            throw new IllegalArgumentException("'handlerType', 'javaMethod' and 'invoker' must not be null");
        }
        javaParameterTypes = List.copyOf(javaParameterTypes);
        parameters = List.copyOf(parameters);
        if (javaParameterTypes.size() != parameters.size() + (isSuspend(javaParameterTypes) ? 1 : 0)) {
            throw new IllegalArgumentException("'parameters' must describe every Java parameter");
        }
    }

    /**
     * Whether the Java method is a Kotlin suspend function: its last parameter is the {@code
     * kotlin.coroutines.Continuation} that the invoker passes itself, which no {@link ChannelParameter}
     * describes.
     */
    private static boolean isSuspend(List<Class<?>> javaParameterTypes) {
        return !javaParameterTypes.isEmpty()
                && javaParameterTypes
                        .get(javaParameterTypes.size() - 1)
                        .getName()
                        .equals("kotlin.coroutines.Continuation");
    }

    /** A readable signature for messages, for example {@code Channels.join(ChannelContext, long)}. */
    public String signature() {
        return Signatures.of(this.handlerType, this.javaMethod, this.javaParameterTypes);
    }
}
