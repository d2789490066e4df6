package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.AnnotationMirrors.annotationOf;
import static dev.centrifugo4j.processor.AnnotationMirrors.writtenValue;
import static dev.centrifugo4j.processor.TypeMirrors.isDeclaredType;

import dev.centrifugo4j.contract.ChannelPattern;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * The typed channels: the patterns that publication types declare with {@code @ChannelPublication}.
 * Checks each pattern and type and adds the channel to the contract; checks the channel handlers of
 * a typed channel's pattern against it: they name its variables alike, and an {@code @OnPublish}
 * handler takes the channel's type.
 */
final class TypedChannels {

    private final Types types;

    private final ContractEntries contractEntries;

    private final Diagnostics diagnostics;

    /** The typed channels found so far, by pattern shape. */
    private final Map<String, TypedChannel> byShape = new LinkedHashMap<>();

    /** The channel handler methods found in this round, to check once the round's typed channels are known. */
    private final List<ChannelMethod> handlers = new ArrayList<>();

    TypedChannels(Types types, ContractEntries contractEntries, Diagnostics diagnostics) {
        this.types = types;
        this.contractEntries = contractEntries;
        this.diagnostics = diagnostics;
    }

    /** A typed channel: the pattern a publication type declares. */
    private record TypedChannel(ChannelPattern pattern, TypeElement type) {}

    /** Checks the typed channel a publication type declares and adds it to the contract. */
    void add(TypeElement type) {
        AnnotationMirror annotation = annotationOf(type, HandlerProcessor.CHANNEL_PUBLICATION);
        AnnotationValue value = (annotation != null) ? writtenValue(annotation) : null;
        if (annotation == null || value == null || !(value.getValue() instanceof String patternValue)) {
            // javac reports the malformed annotation itself.
            return;
        }
        String typeName = type.getSimpleName().toString();
        PatternCheck.Result result = PatternCheck.parse(patternValue);
        if (result instanceof PatternCheck.Invalid invalid) {
            this.diagnostics.report(
                    invalid.message(),
                    type,
                    annotation,
                    value,
                    invalid.arguments("ChannelPublication", patternValue, "type " + typeName));
            return;
        }
        ChannelPattern pattern = ((PatternCheck.Parsed) result).pattern();
        if (!type.getTypeParameters().isEmpty()) {
            this.diagnostics.report(Message.PUBLICATION_TYPE_GENERIC, type, annotation, null, typeName, patternValue);
            return;
        }
        TypedChannel first = this.byShape.get(pattern.shape());
        if (first != null) {
            this.diagnostics.report(
                    Message.DUPLICATE_TYPED_CHANNEL,
                    type,
                    annotation,
                    value,
                    patternValue,
                    typeName,
                    first.pattern().text(),
                    first.type().getQualifiedName());
            return;
        }
        if (this.contractEntries.addTypedChannel(type, pattern, annotation)) {
            this.byShape.put(pattern.shape(), new TypedChannel(pattern, type));
        }
    }

    /** Remembers a valid channel handler method, to check against the typed channels at the end of the round. */
    void addHandler(ChannelMethod method) {
        this.handlers.add(method);
    }

    /**
     * Checks the channel handlers of this round against the typed channels of their patterns, then
     * forgets them: elements of earlier rounds cannot carry diagnostics reliably.
     */
    void checkHandlers() {
        for (ChannelMethod method : this.handlers) {
            if (!(PatternCheck.parse(method.pattern()) instanceof PatternCheck.Parsed parsed)) {
                continue;
            }
            TypedChannel typed = this.byShape.get(parsed.pattern().shape());
            if (typed == null) {
                continue;
            }
            String methodName = method.element().getSimpleName().toString();
            if (!parsed.pattern().variableNames().equals(typed.pattern().variableNames())) {
                this.diagnostics.report(
                        Message.TYPED_CHANNEL_VARIABLES_DIFFER,
                        method.element(),
                        annotationOf(method.element(), method.annotation().qualifiedName()),
                        null,
                        method.annotation().simpleName(),
                        method.pattern(),
                        methodName,
                        typed.pattern().text(),
                        typed.type().getQualifiedName());
                continue;
            }
            for (ChannelMethod.Parameter parameter : method.parameters()) {
                if (method.annotation() == ChannelAnnotation.ON_PUBLISH
                        && parameter.kind() == ChannelMethod.Kind.PAYLOAD
                        && !isFreeJson(parameter.type())
                        && !this.types.isSameType(
                                this.types.erasure(parameter.type()),
                                this.types.erasure(typed.type().asType()))) {
                    this.diagnostics.report(
                            Message.TYPED_CHANNEL_PAYLOAD_DIFFERS,
                            method.element(),
                            null,
                            null,
                            methodName,
                            method.pattern(),
                            parameter.type(),
                            typed.type().getQualifiedName());
                }
            }
        }
        this.handlers.clear();
    }

    /** Whether a payload type takes any JSON, so that it takes the typed channel's publications too. */
    private static boolean isFreeJson(TypeMirror type) {
        return isDeclaredType(type, "java.lang.Object")
                || isDeclaredType(type, "tools.jackson.databind.JsonNode")
                || isDeclaredType(type, "tools.jackson.databind.node.ObjectNode");
    }
}
