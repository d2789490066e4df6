package dev.centrifugo4j.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;

/**
 * One valid {@code @OnSubscribe}, {@code @OnPublish} or {@code @OnSubRefresh} method, with
 * everything the generated definition needs, worked out once so that the code generator holds no
 * type logic of its own.
 *
 * @param annotation the handler annotation, which gives the operation
 * @param pattern the channel pattern
 * @param element the Java method
 * @param parameters what each Java parameter receives, in order (a suspend function's {@code
 *     Continuation} aside: the invoker passes it last)
 * @param handlerReturn how the method hands back its result, and its type
 * @param returnsVoid whether the method returns {@code void}
 * @param voidResult whether the method returns {@code void}, or {@code Void} asynchronously (a Kotlin
 *     {@code Unit}), so
 *     that its {@code null} allows (from any other result type it denies)
 */
record ChannelMethod(
        ChannelAnnotation annotation,
        String pattern,
        ExecutableElement element,
        List<Parameter> parameters,
        HandlerReturn handlerReturn,
        boolean returnsVoid,
        boolean voidResult) {

    ChannelMethod {
        parameters = List.copyOf(parameters);
    }

    /** Whether the dispatcher waits for the result: a {@code CompletionStage}, a {@code Mono} or a coroutine. */
    boolean async() {
        return this.handlerReturn.async();
    }

    /** Whether an invoker casts an argument to a parameterized type, which is unchecked. */
    boolean castsToGenericType() {
        return this.parameters.stream().anyMatch(Parameter::generic);
    }

    /**
     * One Java parameter.
     *
     * @param kind what it receives
     * @param variable the pattern variable for {@link Kind#VARIABLE}, otherwise empty
     * @param type the parameter's full type
     * @param erasedType the erasure of the type, for the definition's Java signature
     * @param generic whether a class literal would lose type arguments, so that the type needs a
     *     {@code TypeToken} and its cast is unchecked
     * @param nullable whether a payload is {@code @Nullable}
     * @param validated whether a payload carries {@code @Valid} or a constraint
     */
    record Parameter(
            Kind kind,
            String variable,
            TypeMirror type,
            TypeMirror erasedType,
            boolean generic,
            boolean nullable,
            boolean validated) {}

    /** What the invoker passes for one Java parameter, mirroring {@code ChannelParameter.Kind}. */
    enum Kind {
        /** The {@code ChannelContext}. */
        CONTEXT,
        /** A pattern variable, converted by the runtime. */
        VARIABLE,
        /** The request's data. */
        PAYLOAD
    }
}
