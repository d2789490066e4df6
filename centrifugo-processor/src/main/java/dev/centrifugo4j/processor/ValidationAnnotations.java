package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.AnnotationMirrors.annotationOf;
import static dev.centrifugo4j.processor.AnnotationMirrors.annotationType;
import static dev.centrifugo4j.processor.AnnotationMirrors.declarationAndTypeAnnotations;
import static dev.centrifugo4j.processor.AnnotationMirrors.writtenValue;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Finds Jakarta Validation's annotations by name: whether a data parameter asks for validation, and
 * whether its type declares constraints that would go unchecked otherwise.
 */
final class ValidationAnnotations {

    private static final String VALID = "jakarta.validation.Valid";

    private static final String CONSTRAINT = "jakarta.validation.Constraint";

    private ValidationAnnotations() {}

    /** Whether the element carries {@code @Valid} or a constraint, on its declaration or its type. */
    static boolean isValidated(Element element) {
        return declarationAndTypeAnnotations(element).stream().anyMatch(ValidationAnnotations::isValidation);
    }

    /**
     * Whether the type (or a superclass) carries constraints on itself, its fields, record components
     * or getters, which Jakarta validation checks only when asked to.
     */
    static boolean declaresConstraints(TypeMirror type) {
        TypeMirror current = type;
        while (current.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) current).asElement();
            if (element.getQualifiedName().contentEquals("java.lang.Object")) {
                return false;
            }
            if (isValidated(element)) {
                return true;
            }
            for (Element member : element.getEnclosedElements()) {
                if (isProperty(member) && isValidated(member)) {
                    return true;
                }
            }
            current = element.getSuperclass();
        }
        return false;
    }

    /** {@code @Valid}, a constraint, or a container of repeated constraints such as {@code @Pattern.List}. */
    static boolean isValidation(AnnotationMirror annotation) {
        TypeElement type = annotationType(annotation);
        if (type.getQualifiedName().contentEquals(VALID) || annotationOf(type, CONSTRAINT) != null) {
            return true;
        }
        AnnotationValue value = writtenValue(annotation);
        if (value != null && value.getValue() instanceof List<?> values) {
            for (Object element : values) {
                if (element instanceof AnnotationValue annotationValue
                        && annotationValue.getValue() instanceof AnnotationMirror nested
                        && isValidation(nested)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the member is one whose constraints Jakarta validation checks: a field, record component or getter. */
    private static boolean isProperty(Element member) {
        if (member.getModifiers().contains(Modifier.STATIC)) {
            return false;
        }
        return switch (member.getKind()) {
            case FIELD -> true;
            case METHOD -> ((ExecutableElement) member).getParameters().isEmpty();
            case RECORD_COMPONENT -> true;
            default -> false;
        };
    }
}
