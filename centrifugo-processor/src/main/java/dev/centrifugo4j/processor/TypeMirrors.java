package dev.centrifugo4j.processor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Questions about types that the processor asks by qualified name, so that it loads none of the
 * types it looks at.
 */
final class TypeMirrors {

    private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

    private TypeMirrors() {}

    /** Whether the type is the declared type with the qualified name, with whatever type arguments. */
    static boolean isDeclaredType(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement())
                        .getQualifiedName()
                        .contentEquals(qualifiedName);
    }

    /**
     * The type itself or the first of its supertypes, breadth first, that is the declared type with
     * the qualified name, with the type arguments it is used with; {@code null} when it has none.
     */
    static @Nullable DeclaredType asSupertype(Types types, TypeMirror type, String qualifiedName) {
        Deque<TypeMirror> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            TypeMirror current = pending.removeFirst();
            if (isDeclaredType(current, qualifiedName)) {
                return (DeclaredType) current;
            }
            pending.addAll(types.directSupertypes(current));
        }
        return null;
    }

    /** Whether the type is, extends or implements the named type, type arguments aside. */
    static boolean isSubtype(Elements elements, Types types, TypeMirror type, String qualifiedName) {
        TypeElement element = elements.getTypeElement(qualifiedName);
        return element != null && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
    }

    /** Whether a method with this return type is asynchronous: it returns a {@code CompletionStage}. */
    static boolean isCompletionStage(Elements elements, Types types, TypeMirror returnType) {
        return returnType.getKind() == TypeKind.DECLARED && isSubtype(elements, types, returnType, COMPLETION_STAGE);
    }

    /**
     * The type argument {@code X} of the {@code CompletionStage<X>} a type is or implements, or
     * {@code null} when there is none (the type is no {@code CompletionStage}, or a raw one).
     */
    static @Nullable TypeMirror completionStageArgument(Types types, TypeMirror type) {
        DeclaredType completionStage = asSupertype(types, type, COMPLETION_STAGE);
        if (completionStage == null) {
            return null;
        }
        List<? extends TypeMirror> arguments = completionStage.getTypeArguments();
        if (arguments.size() != 1) {
            // A raw CompletionStage says nothing about its result.
            return null;
        }
        TypeMirror argument = arguments.get(0);
        return (argument instanceof WildcardType wildcard) ? wildcard.getExtendsBound() : argument;
    }

    /** Whether the type refers to a type that does not exist (yet: another processor may generate it). */
    static boolean containsError(TypeMirror type) {
        return contains(type, TypeKind.ERROR);
    }

    /** Whether the type is or uses a type variable, to which no request's data can be bound. */
    static boolean containsTypeVariable(TypeMirror type) {
        return contains(type, TypeKind.TYPEVAR);
    }

    private static boolean contains(TypeMirror type, TypeKind kind) {
        if (type.getKind() == kind) {
            return true;
        }
        return switch (type.getKind()) {
            case ARRAY -> contains(((ArrayType) type).getComponentType(), kind);
            case DECLARED ->
                ((DeclaredType) type).getTypeArguments().stream().anyMatch(argument -> contains(argument, kind));
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound =
                        (wildcard.getExtendsBound() != null) ? wildcard.getExtendsBound() : wildcard.getSuperBound();
                yield bound != null && contains(bound, kind);
            }
            default -> false;
        };
    }

    /** Whether a class literal would lose part of the type, so that a {@code TypeToken} is needed. */
    static boolean isGeneric(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return isGeneric(((ArrayType) type).getComponentType());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        return !declared.getTypeArguments().isEmpty() || isGeneric(declared.getEnclosingType());
    }
}
