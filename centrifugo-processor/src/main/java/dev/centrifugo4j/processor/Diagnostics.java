package dev.centrifugo4j.processor;

import java.io.PrintWriter;
import java.io.StringWriter;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import org.jspecify.annotations.Nullable;

/**
 * Reports the processor's {@link Message}s to javac, on the element, annotation and annotation value
 * they are about, so that the IDE underlines the right place.
 */
final class Diagnostics {

    private final Messager messager;

    Diagnostics(Messager messager) {
        this.messager = messager;
    }

    /**
     * Reports a message and returns {@code false} for an error, so that checks read {@code valid =
     * report(...)}.
     *
     * @param message the diagnostic
     * @param element what it is about, or {@code null} for the compilation as a whole
     * @param annotation the annotation of the element it is about, or {@code null}
     * @param value the value of that annotation it is about, or {@code null}
     * @param arguments the message's arguments
     */
    boolean report(
            Message message,
            @Nullable Element element,
            @Nullable AnnotationMirror annotation,
            @Nullable AnnotationValue value,
            Object... arguments) {
        String text = message.format(arguments);
        if (element == null) {
            this.messager.printMessage(message.kind(), text);
        } else {
            this.messager.printMessage(message.kind(), text, element, annotation, value);
        }
        return message.kind() != Diagnostic.Kind.ERROR;
    }

    /** Reports a bug of the processor as an error with its stack trace, rather than let it reach javac. */
    void reportInternalError(@Nullable Element element, RuntimeException ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        report(Message.INTERNAL_ERROR, element, null, null, trace.toString().strip());
    }
}
