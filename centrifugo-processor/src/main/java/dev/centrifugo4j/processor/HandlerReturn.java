package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.TypeMirrors.asSupertype;
import static dev.centrifugo4j.processor.TypeMirrors.completionStageArgument;
import static dev.centrifugo4j.processor.TypeMirrors.isCompletionStage;
import static dev.centrifugo4j.processor.TypeMirrors.isDeclaredType;
import static dev.centrifugo4j.processor.TypeMirrors.isSubtype;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * How a handler method hands back its result, and the type of that result, whatever the method is
 * written in: a value, a {@code CompletionStage}, a Reactor {@code Mono}, or a Kotlin {@code suspend
 * fun} (which in the class file, and in kapt's stubs, takes a {@code kotlin.coroutines.Continuation}
 * last and returns {@code Object}).
 *
 * @param kind how the result is handed back
 * @param result the type of the result: the return type for {@link Kind#DIRECT} ({@code void}
 *     included), else the value of the stage, Mono or coroutine ({@code java.lang.Void} for a Kotlin
 *     {@code Unit}); {@code null} when a raw stage or Mono says nothing about it
 * @param continuation the {@code Continuation} parameter of a suspend function, else {@code null}
 */
record HandlerReturn(
        Kind kind, @Nullable TypeMirror result, @Nullable VariableElement continuation) {

    static final String MONO = "reactor.core.publisher.Mono";

    static final String CONTINUATION = "kotlin.coroutines.Continuation";

    /** Streams: a handler answers once, so these are refused (with the first that matches named). */
    private static final List<String> STREAMS =
            List.of("reactor.core.publisher.Flux", "kotlinx.coroutines.flow.Flow", "org.reactivestreams.Publisher");

    /** How a handler method hands back its result. */
    enum Kind {
        /** It returns the result. */
        DIRECT,
        /** It returns a {@code CompletionStage} of it. */
        COMPLETION_STAGE,
        /** It returns a {@code Mono} of it. */
        MONO,
        /** It is a Kotlin suspend function. */
        SUSPEND
    }

    /** Whether the dispatcher waits for the result (a stage, a Mono, a coroutine). */
    boolean async() {
        return this.kind != Kind.DIRECT;
    }

    /** The Java parameters the request's data, variables and context bind to: all but a continuation. */
    static List<? extends VariableElement> boundParameters(ExecutableElement method, HandlerReturn handlerReturn) {
        List<? extends VariableElement> parameters = method.getParameters();
        return (handlerReturn.continuation() != null) ? parameters.subList(0, parameters.size() - 1) : parameters;
    }

    /**
     * How the method returns its result. A stream ({@code Flux}, {@code Flow}, another {@code
     * Publisher}) is a {@link Kind#DIRECT} result here: see {@link #stream}.
     */
    static HandlerReturn of(Elements elements, Types types, ExecutableElement method) {
        TypeMirror returnType = method.getReturnType();
        VariableElement continuation = continuation(method);
        if (continuation != null) {
            TypeMirror result = continuationArgument(continuation.asType());
            if (result != null && isDeclaredType(result, "kotlin.Unit")) {
                result = elements.getTypeElement("java.lang.Void").asType();
            }
            return new HandlerReturn(Kind.SUSPEND, result, continuation);
        }
        if (returnType.getKind() != TypeKind.DECLARED) {
            return new HandlerReturn(Kind.DIRECT, returnType, null);
        }
        if (isCompletionStage(elements, types, returnType)) {
            return new HandlerReturn(Kind.COMPLETION_STAGE, completionStageArgument(types, returnType), null);
        }
        DeclaredType mono = asSupertype(types, returnType, MONO);
        if (mono != null) {
            return new HandlerReturn(Kind.MONO, singleArgument(mono), null);
        }
        return new HandlerReturn(Kind.DIRECT, returnType, null);
    }

    /**
     * The simple name of the stream type the result is ({@code Flux}, {@code Flow}, {@code
     * Publisher}), which no handler may return; {@code null} for any other result.
     */
    @Nullable
    String stream(Elements elements, Types types) {
        TypeMirror type = this.result;
        if (type == null || type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        for (String stream : STREAMS) {
            if (isSubtype(elements, types, type, stream)) {
                return stream.substring(stream.lastIndexOf('.') + 1);
            }
        }
        return null;
    }

    /**
     * The continuation of a Kotlin suspend function: the last parameter, a {@code Continuation},
     * of a method that returns {@code Object} in a class Kotlin compiled ({@code @kotlin.Metadata}).
     */
    private static @Nullable VariableElement continuation(ExecutableElement method) {
        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.isEmpty()
                || !isDeclaredType(method.getReturnType(), "java.lang.Object")
                || !AnnotationMirrors.isKotlinClass(method.getEnclosingElement())) {
            return null;
        }
        VariableElement last = parameters.get(parameters.size() - 1);
        return isDeclaredType(last.asType(), CONTINUATION) ? last : null;
    }

    /** {@code T} of {@code Continuation<? super T>}, {@code null} for a raw one. */
    private static @Nullable TypeMirror continuationArgument(TypeMirror type) {
        List<? extends TypeMirror> arguments = ((DeclaredType) type).getTypeArguments();
        if (arguments.size() != 1) {
            return null;
        }
        TypeMirror argument = arguments.get(0);
        if (argument instanceof WildcardType wildcard) {
            return (wildcard.getSuperBound() != null) ? wildcard.getSuperBound() : wildcard.getExtendsBound();
        }
        return argument;
    }

    private static @Nullable TypeMirror singleArgument(DeclaredType type) {
        List<? extends TypeMirror> arguments = type.getTypeArguments();
        if (arguments.size() != 1) {
            return null;
        }
        TypeMirror argument = arguments.get(0);
        return (argument instanceof WildcardType wildcard) ? wildcard.getExtendsBound() : argument;
    }
}
