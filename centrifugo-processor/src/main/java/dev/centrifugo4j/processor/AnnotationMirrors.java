package dev.centrifugo4j.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import org.jspecify.annotations.Nullable;

/**
 * Reads annotations by their qualified names, without loading their classes: the processor depends
 * on nothing of the runtime, of Jakarta Validation or of Jackson.
 */
final class AnnotationMirrors {

    private AnnotationMirrors() {}

    /**
     * Whether Kotlin compiled the class (or kapt stubbed it for the processor): it carries
     * {@code @kotlin.Metadata}, kept at run time, from which the runtime reads what the JetBrains
     * annotations of the stubs say (nullability).
     */
    static boolean isKotlinClass(Element type) {
        return type instanceof TypeElement && annotationOf(type, "kotlin.Metadata") != null;
    }

    /** The annotation's type. */
    static TypeElement annotationType(AnnotationMirror annotation) {
        return (TypeElement) annotation.getAnnotationType().asElement();
    }

    /** The first of the annotations whose type has the qualified name, or {@code null}. */
    static @Nullable AnnotationMirror find(List<? extends AnnotationMirror> annotations, String qualifiedName) {
        for (AnnotationMirror annotation : annotations) {
            if (annotationType(annotation).getQualifiedName().contentEquals(qualifiedName)) {
                return annotation;
            }
        }
        return null;
    }

    /** The element's declaration annotation with the qualified name, or {@code null}. */
    static @Nullable AnnotationMirror annotationOf(Element element, String qualifiedName) {
        return find(element.getAnnotationMirrors(), qualifiedName);
    }

    /**
     * The annotation's {@code value} as written, or {@code null} when it is left to its default: the
     * value is what a diagnostic points at.
     */
    static @Nullable AnnotationValue writtenValue(AnnotationMirror annotation) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")) {
                return entry.getValue();
            }
        }
        return null;
    }

    /**
     * The annotations of a declaration and of its type (a method's return type): {@code @Nullable}
     * and constraints may sit in either.
     */
    static List<AnnotationMirror> declarationAndTypeAnnotations(Element element) {
        List<AnnotationMirror> annotations = new ArrayList<>(element.getAnnotationMirrors());
        TypeMirror type = (element instanceof ExecutableElement method) ? method.getReturnType() : element.asType();
        annotations.addAll(type.getAnnotationMirrors());
        return annotations;
    }

    /** Whether one of the annotations is a {@code @Nullable}, of whichever library (JSpecify, Jakarta, ...). */
    static boolean containsNullable(List<? extends AnnotationMirror> annotations) {
        return annotations.stream().anyMatch(AnnotationMirrors::isNullableAnnotation);
    }

    /**
     * Whether one of the annotations is a {@code @Nullable} that is kept at run time (JSpecify,
     * Jakarta, Spring, JSR-305, ...; not JetBrains' or AndroidX's, which stay in the class file), so
     * that the server sees it too.
     */
    static boolean containsRuntimeNullable(List<? extends AnnotationMirror> annotations) {
        return annotations.stream()
                .anyMatch(annotation -> isNullableAnnotation(annotation) && isRetainedAtRunTime(annotation));
    }

    /** Whether the annotation is a {@code @Nullable}, of whichever library. */
    static boolean isNullableAnnotation(AnnotationMirror annotation) {
        return annotationType(annotation).getSimpleName().contentEquals("Nullable");
    }

    /** Whether the annotation's type is {@code @Retention(RUNTIME)} (without {@code @Retention}, it is kept in the class file only). */
    static boolean isRetainedAtRunTime(AnnotationMirror annotation) {
        AnnotationMirror retention =
                find(annotationType(annotation).getAnnotationMirrors(), "java.lang.annotation.Retention");
        if (retention == null) {
            return false;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                retention.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")
                    && entry.getValue().getValue() instanceof VariableElement policy) {
                return policy.getSimpleName().contentEquals("RUNTIME");
            }
        }
        return false;
    }
}
