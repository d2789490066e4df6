package dev.centrifugo4j.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@code <Class>_CentrifugoHandlers} index of one handler class with JavaPoet. The runtime
 * types are named by string so that the processor never loads them.
 */
final class HandlerIndexGenerator {

    static final String PROCESSOR_NAME = "dev.centrifugo4j.processor.HandlerProcessor";

    private static final String SPI_PACKAGE = "dev.centrifugo4j.spi";

    /** The runtime's {@code HandlerIndex.CLASS_NAME_SUFFIX} (a test holds the two together). */
    static final String CLASS_NAME_SUFFIX = "_CentrifugoHandlers";

    private static final ClassName RPC_HANDLER_INDEX = ClassName.get(SPI_PACKAGE, "HandlerIndex");

    private static final ClassName RPC_METHOD_DEFINITION = ClassName.get(SPI_PACKAGE, "RpcMethodDefinition");

    private static final ClassName CHANNEL_METHOD_DEFINITION = ClassName.get(SPI_PACKAGE, "ChannelMethodDefinition");

    private static final ClassName CHANNEL_PARAMETER = ClassName.get(SPI_PACKAGE, "ChannelParameter");

    private static final ClassName TYPE_TOKEN = ClassName.get(SPI_PACKAGE, "TypeToken");

    private static final String CHANNEL_PACKAGE = "dev.centrifugo4j.channel";

    private static final ClassName CHANNEL_OPERATION = ClassName.get(CHANNEL_PACKAGE, "ChannelOperation");

    private static final ClassName CHANNEL_CONTEXT = ClassName.get(CHANNEL_PACKAGE, "ChannelContext");

    private static final ClassName RPC_INVOKER = ClassName.get(SPI_PACKAGE, "RpcInvoker");

    private static final ClassName CHANNEL_INVOKER = ClassName.get(SPI_PACKAGE, "ChannelInvoker");

    private static final ClassName RPC_CONTEXT = ClassName.get("dev.centrifugo4j.rpc", "RpcContext");

    private static final ClassName MONO_STAGES = ClassName.get(SPI_PACKAGE, "MonoStages");

    private static final ClassName COROUTINE_CALL = ClassName.get(SPI_PACKAGE, "CoroutineCall");

    private static final ClassName CONTINUATION = ClassName.get("kotlin.coroutines", "Continuation");

    /** The nested classes that call the handler methods, one per index and kind. */
    private static final String RPC_INVOKERS = "RpcInvokers";

    private static final String CHANNEL_INVOKERS = "ChannelInvokers";

    private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

    private static final ClassName LIST = ClassName.get("java.util", "List");

    private final Elements elements;

    HandlerIndexGenerator(Elements elements) {
        this.elements = elements;
    }

    /**
     * The name of the index generated for a handler class: same package, the nesting path joined
     * with {@code _}, so {@code Outer.Inner} gives {@code Outer_Inner_CentrifugoHandlers}.
     */
    ClassName generatedName(TypeElement handler) {
        Deque<String> simpleNames = new ArrayDeque<>();
        Element current = handler;
        while (current instanceof TypeElement type) {
            simpleNames.addFirst(type.getSimpleName().toString());
            current = type.getEnclosingElement();
        }
        PackageElement packageElement = this.elements.getPackageOf(handler);
        String packageName = packageElement.isUnnamed()
                ? ""
                : packageElement.getQualifiedName().toString();
        return ClassName.get(packageName, String.join("_", simpleNames) + CLASS_NAME_SUFFIX);
    }

    /**
     * The source of the index class.
     *
     * @param handler the class that declares the methods
     * @param rpcMethods its valid RPC methods, sorted by RPC name
     * @param channelMethods its valid channel methods, sorted by operation, then pattern
     */
    JavaFile generate(TypeElement handler, List<RpcMethod> rpcMethods, List<ChannelMethod> channelMethods) {
        ClassName handlerName = ClassName.get(handler);
        ClassName indexName = generatedName(handler);
        TypeName rpcDefinitions = ParameterizedTypeName.get(LIST, RPC_METHOD_DEFINITION);
        TypeName channelDefinitions = ParameterizedTypeName.get(LIST, CHANNEL_METHOD_DEFINITION);

        TypeSpec.Builder index = TypeSpec.classBuilder(indexName)
                .addJavadoc(
                        "The $L methods of {@code $L}.\n",
                        annotationsOf(rpcMethods, channelMethods),
                        String.join(".", handlerName.simpleNames()))
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", PROCESSOR_NAME)
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RPC_HANDLER_INDEX)
                .addOriginatingElement(handler);
        if (!rpcMethods.isEmpty()) {
            index.addField(constant(rpcDefinitions, "METHODS", methodsInitializer(handlerName, rpcMethods)));
        }
        if (!channelMethods.isEmpty()) {
            index.addField(constant(
                    channelDefinitions, "CHANNEL_METHODS", channelMethodsInitializer(handlerName, channelMethods)));
        }
        index.addMethod(MethodSpec.constructorBuilder()
                        .addModifiers(Modifier.PUBLIC)
                        .build())
                .addMethod(MethodSpec.methodBuilder("handlerType")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(
                                ClassName.get(Class.class), WildcardTypeName.subtypeOf(Object.class)))
                        .addStatement("return $T.class", handlerName)
                        .build())
                .addMethod(MethodSpec.methodBuilder("methods")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(rpcDefinitions)
                        .addCode(
                                rpcMethods.isEmpty()
                                        ? CodeBlock.of("return $T.of();\n", LIST)
                                        : CodeBlock.of("return METHODS;\n"))
                        .build());
        if (!channelMethods.isEmpty()) {
            index.addMethod(MethodSpec.methodBuilder("channelMethods")
                    .addAnnotation(Override.class)
                    .addModifiers(Modifier.PUBLIC)
                    .returns(channelDefinitions)
                    .addStatement("return CHANNEL_METHODS")
                    .build());
        }
        if (!rpcMethods.isEmpty()) {
            index.addType(rpcInvokers(handlerName, rpcMethods));
        }
        if (!channelMethods.isEmpty()) {
            index.addType(channelInvokers(handlerName, channelMethods));
        }
        return JavaFile.builder(indexName.packageName(), index.build())
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    /** The handler annotations the class uses, for the Javadoc: {@code {@code @WebSocketRpc} and ...}. */
    private static String annotationsOf(List<RpcMethod> rpcMethods, List<ChannelMethod> channelMethods) {
        List<String> names = new ArrayList<>();
        if (!rpcMethods.isEmpty()) {
            names.add("WebSocketRpc");
        }
        for (ChannelAnnotation annotation : ChannelAnnotation.values()) {
            if (channelMethods.stream().anyMatch(method -> method.annotation() == annotation)) {
                names.add(annotation.simpleName());
            }
        }
        List<String> code = names.stream().map(name -> "{@code @" + name + "}").toList();
        if (code.size() == 1) {
            return code.get(0);
        }
        return String.join(", ", code.subList(0, code.size() - 1)) + " and " + code.get(code.size() - 1);
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock initializer) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer)
                .build();
    }

    private CodeBlock methodsInitializer(ClassName handlerName, List<RpcMethod> methods) {
        List<CodeBlock> definitions = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            definitions.add(definition(handlerName, methods.get(i), i));
        }
        return listOf(definitions);
    }

    private CodeBlock channelMethodsInitializer(ClassName handlerName, List<ChannelMethod> methods) {
        List<CodeBlock> definitions = new ArrayList<>();
        for (int i = 0; i < methods.size(); i++) {
            definitions.add(channelDefinition(handlerName, methods.get(i), i));
        }
        return listOf(definitions);
    }

    /**
     * One class that calls every RPC method of the handler by its number, instead of a lambda per
     * method: a lambda is a class the JVM spins at start-up, a hundred handler methods cost tens of
     * milliseconds; a switch costs nothing per call.
     */
    private static TypeSpec rpcInvokers(ClassName handlerName, List<RpcMethod> methods) {
        CodeBlock cases = switchOnMethod(
                methods,
                (method, continuation) -> rpcCall(handlerName, method, continuation),
                RpcMethod::returnsVoid,
                method -> method.handlerReturn().kind(),
                "No RPC method ");
        MethodSpec.Builder invoke = MethodSpec.methodBuilder("invoke")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(Object.class, "handler")
                .addParameter(RPC_CONTEXT, "context")
                .addParameter(Object.class, "params")
                .addException(Exception.class)
                .addCode(cases);
        if (methods.stream().anyMatch(RpcMethod::paramsTypeGeneric)) {
            invoke.addAnnotation(unchecked());
        }
        return invokers(RPC_INVOKERS, RPC_INVOKER, "RPC", invoke.build());
    }

    private static TypeSpec channelInvokers(ClassName handlerName, List<ChannelMethod> methods) {
        CodeBlock cases = switchOnMethod(
                methods,
                (method, continuation) -> channelCall(handlerName, method, continuation),
                ChannelMethod::returnsVoid,
                method -> method.handlerReturn().kind(),
                "No channel method ");
        MethodSpec.Builder invoke = MethodSpec.methodBuilder("invoke")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(Object.class)
                .addParameter(Object.class, "handler")
                .addParameter(Object[].class, "arguments")
                .addException(Exception.class)
                .addCode(cases);
        if (methods.stream().anyMatch(ChannelMethod::castsToGenericType)) {
            invoke.addAnnotation(unchecked());
        }
        return invokers(CHANNEL_INVOKERS, CHANNEL_INVOKER, "channel", invoke.build());
    }

    /**
     * {@code switch (this.method)}: case {@code i} makes the call of the i-th method and returns its
     * result: a {@code Mono} as a stage ({@code MonoStages}), a suspend function's coroutine as the
     * {@code CoroutineCall} it is given as its continuation.
     *
     * @param call the call of a method, given the name of the continuation it passes last (a suspend
     *     function's) or {@code null}
     */
    private static <M> CodeBlock switchOnMethod(
            List<M> methods,
            BiFunction<M, @Nullable String, CodeBlock> call,
            Predicate<M> returnsVoid,
            Function<M, HandlerReturn.Kind> kind,
            String unknown) {
        CodeBlock.Builder cases = CodeBlock.builder().beginControlFlow("switch (this.method)");
        for (int i = 0; i < methods.size(); i++) {
            M method = methods.get(i);
            cases.add("case $L:\n$>", i);
            switch (kind.apply(method)) {
                case SUSPEND -> {
                    String continuation = "call" + i;
                    cases.addStatement("$T $N = new $T()", COROUTINE_CALL, continuation, COROUTINE_CALL)
                            .addStatement("return $N.started($L)", continuation, call.apply(method, continuation));
                }
                case MONO -> cases.addStatement("return $T.toStage($L)", MONO_STAGES, call.apply(method, null));
                default -> {
                    if (returnsVoid.test(method)) {
                        cases.addStatement("$L", call.apply(method, null)).addStatement("return null");
                    } else {
                        cases.addStatement("return $L", call.apply(method, null));
                    }
                }
            }
            cases.add("$<");
        }
        return cases.add("default:\n$>")
                .addStatement("throw new $T($S + this.method)", IllegalStateException.class, unknown)
                .add("$<")
                .endControlFlow()
                .build();
    }

    private static TypeSpec invokers(String name, ClassName invokerType, String kind, MethodSpec invoke) {
        return TypeSpec.classBuilder(name)
                .addJavadoc("Calls the $L method of the given number.\n", kind)
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .addSuperinterface(invokerType)
                .addField(int.class, "method", Modifier.PRIVATE, Modifier.FINAL)
                .addMethod(MethodSpec.constructorBuilder()
                        .addParameter(int.class, "method")
                        .addStatement("this.method = method")
                        .build())
                .addMethod(invoke)
                .build();
    }

    /** An invoker casts the Object it receives to a parameterized type. */
    private static AnnotationSpec unchecked() {
        return AnnotationSpec.builder(SuppressWarnings.class)
                .addMember("value", "$S", "unchecked")
                .build();
    }

    /** {@code List.of(...)} with one element per line. */
    private static CodeBlock listOf(List<CodeBlock> elements) {
        CodeBlock.Builder list = CodeBlock.builder().add("$T.of(\n$>$>", LIST);
        for (int i = 0; i < elements.size(); i++) {
            list.add(elements.get(i));
            list.add((i < elements.size() - 1) ? ",\n" : "");
        }
        return list.add(")$<$<").build();
    }

    private CodeBlock definition(ClassName handlerName, RpcMethod method, int number) {
        CodeBlock javaParameterTypes = method.erasedParameterTypes().stream()
                .map(type -> CodeBlock.of("$T.class", TypeName.get(type).withoutAnnotations()))
                .collect(CodeBlock.joining(", "));
        return CodeBlock.builder()
                .add("new $T(\n$>$>", RPC_METHOD_DEFINITION)
                .add("$S,\n", method.name())
                .add("$T.class,\n", handlerName)
                .add("$S,\n", method.element().getSimpleName().toString())
                .add("$T.of($L),\n", LIST, javaParameterTypes)
                .add("$L,\n", paramsType(method))
                .add("$L,\n", method.paramsNullable())
                .add("$L,\n", method.validated())
                .add("$L,\n", method.async())
                .add("new $N($L))$<$<", RPC_INVOKERS, number)
                .build();
    }

    private static CodeBlock paramsType(RpcMethod method) {
        TypeMirror type = method.paramsType();
        if (type == null) {
            return CodeBlock.of("null");
        }
        TypeName name = TypeName.get(type).withoutAnnotations();
        if (method.paramsTypeGeneric()) {
            // A class literal would lose the type arguments that Jackson needs to bind the data.
            return CodeBlock.of("new $T<$T>() {}.type()", TYPE_TOKEN, name);
        }
        return CodeBlock.of("$T.class", name);
    }

    private static CodeBlock rpcCall(ClassName handlerName, RpcMethod method, @Nullable String continuation) {
        TypeMirror paramsType = method.paramsType();
        List<CodeBlock> arguments = new ArrayList<>();
        for (RpcMethod.Argument argument : method.parameters()) {
            arguments.add(
                    switch (argument) {
                        case CONTEXT -> CodeBlock.of("context");
                        case PARAMS ->
                            CodeBlock.of("($T) params", TypeName.get(paramsType).withoutAnnotations());
                    });
        }
        return call(handlerName, method.element().getSimpleName().toString(), arguments, continuation);
    }

    /** {@code ((Handler) handler).name(arguments)}, with the continuation last when there is one. */
    private static CodeBlock call(
            ClassName handlerName, String name, List<CodeBlock> arguments, @Nullable String continuation) {
        List<CodeBlock> all = new ArrayList<>(arguments);
        if (continuation != null) {
            all.add(CodeBlock.of("$N", continuation));
        }
        return CodeBlock.of("(($T) handler).$N($L)", handlerName, name, CodeBlock.join(all, ", "));
    }

    private CodeBlock channelDefinition(ClassName handlerName, ChannelMethod method, int number) {
        List<CodeBlock> parameterTypes = new ArrayList<>();
        for (ChannelMethod.Parameter parameter : method.parameters()) {
            parameterTypes.add(CodeBlock.of(
                    "$T.class", TypeName.get(parameter.erasedType()).withoutAnnotations()));
        }
        if (method.handlerReturn().kind() == HandlerReturn.Kind.SUSPEND) {
            parameterTypes.add(CodeBlock.of("$T.class", CONTINUATION));
        }
        CodeBlock javaParameterTypes = CodeBlock.join(parameterTypes, ", ");
        return CodeBlock.builder()
                .add("new $T(\n$>$>", CHANNEL_METHOD_DEFINITION)
                .add("$T.$L,\n", CHANNEL_OPERATION, method.annotation().operation())
                .add("$S,\n", method.pattern())
                .add("$T.class,\n", handlerName)
                .add("$S,\n", method.element().getSimpleName().toString())
                .add("$T.of($L),\n", LIST, javaParameterTypes)
                .add(channelParameters(method))
                .add("$L,\n", method.async())
                .add("$L,\n", method.voidResult())
                .add("new $N($L))$<$<", CHANNEL_INVOKERS, number)
                .build();
    }

    private static CodeBlock channelParameters(ChannelMethod method) {
        if (method.parameters().isEmpty()) {
            return CodeBlock.of("$T.of(),\n", LIST);
        }
        CodeBlock.Builder parameters = CodeBlock.builder().add("$T.of(\n$>$>", LIST);
        for (int i = 0; i < method.parameters().size(); i++) {
            ChannelMethod.Parameter parameter = method.parameters().get(i);
            parameters.add(
                    switch (parameter.kind()) {
                        case CONTEXT -> CodeBlock.of("$T.context($T.class)", CHANNEL_PARAMETER, CHANNEL_CONTEXT);
                        case VARIABLE ->
                            CodeBlock.of(
                                    "$T.variable($S, $L)",
                                    CHANNEL_PARAMETER,
                                    parameter.variable(),
                                    typeLiteral(parameter));
                        case PAYLOAD ->
                            CodeBlock.of(
                                    "$T.payload($L, $L, $L)",
                                    CHANNEL_PARAMETER,
                                    typeLiteral(parameter),
                                    parameter.nullable(),
                                    parameter.validated());
                    });
            parameters.add((i < method.parameters().size() - 1) ? ",\n" : "");
        }
        return parameters.add("),\n$<$<").build();
    }

    /** A class literal, or a {@code TypeToken} when a class literal would lose type arguments. */
    private static CodeBlock typeLiteral(ChannelMethod.Parameter parameter) {
        TypeName name = TypeName.get(parameter.type()).withoutAnnotations();
        if (parameter.generic()) {
            return CodeBlock.of("new $T<$T>() {}.type()", TYPE_TOKEN, name);
        }
        return CodeBlock.of("$T.class", name);
    }

    private static CodeBlock channelCall(ClassName handlerName, ChannelMethod method, @Nullable String continuation) {
        List<CodeBlock> arguments = new ArrayList<>();
        for (int i = 0; i < method.parameters().size(); i++) {
            TypeName type = TypeName.get(method.parameters().get(i).type()).withoutAnnotations();
            if (type.isPrimitive()) {
                // Unboxed explicitly, so that the call resolves as it would with the primitive itself.
                arguments.add(CodeBlock.of("($T) ($T) arguments[$L]", type, type.box(), i));
            } else {
                arguments.add(CodeBlock.of("($T) arguments[$L]", type, i));
            }
        }
        return call(handlerName, method.element().getSimpleName().toString(), arguments, continuation);
    }
}
