package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.AnnotationMirrors.annotationOf;
import static dev.centrifugo4j.processor.AnnotationMirrors.annotationType;
import static dev.centrifugo4j.processor.AnnotationMirrors.containsNullable;
import static dev.centrifugo4j.processor.AnnotationMirrors.declarationAndTypeAnnotations;
import static dev.centrifugo4j.processor.AnnotationMirrors.writtenValue;
import static dev.centrifugo4j.processor.HandlerAnnotations.handlerAnnotationsOf;
import static dev.centrifugo4j.processor.TypeMirrors.containsTypeVariable;
import static dev.centrifugo4j.processor.TypeMirrors.isDeclaredType;
import static dev.centrifugo4j.processor.TypeMirrors.isGeneric;
import static dev.centrifugo4j.processor.ValidationAnnotations.declaresConstraints;
import static dev.centrifugo4j.processor.ValidationAnnotations.isValidated;

import dev.centrifugo4j.contract.ChannelPattern;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.Name;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Checks the handler methods of a class (their modifiers, declaring class, RPC name or channel
 * pattern, parameters and return type) and works out the {@link RpcMethod} and {@link
 * ChannelMethod} models the generated index needs. Every problem is reported with its {@link
 * Message} on the method, parameter or annotation value it is about.
 *
 * <p>RPC names and channel patterns must be unique across the compilation, so it remembers those it
 * has seen. It hands each valid channel method to {@link TypedChannels}, which checks it against the
 * typed channel of its pattern at the end of the round.
 */
final class HandlerMethodAnalyzer {

    private static final String RPC_CONTEXT = "dev.centrifugo4j.rpc.RpcContext";

    private static final String CHANNEL_CONTEXT = "dev.centrifugo4j.channel.ChannelContext";

    private static final String CHANNEL_VARIABLE = "dev.centrifugo4j.channel.ChannelVariable";

    /** Centrifugo's rule for namespace names, which RPC namespaces share. */
    private static final Pattern NAMESPACE = Pattern.compile("^[-a-zA-Z0-9_.]{2,}$");

    private final Elements elements;

    private final Types types;

    private final TypedChannels typedChannels;

    private final Diagnostics diagnostics;

    /** The RPC names seen so far, with the method that declared each first. */
    private final Map<String, String> rpcNames = new HashMap<>();

    /**
     * The channel patterns seen so far, keyed by annotation and pattern shape, with the pattern and
     * the method that declared each first.
     */
    private final Map<String, FirstPattern> channelPatterns = new HashMap<>();

    /** The Kotlin constructor parameters warned of already. */
    private final Set<Element> warnedParameters = new HashSet<>();

    HandlerMethodAnalyzer(Elements elements, Types types, TypedChannels typedChannels, Diagnostics diagnostics) {
        this.elements = elements;
        this.types = types;
        this.typedChannels = typedChannels;
        this.diagnostics = diagnostics;
    }

    /**
     * The checked methods of one handler class, sorted as the generated index lists them.
     *
     * @param rpcMethods the RPC methods, by RPC name
     * @param channelMethods the channel methods, by operation, then pattern
     */
    record CheckedMethods(List<RpcMethod> rpcMethods, List<ChannelMethod> channelMethods) {}

    /** The first method that handled a channel operation for a pattern shape. */
    private record FirstPattern(String pattern, String declaredBy) {}

    /**
     * Checks the handler methods of a class.
     *
     * @param handler the class
     * @param methods its methods that carry a handler annotation
     * @return the checked methods, or {@code null} when one of them has errors (reported) or there
     *     are none
     */
    @Nullable
    CheckedMethods analyze(TypeElement handler, List<ExecutableElement> methods) {
        List<RpcMethod> rpcMethods = new ArrayList<>();
        List<ChannelMethod> channelMethods = new ArrayList<>();
        boolean failed = false;
        for (ExecutableElement method : methods) {
            List<AnnotationMirror> annotations = handlerAnnotationsOf(method);
            if (annotations.size() > 1) {
                this.diagnostics.report(
                        Message.MULTIPLE_HANDLER_ANNOTATIONS,
                        method,
                        annotations.get(1),
                        null,
                        method.getSimpleName(),
                        annotationType(annotations.get(0)).getSimpleName(),
                        annotationType(annotations.get(1)).getSimpleName());
                failed = true;
                continue;
            }
            AnnotationMirror annotation = annotations.get(0);
            String annotationName =
                    annotationType(annotation).getQualifiedName().toString();
            if (annotationName.equals(HandlerProcessor.WEB_SOCKET_RPC)) {
                RpcMethod rpcMethod = analyzeRpc(handler, method, annotation);
                failed |= (rpcMethod == null);
                if (rpcMethod != null) {
                    rpcMethods.add(rpcMethod);
                }
            } else {
                ChannelMethod channelMethod =
                        analyzeChannel(handler, method, ChannelAnnotation.of(annotationName), annotation);
                failed |= (channelMethod == null);
                if (channelMethod != null) {
                    channelMethods.add(channelMethod);
                    this.typedChannels.addHandler(channelMethod);
                }
            }
        }
        if (failed || (rpcMethods.isEmpty() && channelMethods.isEmpty())) {
            return null;
        }
        rpcMethods.sort(Comparator.comparing(RpcMethod::name));
        channelMethods.sort(Comparator.comparing(ChannelMethod::annotation).thenComparing(ChannelMethod::pattern));
        return new CheckedMethods(rpcMethods, channelMethods);
    }

    /** The checked model of one RPC method, or {@code null} when it has errors (already reported). */
    private @Nullable RpcMethod analyzeRpc(TypeElement handler, ExecutableElement method, AnnotationMirror annotation) {
        String methodName = method.getSimpleName().toString();
        boolean valid = checkMethod(handler, method, methodName);
        AnnotationValue value = writtenValue(annotation);
        if (value == null || !(value.getValue() instanceof String name)) {
            // javac reports the malformed annotation itself.
            return null;
        }
        valid &= checkName(name, method, methodName, annotation, value);

        HandlerReturn handlerReturn = handlerReturn(method, methodName);
        if (handlerReturn == null) {
            return null;
        }
        List<? extends VariableElement> parameters = HandlerReturn.boundParameters(method, handlerReturn);
        if (parameters.size() > 2) {
            this.diagnostics.report(Message.TOO_MANY_PARAMETERS, method, null, null, methodName, parameters.size());
            return null;
        }
        List<RpcMethod.Argument> arguments = new ArrayList<>();
        List<TypeMirror> erasedTypes = new ArrayList<>();
        VariableElement paramsParameter = null;
        boolean hasContext = false;
        for (VariableElement parameter : parameters) {
            erasedTypes.add(this.types.erasure(parameter.asType()));
            if (isDeclaredType(parameter.asType(), RPC_CONTEXT)) {
                if (hasContext) {
                    valid = this.diagnostics.report(Message.DUPLICATE_CONTEXT, parameter, null, null, methodName);
                }
                hasContext = true;
                arguments.add(RpcMethod.Argument.CONTEXT);
            } else {
                if (paramsParameter != null) {
                    valid = this.diagnostics.report(
                            Message.TWO_PARAMETERS_OBJECTS,
                            parameter,
                            null,
                            null,
                            methodName,
                            paramsParameter.getSimpleName(),
                            parameter.getSimpleName());
                }
                paramsParameter = parameter;
                arguments.add(RpcMethod.Argument.PARAMS);
            }
        }
        if (handlerReturn.continuation() != null) {
            erasedTypes.add(this.types.erasure(handlerReturn.continuation().asType()));
        }

        TypeMirror paramsType = null;
        boolean paramsNullable = false;
        boolean validated = false;
        if (paramsParameter != null) {
            paramsType = paramsParameter.asType();
            valid &= checkParamsType(paramsParameter, paramsType, methodName);
            paramsNullable = containsNullable(declarationAndTypeAnnotations(paramsParameter));
            validated = isValidated(paramsParameter);
            if (!validated) {
                warnOfUncheckedConstraints(paramsParameter, paramsType, methodName);
            }
            warnOfKotlinParameterConstraints(paramsType);
        }
        if (!valid) {
            return null;
        }
        return new RpcMethod(
                name,
                method,
                arguments,
                erasedTypes,
                paramsType,
                paramsType != null && isGeneric(paramsType),
                paramsNullable,
                validated,
                handlerReturn,
                method.getReturnType().getKind() == TypeKind.VOID);
    }

    /** The checked model of one channel method, or {@code null} when it has errors (already reported). */
    private @Nullable ChannelMethod analyzeChannel(
            TypeElement handler, ExecutableElement method, ChannelAnnotation kind, AnnotationMirror annotation) {
        String methodName = method.getSimpleName().toString();
        String annotationName = kind.simpleName();
        boolean valid = checkMethod(handler, method, methodName);
        AnnotationValue value = writtenValue(annotation);
        if (value == null || !(value.getValue() instanceof String patternValue)) {
            // javac reports the malformed annotation itself.
            return null;
        }
        ChannelPattern pattern = checkPattern(patternValue, kind, method, methodName, annotation, value);
        valid &= (pattern != null);

        List<ChannelMethod.Parameter> parameters = new ArrayList<>();
        VariableElement context = null;
        VariableElement payload = null;
        Map<String, VariableElement> boundVariables = new HashMap<>();
        HandlerReturn handlerReturn = handlerReturn(method, methodName);
        if (handlerReturn == null) {
            return null;
        }
        for (VariableElement parameter : HandlerReturn.boundParameters(method, handlerReturn)) {
            TypeMirror type = parameter.asType();
            TypeMirror erasedType = this.types.erasure(type);
            Name parameterName = parameter.getSimpleName();
            if (isDeclaredType(type, CHANNEL_CONTEXT)) {
                if (context != null) {
                    valid = this.diagnostics.report(
                            Message.DUPLICATE_CHANNEL_CONTEXT, parameter, null, null, annotationName, methodName);
                }
                context = parameter;
                parameters.add(new ChannelMethod.Parameter(
                        ChannelMethod.Kind.CONTEXT, "", type, erasedType, false, false, false));
                continue;
            }
            if (!type.getKind().isPrimitive() && containsTypeVariable(type)) {
                valid = this.diagnostics.report(
                        Message.CHANNEL_PARAMETER_TYPE_VARIABLE,
                        parameter,
                        null,
                        null,
                        parameterName,
                        annotationName,
                        methodName,
                        type);
            }
            AnnotationMirror variableAnnotation = annotationOf(parameter, CHANNEL_VARIABLE);
            if (variableAnnotation != null) {
                AnnotationValue variableValue = writtenValue(variableAnnotation);
                String variable =
                        (variableValue != null && variableValue.getValue() instanceof String name && !name.isEmpty())
                                ? name
                                : parameterName.toString();
                if (pattern != null && !pattern.variableNames().contains(variable)) {
                    valid = this.diagnostics.report(
                            Message.UNKNOWN_VARIABLE,
                            parameter,
                            variableAnnotation,
                            variableValue,
                            parameterName,
                            annotationName,
                            methodName,
                            variable,
                            patternValue,
                            listVariables(pattern));
                } else {
                    VariableElement first = boundVariables.putIfAbsent(variable, parameter);
                    if (first != null) {
                        valid = this.diagnostics.report(
                                Message.VARIABLE_BOUND_TWICE,
                                parameter,
                                variableAnnotation,
                                variableValue,
                                first.getSimpleName(),
                                parameterName,
                                annotationName,
                                methodName,
                                variable);
                    }
                }
                parameters.add(new ChannelMethod.Parameter(
                        ChannelMethod.Kind.VARIABLE, variable, type, erasedType, isGeneric(type), false, false));
                continue;
            }
            if (!kind.payloadAllowed()) {
                valid = this.diagnostics.report(
                        Message.SUB_REFRESH_PAYLOAD, parameter, null, null, methodName, parameterName);
            } else if (payload != null) {
                valid = this.diagnostics.report(
                        Message.TWO_PAYLOADS,
                        parameter,
                        null,
                        null,
                        annotationName,
                        methodName,
                        payload.getSimpleName(),
                        parameterName);
            } else if (type.getKind().isPrimitive()) {
                valid = this.diagnostics.report(
                        Message.PRIMITIVE_PAYLOAD,
                        parameter,
                        null,
                        null,
                        parameterName,
                        annotationName,
                        methodName,
                        type,
                        this.types.boxedClass((PrimitiveType) type).getSimpleName());
            }
            if (payload == null) {
                payload = parameter;
            }
            boolean nullable = containsNullable(declarationAndTypeAnnotations(parameter));
            boolean validated = isValidated(parameter);
            if (kind.payloadAllowed() && !validated) {
                warnOfUncheckedConstraints(parameter, type, methodName);
            }
            warnOfKotlinParameterConstraints(type);
            parameters.add(new ChannelMethod.Parameter(
                    ChannelMethod.Kind.PAYLOAD, "", type, erasedType, isGeneric(type), nullable, validated));
        }

        TypeMirror returnType = method.getReturnType();
        boolean async = handlerReturn.async();
        TypeMirror result = handlerReturn.result();
        if (result == null || !isAllowedResult(result, kind, async)) {
            valid = this.diagnostics.report(
                    Message.INVALID_RETURN_TYPE,
                    method,
                    null,
                    null,
                    annotationName,
                    methodName,
                    (handlerReturn.kind() == HandlerReturn.Kind.SUSPEND) ? "suspend " + result : returnType,
                    kind.allowedReturnTypes());
        }
        if (!valid) {
            return null;
        }
        boolean returnsVoid = returnType.getKind() == TypeKind.VOID;
        return new ChannelMethod(
                kind,
                patternValue,
                method,
                parameters,
                handlerReturn,
                returnsVoid,
                returnsVoid || (async && isDeclaredType(result, "java.lang.Void")));
    }

    /** How the method hands back its result, or {@code null} when it returns a stream (reported). */
    private @Nullable HandlerReturn handlerReturn(ExecutableElement method, String methodName) {
        HandlerReturn handlerReturn = HandlerReturn.of(this.elements, this.types, method);
        String stream = handlerReturn.stream(this.elements, this.types);
        if (stream != null) {
            this.diagnostics.report(Message.STREAM_RETURN_TYPE, method, null, null, methodName, stream);
            return null;
        }
        return handlerReturn;
    }

    /** The checks of every handler method, whatever its annotation; reports each problem it finds. */
    private boolean checkMethod(TypeElement handler, ExecutableElement method, String methodName) {
        boolean valid = checkModifiers(method, methodName);
        valid &= checkDeclaringType(handler, method, methodName);
        return valid;
    }

    private boolean checkModifiers(ExecutableElement method, String methodName) {
        boolean valid = true;
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
            valid = this.diagnostics.report(Message.METHOD_PRIVATE, method, null, null, methodName);
        }
        if (modifiers.contains(Modifier.STATIC)) {
            valid = this.diagnostics.report(Message.METHOD_STATIC, method, null, null, methodName);
        }
        if (modifiers.contains(Modifier.ABSTRACT)) {
            valid = this.diagnostics.report(Message.METHOD_ABSTRACT, method, null, null, methodName);
        }
        if (!method.getTypeParameters().isEmpty()) {
            valid = this.diagnostics.report(Message.METHOD_GENERIC, method, null, null, methodName);
        }
        if (method.isVarArgs()) {
            valid = this.diagnostics.report(Message.METHOD_VARARGS, method, null, null, methodName);
        }
        return valid;
    }

    /** The generated class lives in the handler's package and must be able to call the method there. */
    private boolean checkDeclaringType(TypeElement handler, ExecutableElement method, String methodName) {
        if (handler.getKind() != ElementKind.CLASS) {
            String kind = switch (handler.getKind()) {
                case ANNOTATION_TYPE -> "annotation type";
                default -> handler.getKind().name().toLowerCase(Locale.ROOT);
            };
            return this.diagnostics.report(
                    Message.TYPE_NOT_A_CLASS, method, null, null, methodName, kind, handler.getSimpleName());
        }
        NestingKind nesting = handler.getNestingKind();
        if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
            return this.diagnostics.report(Message.TYPE_LOCAL, method, null, null, methodName);
        }
        if (nesting == NestingKind.MEMBER && !handler.getModifiers().contains(Modifier.STATIC)) {
            return this.diagnostics.report(
                    Message.TYPE_INNER, method, null, null, methodName, handler.getQualifiedName());
        }
        for (Element type = handler; type instanceof TypeElement; type = type.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                return this.diagnostics.report(
                        Message.TYPE_PRIVATE, method, null, null, methodName, handler.getQualifiedName());
            }
        }
        return true;
    }

    private boolean checkName(
            String name,
            ExecutableElement method,
            String methodName,
            AnnotationMirror annotation,
            AnnotationValue value) {
        if (name.isBlank()) {
            return this.diagnostics.report(Message.NAME_BLANK, method, annotation, value, methodName);
        }
        if (name.codePoints().anyMatch(Character::isWhitespace)) {
            return this.diagnostics.report(Message.NAME_WHITESPACE, method, annotation, value, name, methodName);
        }
        boolean valid = true;
        int boundary = name.indexOf(':');
        if (boundary >= 0) {
            String namespace = name.substring(0, boundary);
            if (!NAMESPACE.matcher(namespace).matches()) {
                valid = this.diagnostics.report(
                        Message.NAME_INVALID_NAMESPACE, method, annotation, value, name, methodName, namespace);
            }
            if (boundary == name.length() - 1) {
                valid = this.diagnostics.report(
                        Message.NAME_EMPTY_METHOD, method, annotation, value, name, methodName, namespace);
            }
        }
        if (valid) {
            String first = this.rpcNames.putIfAbsent(name, declaredBy(method));
            if (first != null) {
                valid = this.diagnostics.report(
                        Message.DUPLICATE_NAME, method, annotation, value, name, methodName, first);
            }
        }
        return valid;
    }

    private boolean checkParamsType(VariableElement parameter, TypeMirror type, String methodName) {
        if (type.getKind().isPrimitive()) {
            TypeElement boxed = this.types.boxedClass((PrimitiveType) type);
            return this.diagnostics.report(
                    Message.PRIMITIVE_PARAMETERS, parameter, null, null, methodName, type, boxed.getSimpleName());
        }
        if (containsTypeVariable(type)) {
            return this.diagnostics.report(Message.PARAMETERS_TYPE_VARIABLE, parameter, null, null, methodName, type);
        }
        return true;
    }

    /**
     * The parsed pattern, or {@code null} when it is invalid or another method already handles the
     * same operation for the same channels (both reported on the annotation value).
     */
    private @Nullable ChannelPattern checkPattern(
            String value,
            ChannelAnnotation kind,
            ExecutableElement method,
            String methodName,
            AnnotationMirror annotation,
            AnnotationValue annotationValue) {
        PatternCheck.Result result = PatternCheck.parse(value);
        if (result instanceof PatternCheck.Invalid invalid) {
            this.diagnostics.report(
                    invalid.message(),
                    method,
                    annotation,
                    annotationValue,
                    invalid.arguments(kind.simpleName(), value, "method " + methodName));
            return null;
        }
        ChannelPattern pattern = ((PatternCheck.Parsed) result).pattern();
        FirstPattern first = this.channelPatterns.putIfAbsent(
                kind.name() + " " + pattern.shape(), new FirstPattern(value, declaredBy(method)));
        if (first != null) {
            this.diagnostics.report(
                    Message.DUPLICATE_PATTERN,
                    method,
                    annotation,
                    annotationValue,
                    kind.simpleName(),
                    value,
                    methodName,
                    first.pattern(),
                    first.declaredBy());
            return null;
        }
        return pattern;
    }

    /** Warns when the type of a data parameter that asks for no validation declares constraints. */
    private void warnOfUncheckedConstraints(VariableElement parameter, TypeMirror type, String methodName) {
        if (declaresConstraints(type)) {
            this.diagnostics.report(Message.CONSTRAINTS_NOT_VALIDATED, parameter, null, null, type, methodName);
        }
    }

    /**
     * Warns of the constraints on the constructor parameters of a Kotlin data type: without a
     * use-site target ({@code @field:NotBlank}) Kotlin puts them there, where Jakarta validation does
     * not look. Once per parameter, however many handlers use the type.
     */
    private void warnOfKotlinParameterConstraints(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        if (!AnnotationMirrors.isKotlinClass(element)) {
            return;
        }
        for (ExecutableElement constructor : ElementFilter.constructorsIn(element.getEnclosedElements())) {
            for (VariableElement parameter : constructor.getParameters()) {
                for (AnnotationMirror annotation : parameter.getAnnotationMirrors()) {
                    if (ValidationAnnotations.isValidation(annotation) && this.warnedParameters.add(parameter)) {
                        Name annotationName = annotationType(annotation).getSimpleName();
                        this.diagnostics.report(
                                Message.KOTLIN_CONSTRAINT_ON_PARAMETER,
                                parameter,
                                annotation,
                                null,
                                annotationName,
                                parameter.getSimpleName(),
                                element.getQualifiedName(),
                                annotationName,
                                annotationName);
                    }
                }
            }
        }
    }

    private static boolean isAllowedResult(TypeMirror result, ChannelAnnotation kind, boolean async) {
        if (isDeclaredType(result, kind.resultType())) {
            return true;
        }
        if (!kind.booleanOrVoidAllowed()) {
            return false;
        }
        if (async) {
            return isDeclaredType(result, "java.lang.Boolean") || isDeclaredType(result, "java.lang.Void");
        }
        return result.getKind() == TypeKind.VOID
                || result.getKind() == TypeKind.BOOLEAN
                || isDeclaredType(result, "java.lang.Boolean");
    }

    /** The variables of a pattern as a message lists them: {@code {a}, {b}}, or {@code none}. */
    private static String listVariables(ChannelPattern pattern) {
        if (pattern.variableNames().isEmpty()) {
            return "none";
        }
        return pattern.variableNames().stream().map(name -> "{" + name + "}").collect(Collectors.joining(", "));
    }

    /** The method as messages name the first of two that clash: {@code com.example.ChatHandlers.join}. */
    private static String declaredBy(ExecutableElement method) {
        return ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "." + method.getSimpleName();
    }
}
