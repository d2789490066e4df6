package dev.centrifugo4j.processor;

import com.palantir.javapoet.ClassName;
import dev.centrifugo4j.spi.HandlerIndex;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;
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
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.PrimitiveType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import org.jspecify.annotations.Nullable;

/**
 * Finds the {@code @WebSocketRpc} methods at compile time, checks their signatures and generates,
 * for each handler class, a {@code <Class>_CentrifugoHandlers} implementation of {@code HandlerIndex}
 * that calls them directly; the runtime dispatches RPC calls through these indexes instead of
 * scanning beans with reflection.
 *
 * <p>The processor also writes {@value #INDEX_RESOURCE}, the sorted list of the generated class
 * names, once all rounds are over. On an incremental build it keeps the entries of the previous
 * file whose handler class still exists, still has {@code @WebSocketRpc} methods and was not
 * compiled again, the way Spring's {@code CandidateComponentsIndexer} does.
 *
 * <p>It refers to the runtime types by name only and loads none of them, so that it runs with
 * nothing but the compiler on its class path. Problems are reported with the texts of {@link
 * Message} on the offending method, parameter or annotation value.
 */
public final class HandlerProcessor extends AbstractProcessor {

    /** The qualified name of the annotation this processor handles. */
    public static final String WEB_SOCKET_RPC = "dev.centrifugo4j.rpc.WebSocketRpc";

    /**
     * The resource that lists the generated indexes, one class name per line. A constant variable,
     * so javac copies its value here and the processor never loads {@link HandlerIndex}.
     */
    public static final String INDEX_RESOURCE = HandlerIndex.INDEX_RESOURCE;

    private static final String RPC_CONTEXT = "dev.centrifugo4j.rpc.RpcContext";

    private static final String COMPLETION_STAGE = "java.util.concurrent.CompletionStage";

    private static final String VALID = "jakarta.validation.Valid";

    private static final String CONSTRAINT = "jakarta.validation.Constraint";

    private static final String NULLABLE = "Nullable";

    /** Centrifugo's rule for namespace names, which RPC namespaces share. */
    private static final Pattern NAMESPACE = Pattern.compile("^[-a-zA-Z0-9_.]{2,}$");

    /** The RPC names seen so far, with the method that declared each first. */
    private final Map<String, String> rpcNames = new HashMap<>();

    /** The binary names of the handler classes handled in this run, generated or not. */
    private final Set<String> processedHandlers = new LinkedHashSet<>();

    /** Handler classes whose signatures still refer to types another processor has yet to generate. */
    private final Set<String> deferredHandlers = new LinkedHashSet<>();

    /** The generated index classes, for the aggregate resource. */
    private final SortedSet<String> generatedIndexes = new TreeSet<>();

    private @Nullable Elements elements;

    private @Nullable Types types;

    private @Nullable HandlerIndexGenerator generator;

    /** Creates the processor; javac does this through {@code META-INF/services}. */
    public HandlerProcessor() {}

    /**
     * {@code *}, like Spring's {@code CandidateComponentsIndexer}, although only {@value
     * #WEB_SOCKET_RPC} matters: javac calls a processor only in compilations that contain one of its
     * annotations, so an incremental compilation that removes the last {@code @WebSocketRpc}
     * annotation would otherwise leave a stale entry in the index. The processor claims nothing, so
     * other processors still see every annotation. (javac warns when {@code *} is listed with other
     * names.)
     */
    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
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
            TypeElement annotation = elements().getTypeElement(WEB_SOCKET_RPC);
            if (annotation != null) {
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
            if (roundEnv.processingOver()) {
                writeIndex();
            }
        } catch (RuntimeException ex) {
            report(Message.INTERNAL_ERROR, null, null, null, describe(ex));
        }
        // Other processors may want to see @WebSocketRpc too.
        return false;
    }

    private void processHandler(TypeElement handler, boolean lastRound) {
        try {
            String binaryName = elements().getBinaryName(handler).toString();
            if (this.processedHandlers.contains(binaryName)) {
                return;
            }
            List<ExecutableElement> methods = rpcMethodsOf(handler);
            if (methods.stream().anyMatch(HandlerProcessor::refersToMissingTypes)) {
                // Another processor may generate the missing types in this round; javac itself
                // reports them if they never appear.
                if (!lastRound) {
                    this.deferredHandlers.add(binaryName);
                }
                return;
            }
            this.processedHandlers.add(binaryName);
            List<RpcMethod> valid = new ArrayList<>();
            boolean failed = false;
            for (ExecutableElement method : methods) {
                RpcMethod rpcMethod = analyze(handler, method);
                if (rpcMethod != null) {
                    valid.add(rpcMethod);
                } else {
                    failed = true;
                }
            }
            if (!failed && !valid.isEmpty()) {
                valid.sort(Comparator.comparing(RpcMethod::name));
                generate(handler, valid);
            }
        } catch (RuntimeException ex) {
            report(Message.INTERNAL_ERROR, handler, null, null, describe(ex));
        }
    }

    private void generate(TypeElement handler, List<RpcMethod> methods) {
        ClassName name = generator().generatedName(handler);
        try {
            generator().generate(handler, methods).writeTo(this.processingEnv.getFiler());
            this.generatedIndexes.add(name.canonicalName());
        } catch (IOException ex) {
            report(Message.SOURCE_NOT_WRITTEN, handler, null, null, name.canonicalName(), handler, ex.getMessage());
        }
    }

    /** The checked model of one method, or {@code null} when it has errors (already reported). */
    private @Nullable RpcMethod analyze(TypeElement handler, ExecutableElement method) {
        String methodName = method.getSimpleName().toString();
        boolean valid = checkModifiers(method, methodName);
        valid &= checkDeclaringType(handler, method, methodName);
        AnnotationMirror annotation = annotationOf(method, WEB_SOCKET_RPC);
        AnnotationValue value = (annotation != null) ? valueOf(annotation) : null;
        if (annotation == null || value == null || !(value.getValue() instanceof String name)) {
            // javac reports the malformed annotation itself.
            return null;
        }
        valid &= checkName(name, method, methodName, annotation, value);

        List<? extends VariableElement> parameters = method.getParameters();
        if (parameters.size() > 2) {
            report(Message.TOO_MANY_PARAMETERS, method, null, null, methodName, parameters.size());
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
                    report(Message.DUPLICATE_CONTEXT, parameter, null, null, methodName);
                    valid = false;
                }
                hasContext = true;
                arguments.add(RpcMethod.Argument.CONTEXT);
            } else {
                if (paramsParameter != null) {
                    report(
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
            paramsNullable = annotationsOf(paramsParameter).stream()
                    .anyMatch(mirror -> annotationType(mirror).getSimpleName().contentEquals(NULLABLE));
            validated = annotationsOf(paramsParameter).stream().anyMatch(this::isValidation);
            if (!validated && declaresConstraints(paramsType)) {
                report(Message.CONSTRAINTS_NOT_VALIDATED, paramsParameter, null, null, paramsType, methodName);
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
                isAsync(method.getReturnType()),
                method.getReturnType().getKind() == TypeKind.VOID);
    }

    private boolean checkModifiers(ExecutableElement method, String methodName) {
        boolean valid = true;
        Set<Modifier> modifiers = method.getModifiers();
        if (modifiers.contains(Modifier.PRIVATE)) {
            valid = report(Message.METHOD_PRIVATE, method, null, null, methodName);
        }
        if (modifiers.contains(Modifier.STATIC)) {
            valid = report(Message.METHOD_STATIC, method, null, null, methodName);
        }
        if (modifiers.contains(Modifier.ABSTRACT)) {
            valid = report(Message.METHOD_ABSTRACT, method, null, null, methodName);
        }
        if (!method.getTypeParameters().isEmpty()) {
            valid = report(Message.METHOD_GENERIC, method, null, null, methodName);
        }
        if (method.isVarArgs()) {
            valid = report(Message.METHOD_VARARGS, method, null, null, methodName);
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
            return report(Message.TYPE_NOT_A_CLASS, method, null, null, methodName, kind, handler.getSimpleName());
        }
        NestingKind nesting = handler.getNestingKind();
        if (nesting == NestingKind.LOCAL || nesting == NestingKind.ANONYMOUS) {
            return report(Message.TYPE_LOCAL, method, null, null, methodName);
        }
        if (nesting == NestingKind.MEMBER && !handler.getModifiers().contains(Modifier.STATIC)) {
            return report(Message.TYPE_INNER, method, null, null, methodName, handler.getQualifiedName());
        }
        for (Element type = handler; type instanceof TypeElement; type = type.getEnclosingElement()) {
            if (type.getModifiers().contains(Modifier.PRIVATE)) {
                return report(Message.TYPE_PRIVATE, method, null, null, methodName, handler.getQualifiedName());
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
            return report(Message.NAME_BLANK, method, annotation, value, methodName);
        }
        if (name.codePoints().anyMatch(Character::isWhitespace)) {
            return report(Message.NAME_WHITESPACE, method, annotation, value, name, methodName);
        }
        boolean valid = true;
        int boundary = name.indexOf(':');
        if (boundary >= 0) {
            String namespace = name.substring(0, boundary);
            if (!NAMESPACE.matcher(namespace).matches()) {
                valid = report(Message.NAME_INVALID_NAMESPACE, method, annotation, value, name, methodName, namespace);
            }
            if (boundary == name.length() - 1) {
                valid = report(Message.NAME_EMPTY_METHOD, method, annotation, value, name, methodName, namespace);
            }
        }
        if (valid) {
            String declaredBy = ((TypeElement) method.getEnclosingElement()).getQualifiedName() + "." + methodName;
            String first = this.rpcNames.putIfAbsent(name, declaredBy);
            if (first != null) {
                valid = report(Message.DUPLICATE_NAME, method, annotation, value, name, methodName, first);
            }
        }
        return valid;
    }

    private boolean checkParamsType(VariableElement parameter, TypeMirror type, String methodName) {
        if (type.getKind().isPrimitive()) {
            TypeElement boxed = types().boxedClass((PrimitiveType) type);
            return report(Message.PRIMITIVE_PARAMETERS, parameter, null, null, methodName, type, boxed.getSimpleName());
        }
        if (containsTypeVariable(type)) {
            return report(Message.PARAMETERS_TYPE_VARIABLE, parameter, null, null, methodName, type);
        }
        return true;
    }

    private static List<ExecutableElement> rpcMethodsOf(TypeElement type) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (Element member : type.getEnclosedElements()) {
            if (member instanceof ExecutableElement method
                    && member.getKind() == ElementKind.METHOD
                    && annotationOf(member, WEB_SOCKET_RPC) != null) {
                methods.add(method);
            }
        }
        return methods;
    }

    private static boolean refersToMissingTypes(ExecutableElement method) {
        return containsError(method.getReturnType())
                || method.getParameters().stream().anyMatch(parameter -> containsError(parameter.asType()));
    }

    private static boolean containsError(TypeMirror type) {
        return switch (type.getKind()) {
            case ERROR -> true;
            case ARRAY -> containsError(((ArrayType) type).getComponentType());
            case DECLARED ->
                ((DeclaredType) type).getTypeArguments().stream().anyMatch(HandlerProcessor::containsError);
            case WILDCARD -> containsErrorBound((WildcardType) type);
            default -> false;
        };
    }

    private static boolean containsErrorBound(WildcardType wildcard) {
        TypeMirror bound = (wildcard.getExtendsBound() != null) ? wildcard.getExtendsBound() : wildcard.getSuperBound();
        return bound != null && containsError(bound);
    }

    private static boolean containsTypeVariable(TypeMirror type) {
        return switch (type.getKind()) {
            case TYPEVAR -> true;
            case ARRAY -> containsTypeVariable(((ArrayType) type).getComponentType());
            case DECLARED ->
                ((DeclaredType) type).getTypeArguments().stream().anyMatch(HandlerProcessor::containsTypeVariable);
            case WILDCARD -> {
                WildcardType wildcard = (WildcardType) type;
                TypeMirror bound =
                        (wildcard.getExtendsBound() != null) ? wildcard.getExtendsBound() : wildcard.getSuperBound();
                yield bound != null && containsTypeVariable(bound);
            }
            default -> false;
        };
    }

    /** Whether a class literal would lose part of the type, so that a {@code TypeRef} is needed. */
    private static boolean isGeneric(TypeMirror type) {
        if (type.getKind() == TypeKind.ARRAY) {
            return isGeneric(((ArrayType) type).getComponentType());
        }
        if (type.getKind() != TypeKind.DECLARED) {
            return false;
        }
        DeclaredType declared = (DeclaredType) type;
        return !declared.getTypeArguments().isEmpty() || isGeneric(declared.getEnclosingType());
    }

    private static boolean isRpcContext(TypeMirror type) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement())
                        .getQualifiedName()
                        .contentEquals(RPC_CONTEXT);
    }

    private boolean isAsync(TypeMirror returnType) {
        TypeElement completionStage = elements().getTypeElement(COMPLETION_STAGE);
        if (completionStage == null || returnType.getKind() != TypeKind.DECLARED) {
            return false;
        }
        return types().isAssignable(types().erasure(returnType), types().erasure(completionStage.asType()));
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
            if (annotationsOf(element).stream().anyMatch(this::isValidation)) {
                return true;
            }
            for (Element member : element.getEnclosedElements()) {
                if (isValidatedMember(member) && annotationsOf(member).stream().anyMatch(this::isValidation)) {
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

    /** Declaration and type-use annotations: {@code @Nullable} and constraints may sit in either. */
    private static List<AnnotationMirror> annotationsOf(Element element) {
        List<AnnotationMirror> annotations = new ArrayList<>(element.getAnnotationMirrors());
        TypeMirror type = (element instanceof ExecutableElement method) ? method.getReturnType() : element.asType();
        annotations.addAll(type.getAnnotationMirrors());
        return annotations;
    }

    private static @Nullable AnnotationMirror annotationOf(Element element, String qualifiedName) {
        for (AnnotationMirror annotation : element.getAnnotationMirrors()) {
            if (annotationType(annotation).getQualifiedName().contentEquals(qualifiedName)) {
                return annotation;
            }
        }
        return null;
    }

    private static TypeElement annotationType(AnnotationMirror annotation) {
        return (TypeElement) annotation.getAnnotationType().asElement();
    }

    private static @Nullable AnnotationValue valueOf(AnnotationMirror annotation) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry :
                annotation.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals("value")) {
                return entry.getValue();
            }
        }
        return null;
    }

    private void writeIndex() {
        SortedSet<String> entries = new TreeSet<>(this.generatedIndexes);
        List<String> previous = readPreviousIndex();
        for (String entry : previous) {
            if (!entries.contains(entry) && isStillValid(entry)) {
                entries.add(entry);
            }
        }
        if (entries.isEmpty() && previous.isEmpty()) {
            // Nothing to index: leave the class output alone, as for a module without handlers.
            return;
        }
        StringBuilder content = new StringBuilder();
        entries.forEach(entry -> content.append(entry).append('\n'));
        try {
            FileObject file =
                    this.processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX_RESOURCE);
            try (OutputStream out = file.openOutputStream()) {
                out.write(content.toString().getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException ex) {
            report(Message.INDEX_NOT_WRITTEN, null, null, null, INDEX_RESOURCE, ex.getMessage());
        }
    }

    /** The entries of the index an earlier (incremental) compilation left in the class output. */
    private List<String> readPreviousIndex() {
        List<String> entries = new ArrayList<>();
        try {
            FileObject file =
                    this.processingEnv.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX_RESOURCE);
            try (Reader reader =
                    new BufferedReader(new InputStreamReader(file.openInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder text = new StringBuilder();
                char[] buffer = new char[4096];
                for (int read = reader.read(buffer); read != -1; read = reader.read(buffer)) {
                    text.append(buffer, 0, read);
                }
                for (String line : text.toString().split("\n")) {
                    String entry = line.trim();
                    if (!entry.isEmpty() && !entry.startsWith("#")) {
                        entries.add(entry);
                    }
                }
            }
        } catch (IOException | IllegalArgumentException ex) {
            // No earlier index (a clean build): there is nothing to merge.
        }
        return entries;
    }

    /**
     * Whether an entry of the earlier index still stands: its handler class exists, still declares
     * {@code @WebSocketRpc} methods, and was not compiled in this run (which would have regenerated
     * it).
     */
    private boolean isStillValid(String entry) {
        TypeElement handler = handlerOf(entry);
        return handler != null
                && !this.processedHandlers.contains(
                        elements().getBinaryName(handler).toString())
                && !rpcMethodsOf(handler).isEmpty()
                && generator().generatedName(handler).canonicalName().equals(entry);
    }

    /**
     * The handler class an index entry was generated for. The nesting path was joined with
     * {@code _}, which class names may contain too, so every split is tried against the types that
     * exist.
     */
    private @Nullable TypeElement handlerOf(String entry) {
        String suffix = HandlerIndexGenerator.CLASS_NAME_SUFFIX;
        int dot = entry.lastIndexOf('.');
        String packageName = (dot >= 0) ? entry.substring(0, dot) : "";
        String simpleName = entry.substring(dot + 1);
        if (!simpleName.endsWith(suffix) || simpleName.length() == suffix.length()) {
            return null;
        }
        List<String> parts = Arrays.asList(
                simpleName.substring(0, simpleName.length() - suffix.length()).split("_", -1));
        return resolve(packageName, null, parts, 0);
    }

    private @Nullable TypeElement resolve(
            String packageName, @Nullable TypeElement outer, List<String> parts, int from) {
        for (int end = from + 1; end <= parts.size(); end++) {
            String name = String.join("_", parts.subList(from, end));
            TypeElement type = (outer == null) ? topLevelType(packageName, name) : memberType(outer, name);
            if (type != null) {
                TypeElement resolved = (end == parts.size()) ? type : resolve(packageName, type, parts, end);
                if (resolved != null) {
                    return resolved;
                }
            }
        }
        return null;
    }

    private @Nullable TypeElement topLevelType(String packageName, String name) {
        if (name.isEmpty()) {
            return null;
        }
        return elements().getTypeElement(packageName.isEmpty() ? name : packageName + "." + name);
    }

    private static @Nullable TypeElement memberType(TypeElement outer, String name) {
        for (Element member : outer.getEnclosedElements()) {
            if (member instanceof TypeElement type && type.getSimpleName().contentEquals(name)) {
                return type;
            }
        }
        return null;
    }

    /** Reports a message and returns {@code false}, so that checks read {@code valid = report(...)}. */
    private boolean report(
            Message message,
            @Nullable Element element,
            @Nullable AnnotationMirror annotation,
            @Nullable AnnotationValue value,
            Object... arguments) {
        String text = message.format(arguments);
        if (element == null) {
            this.processingEnv.getMessager().printMessage(message.kind(), text);
        } else {
            this.processingEnv.getMessager().printMessage(message.kind(), text, element, annotation, value);
        }
        return message.kind() != Diagnostic.Kind.ERROR;
    }

    private static String describe(Exception ex) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        return trace.toString().strip();
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

    private static <T> T requireInitialized(@Nullable T value) {
        if (value == null) {
            throw new IllegalStateException("The processor has not been initialized by javac");
        }
        return value;
    }
}
