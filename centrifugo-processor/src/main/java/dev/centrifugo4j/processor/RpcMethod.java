package dev.centrifugo4j.processor;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * One valid {@code @WebSocketRpc} method, with everything the generated definition needs, worked
 * out once so that the code generator holds no type logic of its own.
 *
 * @param name the RPC method name
 * @param element the Java method
 * @param parameters what each Java parameter receives, in order (a suspend function's {@code
 *     Continuation} aside: the invoker passes it last)
 * @param erasedParameterTypes the erasure of each Java parameter's type, in order (a suspend
 *     function's {@code Continuation} included)
 * @param paramsType the full type of the parameters object, or {@code null} when there is none
 * @param paramsTypeGeneric whether the parameters type has type arguments, so that it needs a
 *     {@code TypeToken} and its cast is unchecked
 * @param paramsNullable whether the parameters object is {@code @Nullable}
 * @param validated whether the parameters object carries {@code @Valid} or a constraint
 * @param handlerReturn how the method hands back its result, and its type
 * @param returnsVoid whether the method returns {@code void}
 */
record RpcMethod(
        String name,
        ExecutableElement element,
        List<Argument> parameters,
        List<TypeMirror> erasedParameterTypes,
        @Nullable TypeMirror paramsType,
        boolean paramsTypeGeneric,
        boolean paramsNullable,
        boolean validated,
        HandlerReturn handlerReturn,
        boolean returnsVoid) {

    RpcMethod {
        parameters = List.copyOf(parameters);
        erasedParameterTypes = List.copyOf(erasedParameterTypes);
    }

    /** Whether the dispatcher waits for the result: a {@code CompletionStage}, a {@code Mono} or a coroutine. */
    boolean async() {
        return this.handlerReturn.async();
    }

    /** What the invoker passes for one Java parameter. */
    enum Argument {
        /** The {@code RpcContext} of the call. */
        CONTEXT,
        /** The decoded parameters object, cast to the parameter's type. */
        PARAMS
    }
}
