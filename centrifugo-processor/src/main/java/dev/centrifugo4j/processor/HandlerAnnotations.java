package dev.centrifugo4j.processor;

import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** The handler annotations and the methods that carry them. */
final class HandlerAnnotations {

    /** The qualified name of every handler annotation, in the order the processor looks for them. */
    static final List<String> QUALIFIED_NAMES = List.of(
            HandlerProcessor.WEB_SOCKET_RPC,
            HandlerProcessor.ON_SUBSCRIBE,
            HandlerProcessor.ON_PUBLISH,
            HandlerProcessor.ON_SUB_REFRESH);

    private HandlerAnnotations() {}

    /** The methods of a type that carry a handler annotation, in declaration order. */
    static List<ExecutableElement> handlerMethodsOf(TypeElement type) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement method
                    && member.getKind() == ElementKind.METHOD
                    && !handlerAnnotationsOf(method).isEmpty()) {
                methods.add(method);
            }
        }
        return methods;
    }

    /** The handler annotations of a method, in the order they are written. */
    static List<AnnotationMirror> handlerAnnotationsOf(ExecutableElement method) {
        List<AnnotationMirror> annotations = new ArrayList<>();
        for (AnnotationMirror annotation : method.getAnnotationMirrors()) {
            if (QUALIFIED_NAMES.contains(AnnotationMirrors.annotationType(annotation)
                    .getQualifiedName()
                    .toString())) {
                annotations.add(annotation);
            }
        }
        return annotations;
    }
}
