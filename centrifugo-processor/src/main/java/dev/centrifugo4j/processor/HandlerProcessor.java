package dev.centrifugo4j.processor;

import static dev.centrifugo4j.processor.AnnotationMirrors.annotationOf;
import static dev.centrifugo4j.processor.AnnotationMirrors.annotationType;
import static dev.centrifugo4j.processor.AnnotationMirrors.containsNullable;
import static dev.centrifugo4j.processor.AnnotationMirrors.declarationAndTypeAnnotations;
import static dev.centrifugo4j.processor.AnnotationMirrors.writtenValue;
import static dev.centrifugo4j.processor.HandlerAnnotations.handlerAnnotationsOf;
import static dev.centrifugo4j.processor.HandlerAnnotations.handlerMethodsOf;
import static dev.centrifugo4j.processor.TypeMirrors.completionStageArgument;
import static dev.centrifugo4j.processor.TypeMirrors.containsError;
import static dev.centrifugo4j.processor.TypeMirrors.containsTypeVariable;
import static dev.centrifugo4j.processor.TypeMirrors.isCompletionStage;
import static dev.centrifugo4j.processor.TypeMirrors.isDeclaredType;
import static dev.centrifugo4j.processor.TypeMirrors.isGeneric;

import com.palantir.javapoet.ClassName;
import dev.centrifugo4j.contract.ChannelPattern;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
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
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import org.jspecify.annotations.Nullable;

/**
 * Finds the handler methods ({@code @WebSocketRpc}, {@code @OnSubscribe}, {@code @OnPublish} and
 * {@code @OnSubRefresh}) at compile time, checks their signatures and channel patterns and
 * generates, for each handler class, a {@code <Class>_CentrifugoHandlers} implementation of {@code
 * HandlerIndex} that calls them directly; the runtime dispatches RPC calls and channel proxy requests
 * through these indexes instead of scanning beans with reflection.
 *
 * <p>The processor also writes {@value AggregateResources#INDEX_RESOURCE}, the sorted list of the generated class
 * names, once all rounds are over. On an incremental build it keeps the entries of the previous
 * file whose handler class still exists, still has handler methods and was not compiled again, the
 * way Spring's {@code CandidateComponentsIndexer} does.
 *
 * <p>It refers to the runtime types by name only and loads none of them, so that it runs with
 * nothing but the compiler on its class path. Problems are reported with the texts of {@link
 * Message} on the offending method, parameter or annotation value.
 */
public final class HandlerProcessor extends AbstractProcessor {

    /** The qualified name of the RPC handler annotation. */
    public static final String WEB_SOCKET_RPC = "dev.centrifugo4j.rpc.WebSocketRpc";

    /** The qualified name of the subscribe handler annotation. */
    public static final String ON_SUBSCRIBE = "dev.centrifugo4j.channel.OnSubscribe";

    /** The qualified name of the publish handler annotation. */
    public static final String ON_PUBLISH = "dev.centrifugo4j.channel.OnPublish";

    /** The qualified name of the sub_refresh handler annotation. */
    public static final String ON_SUB_REFRESH = "dev.centrifugo4j.channel.OnSubRefresh";

    /** The qualified name of the annotation that declares a typed channel on its publication type. */
    public static final String CHANNEL_PUBLICATION = "dev.centrifugo4j.channel.ChannelPublication";

    /** The processor option that turns the contract off ({@code -Acentrifugo.contract=false}). */
    static final String CONTRACT_OPTION = "centrifugo.contract";

    private static final String RPC_CONTEXT = "dev.centrifugo4j.rpc.RpcContext";

    private static final String CHANNEL_CONTEXT = "dev.centrifugo4j.channel.ChannelContext";

    private static final String CHANNEL_VARIABLE = "dev.centrifugo4j.channel.ChannelVariable";

    private static final String VALID = "jakarta.validation.Valid";

    private static final String CONSTRAINT = "jakarta.validation.Constraint";

    /** Centrifugo's rule for namespace names, which RPC namespaces share. */
    private static final Pattern NAMESPACE = Pattern.compile("^[-a-zA-Z0-9_.]{2,}$");

    /** The RPC names seen so far, with the method that declared each first. */
    private final Map<String, String> rpcNames = new HashMap<>();

    /**
     * The channel patterns seen so far, keyed by annotation and pattern shape, with the pattern and
     * the method that declared each first.
     */
    private final Map<String, FirstPattern> channelPatterns = new HashMap<>();

    /** The typed channels found so far, by pattern shape. */
    private final Map<String, TypedChannel> typedChannels = new LinkedHashMap<>();

    /** The channel handler methods found so far, to check against the typed channels at the end. */
    private final List<ChannelMethod> channelHandlers = new ArrayList<>();

    /** Handler classes whose signatures still refer to types another processor has yet to generate. */
    private final Set<String> deferredHandlers = new LinkedHashSet<>();

    private @Nullable Elements elements;

    private @Nullable Types types;

    private @Nullable HandlerIndexGenerator generator;

    private @Nullable Diagnostics diagnostics;

    private @Nullable AggregateResources resources;

    private @Nullable ContractEntries contractEntries;

    /** Creates the processor; javac does this through {@code META-INF/services}. */
    public HandlerProcessor() {}

    /**
     * {@code *}, like Spring's {@code CandidateComponentsIndexer}, although only the handler
     * annotations matter: javac calls a processor only in compilations that contain one of its
     * annotations, so an incremental compilation that removes the last handler annotation would
     * otherwise leave a stale entry in the index. The processor claims nothing, so
     * other processors still see every annotation. (javac warns when {@code *} is listed with other
     * names.)
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    /**
     * {@value #CONTRACT_OPTION}: {@code false} writes the handler index only, no {@value
     * ContractWriter#RESOURCE}, for a library whose built-in handlers are not part of the
     * applications' contracts (the starter's {@code system.contract}).
     */
    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CONTRACT_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public synchronized void init(ProcessingEnvironment processingEnv) {
        super.init(processingEnv);
        this.elements = processingEnv.getElementUtils();
        this.types = processingEnv.getTypeUtils();
        this.generator = new HandlerIndexGenerator(this.elements);
        ContractSchemas schemas = new ContractSchemas(this.elements, this.types, EnumJsonValues.of(processingEnv));
        ContractWriter contract = new ContractWriter(schemas);
        this.diagnostics = new Diagnostics(processingEnv.getMessager());
        this.contractEntries = new ContractEntries(this.elements, this.types, schemas, contract, this.diagnostics);
        this.resources = new AggregateResources(
                processingEnv.getFiler(), this.elements, this.generator, contract, this.diagnostics);
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
        try {
            Set<TypeElement> handlers = new LinkedHashSet<>();
            for (String deferred : this.deferredHandlers) {
                TypeElement handler = elements().getTypeElement(deferred);
                if (handler != null) {
                    handlers.add(handler);
                }
            }
            this.deferredHandlers.clear();
            for (String annotationName : HandlerAnnotations.QUALIFIED_NAMES) {
                TypeElement annotation = elements().getTypeElement(annotationName);
                if (annotation == null) {
                    continue;
                }
                for (Element element : roundEnv.getElementsAnnotatedWith(annotation)) {
                    if (element.getKind() == ElementKind.METHOD
                            && element.getEnclosingElement() instanceof TypeElement handler) {
                        handlers.add(handler);
                    }
                }
            }
            for (TypeElement handler : handlers) {
                processHandler(handler, roundEnv.processingOver());
            }
            TypeElement publication = elements().getTypeElement(CHANNEL_PUBLICATION);
            if (publication != null) {
                for (Element element : roundEnv.getElementsAnnotatedWith(publication)) {
                    if (element instanceof TypeElement type) {
                        processPublication(type);
                    }
                }
            }
            // Elements of earlier rounds cannot carry diagnostics reliably: check within the round.
            checkTypedChannels();
            this.channelHandlers.clear();
            if (roundEnv.processingOver()) {
                resources().writeIndex();
                if (!"false".equals(this.processingEnv.getOptions().get(CONTRACT_OPTION))) {
                    resources().writeContract();
                }
            }
        } catch (RuntimeException ex) {
            diagnostics().reportInternalError(null, ex);
        }
        // Other processors may want to see the handler annotations too.
        return false;
    }

    private void processHandler(TypeElement handler, boolean lastRound) {
        try {
            if (resources().isCompiledHandler(handler)) {
                return;
            }
            List<ExecutableElement> methods = handlerMethodsOf(handler);
            if (methods.stream().anyMatch(HandlerProcessor::refersToMissingTypes)) {
                // Another processor may generate the missing types in this round; javac itself
                // reports them if they never appear.
                if (!lastRound) {
                    this.deferredHandlers.add(elements().getBinaryName(handler).toString());
                }
                return;
            }
            resources().addCompiledHandler(handler);
            List<RpcMethod> rpcMethods = new ArrayList<>();
            List<ChannelMethod> channelMethods = new ArrayList<>();
            boolean failed = false;
            for (ExecutableElement method : methods) {
                List<AnnotationMirror> annotations = handlerAnnotationsOf(method);
                if (annotations.size() > 1) {
                    diagnostics()
                            .report(
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
                String annotationName =
                        annotationType(annotations.get(0)).getQualifiedName().toString();
                if (annotationName.equals(WEB_SOCKET_RPC)) {
                    RpcMethod rpcMethod = analyze(handler, method);
                    failed |= (rpcMethod == null);
                    if (rpcMethod != null) {
                        rpcMethods.add(rpcMethod);
                    }
                } else {
                    ChannelMethod channelMethod =
                            analyzeChannel(handler, method, ChannelAnnotation.of(annotationName), annotations.get(0));
                    failed |= (channelMethod == null);
                    if (channelMethod != null) {
                        channelMethods.add(channelMethod);
                        this.channelHandlers.add(channelMethod);
                    }
                }
            }
            if (!failed && !(rpcMethods.isEmpty() && channelMethods.isEmpty())) {
                rpcMethods.sort(Comparator.comparing(RpcMethod::name));
                channelMethods.sort(
                        Comparator.comparing(ChannelMethod::annotation).thenComparing(ChannelMethod::pattern));
                if (contractEntries().addHandler(handler, rpcMethods, channelMethods)) {
                    generate(handler, rpcMethods, channelMethods);
                }
            }
        } catch (RuntimeException ex) {
            diagnostics().reportInternalError(handler, ex);
        }
    }

    /** A typed channel: the pattern a publication type declares with {@code @ChannelPublication}. */
    private record TypedChannel(
            ChannelPattern pattern, TypeElement type, AnnotationMirror annotation, AnnotationValue value) {}

    private void processPublication(TypeElement type) {
        if (!resources().addCompiledPublication(type)) {
            return;
        }
        AnnotationMirror annotation = annotationOf(type, CHANNEL_PUBLICATION);
        AnnotationValue value = (annotation != null) ? writtenValue(annotation) : null;
        if (annotation == null || value == null || !(value.getValue() instanceof String patternValue)) {
            // javac reports the malformed annotation itself.
            return;
        }
        String typeName = type.getSimpleName().toString();
        PatternCheck.Result result = PatternCheck.parse(patternValue);
        if (result instanceof PatternCheck.Invalid invalid) {
            List<Object> arguments = new ArrayList<>(List.of("ChannelPublication", patternValue, "type " + typeName));
            arguments.addAll(invalid.details());
            diagnostics().report(invalid.message(), type, annotation, value, arguments.toArray());
            return;
        }
        ChannelPattern pattern = ((PatternCheck.Parsed) result).pattern();
        if (!type.getTypeParameters().isEmpty()) {
            diagnostics().report(Message.PUBLICATION_TYPE_GENERIC, type, annotation, null, typeName, patternValue);
            return;
        }
        TypedChannel first = this.typedChannels.get(pattern.shape());
        if (first != null) {
            diagnostics()
                    .report(
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
        if (!contractEntries().addTypedChannel(type, pattern, annotation)) {
            return;
        }
        this.typedChannels.put(pattern.shape(), new TypedChannel(pattern, type, annotation, value));
    }

    /**
     * Checks that the channel handlers of a typed channel's pattern name its variables alike and
     * that an {@code @OnPublish} handler takes the channel's type.
     */
    private void checkTypedChannels() {
        for (ChannelMethod method : this.channelHandlers) {
            if (!(PatternCheck.parse(method.pattern()) instanceof PatternCheck.Parsed parsed)) {
                continue;
            }
            TypedChannel typed = this.typedChannels.get(parsed.pattern().shape());
            if (typed == null) {
                continue;
            }
            String methodName = method.element().getSimpleName().toString();
            String annotationName = method.annotation().simpleName();
            if (!parsed.pattern().variableNames().equals(typed.pattern().variableNames())) {
                diagnostics()
                        .report(
                                Message.TYPED_CHANNEL_VARIABLES_DIFFER,
                                method.element(),
                                annotationOf(
                                        method.element(), method.annotation().qualifiedName()),
                                null,
                                annotationName,
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
                        && !types().isSameType(
                                        types().erasure(parameter.type()),
                                        types().erasure(typed.type().asType()))) {
                    diagnostics()
                            .report(
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
    }

    private static boolean isFreeJson(TypeMirror type) {
        return isDeclaredType(type, "java.lang.Object")
                || isDeclaredType(type, "tools.jackson.databind.JsonNode")
                || isDeclaredType(type, "tools.jackson.databind.node.ObjectNode");
    }

    private void generate(TypeElement handler, List<RpcMethod> rpcMethods, List<ChannelMethod> channelMethods) {
        ClassName name = generator().generatedName(handler);
        try {
            generator().generate(handler, rpcMethods, channelMethods).writeTo(this.processingEnv.getFiler());
            resources().addGeneratedIndex(name.canonicalName());
        } catch (IOException ex) {
            diagnostics()
                    .report(
                            Message.SOURCE_NOT_WRITTEN,
                            handler,
                            null,
                            null,
                            name.canonicalName(),
                            handler,
                            ex.getMessage());
        }
    }

    /** The checked model of one method, or {@code null} when it has errors (already reported). */
    private @Nullable RpcMethod analyze(TypeElement handler, ExecutableElement method) {
        String methodName = method.getSimpleName().toString();
        boolean valid = checkModifiers(method, methodName);
        valid &= checkDeclaringType(handler, method, methodName);
        AnnotationMirror annotation = annotationOf(method, WEB_SOCKET_RPC);
        AnnotationValue value = (annotation != null) ? writtenValue(annotation) : null;
        if (annotation == null || value == null || !(value.getValue() instanceof String name)) {
            // javac reports the malformed annotation itself.
            return null;
        }
        valid &= checkName(name, method, methodName, annotation, value);

        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.size() > 2) {
            diagnostics().report(Message.TOO_MANY_PARAMETERS, method, null, null, methodName, parameters.size());
            return null;
        }
        List<RpcMethod.Argument> arguments = new ArrayList<>();
        List<TypeMirror> erasedTypes = new ArrayList<>();
        VariableElement paramsParameter = null;
        boolean hasContext = false;
        for (VariableElement parameter : parameters) {
            erasedTypes.add(types().erasure(parameter.asType()));
            if (isRpcContext(parameter.asType())) {
                if (hasContext) {
                    diagnostics().report(Message.DUPLICATE_CONTEXT, parameter, null, null, methodName);
                    valid = false;
                }
                hasContext = true;
                arguments.add(RpcMethod.Argument.CONTEXT);
            } else {
                if (paramsParameter != null) {
                    diagnostics()
                            .report(
                                    Message.TWO_PARAMETERS_OBJECTS,
                                    parameter,
                                    null,
                                    null,
                                    methodName,
                                    paramsParameter.getSimpleName(),
                                    parameter.getSimpleName());
                    valid = false;
                }
                paramsParameter = parameter;
                arguments.add(RpcMethod.Argument.PARAMS);
            }
        }

        TypeMirror paramsType = null;
        boolean paramsNullable = false;
        boolean validated = false;
        if (paramsParameter != null) {
            paramsType = paramsParameter.asType();
            valid &= checkParamsType(paramsParameter, paramsType, methodName);
            paramsNullable = containsNullable(declarationAndTypeAnnotations(paramsParameter));
            validated = declarationAndTypeAnnotations(paramsParameter).stream().anyMatch(this::isValidation);
            if (!validated && declaresConstraints(paramsType)) {
                diagnostics()
                        .report(Message.CONSTRAINTS_NOT_VALIDATED, paramsParameter, null, null, paramsType, methodName);
            }
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
                isCompletionStage(elements(), types(), method.getReturnType()),
                method.getReturnType().getKind() == TypeKind.VOID);
    }

    /** The checked model of one channel method, or {@code null} when it has errors (already reported). */
    private @Nullable ChannelMethod analyzeChannel(
            TypeElement handler, ExecutableElement method, ChannelAnnotation kind, AnnotationMirror annotation) {
        String methodName = method.getSimpleName().toString();
        String annotationName = kind.simpleName();
        boolean valid = checkModifiers(method, methodName);
        valid &= checkDeclaringType(handler, method, methodName);
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
        for (VariableElement parameter : method.getParameters()) {
            TypeMirror type = parameter.asType();
            TypeMirror erasedType = types().erasure(type);
            Name parameterName = parameter.getSimpleName();
            if (isDeclaredType(type, CHANNEL_CONTEXT)) {
                if (context != null) {
                    valid = diagnostics()
                            .report(
                                    Message.DUPLICATE_CHANNEL_CONTEXT,
                                    parameter,
                                    null,
                                    null,
                                    annotationName,
                                    methodName);
                }
                context = parameter;
                parameters.add(new ChannelMethod.Parameter(
                        ChannelMethod.Kind.CONTEXT, "", type, erasedType, false, false, false));
                continue;
            }
            if (!type.getKind().isPrimitive() && containsTypeVariable(type)) {
                valid = diagnostics()
                        .report(
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
                    valid = diagnostics()
                            .report(
                                    Message.UNKNOWN_VARIABLE,
                                    parameter,
                                    variableAnnotation,
                                    variableValue,
                                    parameterName,
                                    annotationName,
                                    methodName,
                                    variable,
                                    patternValue,
                                    describeVariables(pattern));
                } else {
                    VariableElement first = boundVariables.putIfAbsent(variable, parameter);
                    if (first != null) {
                        valid = diagnostics()
                                .report(
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
                valid = diagnostics()
                        .report(Message.SUB_REFRESH_PAYLOAD, parameter, null, null, methodName, parameterName);
            } else if (payload != null) {
                valid = diagnostics()
                        .report(
                                Message.TWO_PAYLOADS,
                                parameter,
                                null,
                                null,
                                annotationName,
                                methodName,
                                payload.getSimpleName(),
                                parameterName);
            } else if (type.getKind().isPrimitive()) {
                valid = diagnostics()
                        .report(
                                Message.PRIMITIVE_PAYLOAD,
                                parameter,
                                null,
                                null,
                                parameterName,
                                annotationName,
                                methodName,
                                type,
                                types().boxedClass((PrimitiveType) type).getSimpleName());
            }
            if (payload == null) {
                payload = parameter;
            }
            boolean nullable = containsNullable(declarationAndTypeAnnotations(parameter));
            boolean validated =
                    declarationAndTypeAnnotations(parameter).stream().anyMatch(this::isValidation);
            if (kind.payloadAllowed() && !validated && declaresConstraints(type)) {
                diagnostics().report(Message.CONSTRAINTS_NOT_VALIDATED, parameter, null, null, type, methodName);
            }
            parameters.add(new ChannelMethod.Parameter(
                    ChannelMethod.Kind.PAYLOAD, "", type, erasedType, isGeneric(type), nullable, validated));
        }

        TypeMirror returnType = method.getReturnType();
        boolean async = isCompletionStage(elements(), types(), returnType);
        TypeMirror result = async ? completionStageArgument(types(), returnType) : returnType;
        if (result == null || !isAllowedResult(result, kind, async)) {
            valid = diagnostics()
                    .report(
                            Message.INVALID_RETURN_TYPE,
                            method,
                            null,
                            null,
                            annotationName,
                            methodName,
                            returnType,
                            kind.allowedReturnTypes());
        }
        if (!valid) {
            return null;
        }
        return new ChannelMethod(kind, patternValue, method, parameters, async, returnType.getKind() == TypeKind.VOID);
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
            List<Object> arguments = new ArrayList<>(List.of(kind.simpleName(), value, "method " + methodName));
            arguments.addAll(invalid.details());
            diagnostics().report(invalid.message(), method, annotation, annotationValue, arguments.toArray());
            return null;
        }
        ChannelPattern pattern = ((PatternCheck.Parsed) result).pattern();
        String declaredBy = ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "." + methodName;
        FirstPattern first = this.channelPatterns.putIfAbsent(
                kind.name() + " " + pattern.shape(), new FirstPattern(value, declaredBy));
        if (first != null) {
            diagnostics()
                    .report(
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

    private static String describeVariables(@Nullable ChannelPattern pattern) {
        if (pattern == null || pattern.variableNames().isEmpty()) {
            return "none";
        }
        return pattern.variableNames().stream().map(name -> "{" + name + "}").collect(Collectors.joining(", "));
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

    /** The first method that handled a channel operation for a pattern shape. */
    private record FirstPattern(String pattern, String declaredBy) {}

    private boolean checkModifiers(ExecutableElement method, String methodName) {
        boolean valid = true;
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
            valid = diagnostics().report(Message.METHOD_PRIVATE, method, null, null, methodName);
        }
        if (modifiers.contains(Modifier.STATIC)) {
            valid = diagnostics().report(Message.METHOD_STATIC, method, null, null, methodName);
        }
        if (modifiers.contains(Modifier.ABSTRACT)) {
            valid = diagnostics().report(Message.METHOD_ABSTRACT, method, null, null, methodName);
        }
        if (!method.getTypeParameters().isEmpty()) {
            valid = diagnostics().report(Message.METHOD_GENERIC, method, null, null, methodName);
        }
        if (method.isVarArgs()) {
            valid = diagnostics().report(Message.METHOD_VARARGS, method, null, null, methodName);
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
            return diagnostics()
                    .report(Message.TYPE_NOT_A_CLASS, method, null, null, methodName, kind, handler.getSimpleName());
        }
        NestingKind nesting = handler.getNestingKind();
        if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
            return diagnostics().report(Message.TYPE_LOCAL, method, null, null, methodName);
        }
        if (nesting == NestingKind.MEMBER && !handler.getModifiers().contains(Modifier.STATIC)) {
            return diagnostics().report(Message.TYPE_INNER, method, null, null, methodName, handler.getQualifiedName());
        }
        for (Element type = handler; type instanceof TypeElement; type = type.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                return diagnostics()
                        .report(Message.TYPE_PRIVATE, method, null, null, methodName, handler.getQualifiedName());
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
            return diagnostics().report(Message.NAME_BLANK, method, annotation, value, methodName);
        }
        if (name.codePoints().anyMatch(Character::isWhitespace)) {
            return diagnostics().report(Message.NAME_WHITESPACE, method, annotation, value, name, methodName);
        }
        boolean valid = true;
        int boundary = name.indexOf(':');
        if (boundary >= 0) {
            String namespace = name.substring(0, boundary);
            if (!NAMESPACE.matcher(namespace).matches()) {
                valid = diagnostics()
                        .report(Message.NAME_INVALID_NAMESPACE, method, annotation, value, name, methodName, namespace);
            }
            if (boundary == name.length() - 1) {
                valid = diagnostics()
                        .report(Message.NAME_EMPTY_METHOD, method, annotation, value, name, methodName, namespace);
            }
        }
        if (valid) {
            String declaredBy = ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "." + methodName;
            String first = this.rpcNames.putIfAbsent(name, declaredBy);
            if (first != null) {
                valid = diagnostics()
                        .report(Message.DUPLICATE_NAME, method, annotation, value, name, methodName, first);
            }
        }
        return valid;
    }

    private boolean checkParamsType(VariableElement parameter, TypeMirror type, String methodName) {
        if (type.getKind().isPrimitive()) {
            TypeElement boxed = types().boxedClass((PrimitiveType) type);
            return diagnostics()
                    .report(
                            Message.PRIMITIVE_PARAMETERS,
                            parameter,
                            null,
                            null,
                            methodName,
                            type,
                            boxed.getSimpleName());
        }
        if (containsTypeVariable(type)) {
            return diagnostics().report(Message.PARAMETERS_TYPE_VARIABLE, parameter, null, null, methodName, type);
        }
        return true;
    }

    private static boolean refersToMissingTypes(ExecutableElement method) {
        return containsError(method.getReturnType())
                || method.getParameters().stream().anyMatch(parameter -> containsError(parameter.asType()));
    }

    private static boolean isRpcContext(TypeMirror type) {
        return isDeclaredType(type, RPC_CONTEXT);
    }

    /** {@code @Valid}, a constraint, or a container of repeated constraints such as {@code @Pattern.List}. */
    private boolean isValidation(AnnotationMirror annotation) {
        TypeElement type = annotationType(annotation);
        if (type.getQualifiedName().contentEquals(VALID) || annotationOf(type, CONSTRAINT) != null) {
            return true;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")
                    && entry.getValue().getValue() instanceof List<?> values) {
                for (Object element : values) {
                    if (element instanceof AnnotationValue annotationValue
                            && annotationValue.getValue() instanceof AnnotationMirror nested
                            && isValidation(nested)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * Whether the parameters type (or a superclass) carries constraints on itself, its fields,
     * record components or getters, which Jakarta validation checks only when asked to.
     */
    private boolean declaresConstraints(TypeMirror type) {
        TypeMirror current = type;
        while (current.getKind() == TypeKind.DECLARED) {
            TypeElement element = (TypeElement) ((DeclaredType) current).asElement();
            if (element.getQualifiedName().contentEquals("java.lang.Object")) {
                return false;
            }
            if (declarationAndTypeAnnotations(element).stream().anyMatch(this::isValidation)) {
                return true;
            }
            for (Element member : element.getEnclosedElements()) {
                if (isValidatedMember(member)
                        && declarationAndTypeAnnotations(member).stream().anyMatch(this::isValidation)) {
                    return true;
                }
            }
            current = element.getSuperclass();
        }
        return false;
    }

    private static boolean isValidatedMember(Element member) {
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

    private Elements elements() {
        return requireInitialized(this.elements);
    }

    private Types types() {
        return requireInitialized(this.types);
    }

    private HandlerIndexGenerator generator() {
        return requireInitialized(this.generator);
    }

    private Diagnostics diagnostics() {
        return requireInitialized(this.diagnostics);
    }

    private AggregateResources resources() {
        return requireInitialized(this.resources);
    }

    private ContractEntries contractEntries() {
        return requireInitialized(this.contractEntries);
    }

    private static <T> T requireInitialized(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The processor has not been initialized by javac");
        }
        return value;
    }
}
