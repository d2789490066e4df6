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
import dev.centrifugo4j.spi.HandlerIndex;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * Writes the {@code <Class>_CentrifugoHandlers} index of one handler class with JavaPoet. The runtime
 * types are named by string so that the processor never loads them.
 */
final class HandlerIndexGenerator {

    static final String PROCESSOR_NAME = "dev.centrifugo4j.processor.HandlerProcessor";

    private static final String SPI_PACKAGE = "dev.centrifugo4j.spi";

    /** Inlined by javac (a constant variable), so the processor does not load the SPI. */
    static final String CLASS_NAME_SUFFIX = HandlerIndex.CLASS_NAME_SUFFIX;

    private static final ClassName RPC_HANDLER_INDEX = ClassName.get(SPI_PACKAGE, "HandlerIndex");

    private static final ClassName RPC_METHOD_DEFINITION = ClassName.get(SPI_PACKAGE, "RpcMethodDefinition");

    private static final ClassName TYPE_REF = ClassName.get(SPI_PACKAGE, "TypeRef");

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
     * @param methods its valid methods, sorted by RPC name
     */
    JavaFile generate(TypeElement handler, List<RpcMethod> methods) {
        ClassName handlerName = ClassName.get(handler);
        ClassName indexName = generatedName(handler);
        TypeName definitions = ParameterizedTypeName.get(LIST, RPC_METHOD_DEFINITION);

        FieldSpec.Builder methodsField = FieldSpec.builder(
                        definitions, "METHODS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(methodsInitializer(handlerName, methods));
        if (methods.stream().anyMatch(RpcMethod::paramsTypeGeneric)) {
            // The invoker casts the Object it receives to a parameterized type.
            methodsField.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class)
                    .addMember("value", "$S", "unchecked")
                    .build());
        }

        TypeSpec index = TypeSpec.classBuilder(indexName)
                .addJavadoc(
                        "The {@code @WebSocketRpc} methods of {@code $L}.\n",
                        String.join(".", handlerName.simpleNames()))
                .addAnnotation(AnnotationSpec.builder(GENERATED)
                        .addMember("value", "$S", PROCESSOR_NAME)
                        .build())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(RPC_HANDLER_INDEX)
                .addOriginatingElement(handler)
                .addField(methodsField.build())
                .addMethod(MethodSpec.constructorBuilder()
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
                        .returns(definitions)
                        .addStatement("return METHODS")
                        .build())
                .build();
        return JavaFile.builder(indexName.packageName(), index)
                .indent("    ")
                .skipJavaLangImports(true)
                .build();
    }

    private CodeBlock methodsInitializer(ClassName handlerName, List<RpcMethod> methods) {
        if (methods.isEmpty()) {
            return CodeBlock.of("$T.of()", LIST);
        }
        CodeBlock.Builder initializer = CodeBlock.builder().add("$T.of(\n$>$>", LIST);
        for (int i = 0; i < methods.size(); i++) {
            initializer.add(definition(handlerName, methods.get(i)));
            initializer.add((i < methods.size() - 1) ? ",\n" : "");
        }
        return initializer.add(")$<$<").build();
    }

    private CodeBlock definition(ClassName handlerName, RpcMethod method) {
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
                .add("$L)$<$<", invoker(handlerName, method))
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
            return CodeBlock.of("new $T<$T>() {}.type()", TYPE_REF, name);
        }
        return CodeBlock.of("$T.class", name);
    }

    private static CodeBlock invoker(ClassName handlerName, RpcMethod method) {
        TypeMirror paramsType = method.paramsType();
        CodeBlock arguments = method.parameters().stream()
                .map(argument -> switch (argument) {
                    case CONTEXT -> CodeBlock.of("context");
                    case PARAMS ->
                        CodeBlock.of("($T) params", TypeName.get(paramsType).withoutAnnotations());
                })
                .collect(CodeBlock.joining(", "));
        CodeBlock call = CodeBlock.of(
                "(($T) handler).$N($L)",
                handlerName,
                method.element().getSimpleName().toString(),
                arguments);
        if (method.returnsVoid()) {
            return CodeBlock.of("(handler, context, params) -> {\n$>$L;\nreturn null;\n$<}", call);
        }
        return CodeBlock.of("(handler, context, params) -> $L", call);
    }
}
