package dev.centrifugo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static dev.centrifugo4j.processor.Compilations.assertMatchesGolden;
import static dev.centrifugo4j.processor.Compilations.compile;
import static dev.centrifugo4j.processor.Compilations.compileFailing;
import static dev.centrifugo4j.processor.Compilations.compileInto;
import static dev.centrifugo4j.processor.Compilations.contents;
import static dev.centrifugo4j.processor.Compilations.generatedResource;
import static dev.centrifugo4j.processor.Compilations.generatedSource;
import static dev.centrifugo4j.processor.Compilations.generatedSources;
import static dev.centrifugo4j.processor.Compilations.loadIndex;
import static dev.centrifugo4j.processor.Compilations.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.centrifugo4j.processor.Compilations.CompiledClassLoader;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.WebSocketRpc;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HandlerProcessorTests {

    private static final String VALID = "processor/valid/com/example/rpc/";

    private static final String[] VALID_SOURCES = {
        VALID + "SystemHandlers.java",
        VALID + "PingParams.java",
        VALID + "PingResult.java",
        VALID + "Item.java",
        VALID + "Outer.java"
    };

    private static final String SYSTEM_HANDLERS_INDEX = "com.example.rpc.SystemHandlers_CentrifugoHandlers";

    private static final RpcContext CONTEXT =
            new RpcContext("client-1", "alice", "websocket", "json", "json", "system.ping", null, Map.of(), null);

    private static Compilation compileError(String fixture) {
        return compileFailing(error(fixture));
    }

    private static String error(String fixture) {
        return "processor/errors/" + fixture + ".java";
    }

    private static JavaFileObject errorFile(String fixture) {
        return JavaFileObjects.forResource(error(fixture));
    }

    private static String index(Compilation compilation) {
        return generatedResource(compilation, HandlerIndex.INDEX_RESOURCE);
    }

    @Nested
    class TheGeneratedIndexClass {

        @Test
        void matchesTheGoldenFileForARepresentativeHandler() throws IOException {
            Compilation compilation = compile(VALID_SOURCES);

            assertThat(compilation).succeededWithoutWarnings();
            assertMatchesGolden(
                    generatedSource(compilation, SYSTEM_HANDLERS_INDEX),
                    "processor/golden/SystemHandlers_CentrifugoHandlers.java");
        }

        @Test
        void compilesWithoutAnyLintWarning() {
            // -processing: javac would warn that no processor claims @Valid or @WebSocketRpc.
            Compilation compilation = compile(List.of("-Xlint:all,-processing", "-Werror"), VALID_SOURCES);

            assertThat(compilation).succeededWithoutWarnings();
        }

        @Test
        void isNamedAfterTheNestingPathOfANestedHandlerAndUsesArrayClassLiterals() {
            Compilation compilation = compile(VALID_SOURCES);

            assertThat(generatedSource(compilation, "com.example.rpc.Outer_Inner_CentrifugoHandlers"))
                    .contains("public final class Outer_Inner_CentrifugoHandlers implements HandlerIndex")
                    .contains("List.of(Item[].class),\n                    Item[].class,")
                    .contains("((Outer.Inner) handler).names((Item[]) params)");
        }

        @Test
        void listsTheMethodsSortedByRpcNameWithTheirJavaSignature() throws Exception {
            HandlerIndex index = loadIndex(compile(VALID_SOURCES), SYSTEM_HANDLERS_INDEX);

            assertThat(index.handlerType().getName()).isEqualTo("com.example.rpc.SystemHandlers");
            assertThat(index.methods())
                    .extracting(RpcMethodDefinition::name)
                    .containsExactly(
                            "items:count",
                            "system.echo",
                            "system.greet",
                            "system.ping",
                            "system.reset",
                            "system.slow",
                            "system.time",
                            "system.whoami");
            assertThat(definition(index, "system.ping").signature())
                    .isEqualTo("com.example.rpc.SystemHandlers.ping(RpcContext, PingParams)");
            assertThat(definition(index, "system.echo").signature())
                    .isEqualTo("com.example.rpc.SystemHandlers.echo(PingParams, RpcContext)");
            assertThat(definition(index, "system.time").javaParameterTypes()).isEmpty();
            assertThat(index.methods()).isUnmodifiable();
        }

        @Test
        void describesTheParamsTypeValidationNullabilityAndAsynchrony() throws Exception {
            HandlerIndex index = loadIndex(compile(VALID_SOURCES), SYSTEM_HANDLERS_INDEX);

            RpcMethodDefinition ping = definition(index, "system.ping");
            assertThat(ping.paramsType()).hasToString("class com.example.rpc.PingParams");
            assertThat(ping.validated()).isTrue();
            assertThat(ping.paramsNullable()).isFalse();
            assertThat(ping.async()).isFalse();

            RpcMethodDefinition greet = definition(index, "system.greet");
            assertThat(greet.paramsNullable()).isTrue();
            assertThat(greet.validated()).isFalse();

            assertThat(definition(index, "system.slow").async()).isTrue();
            assertThat(definition(index, "system.whoami").paramsType()).isNull();
            assertThat(definition(index, "system.reset").paramsType()).isNull();
        }

        @Test
        void capturesTheFullGenericParamsTypeWithTheTypeArguments() throws Exception {
            HandlerIndex index = loadIndex(compile(VALID_SOURCES), SYSTEM_HANDLERS_INDEX);

            RpcMethodDefinition count = definition(index, "items:count");
            assertThat(count.paramsType()).isInstanceOf(ParameterizedType.class);
            assertThat(count.paramsType().getTypeName()).isEqualTo("java.util.List<com.example.rpc.Item>");
            assertThat(count.javaParameterTypes()).containsExactly(List.class);
        }

        @Test
        void callsTheHandlerMethodsDirectlyWithTheContextAndTheParams() throws Exception {
            Compilation compilation = compile(VALID_SOURCES);
            CompiledClassLoader classes = new CompiledClassLoader(compilation);
            HandlerIndex index = loadIndex(classes, SYSTEM_HANDLERS_INDEX);
            Object handler = newInstance(classes, "com.example.rpc.SystemHandlers");
            Object pingParams = newInstance(classes, "com.example.rpc.PingParams", "hi");
            Object item = newInstance(classes, "com.example.rpc.Item", "book");

            assertThat(invoke(index, "system.ping", handler, pingParams))
                    .hasToString("PingResult[reply=Pong: hi from alice]");
            assertThat(invoke(index, "system.echo", handler, pingParams))
                    .hasToString("PingResult[reply=hi via websocket]");
            assertThat(invoke(index, "system.whoami", handler, null)).isEqualTo("alice");
            assertThat(invoke(index, "system.time", handler, null)).isEqualTo(42L);
            assertThat(invoke(index, "items:count", handler, List.of(item, item)))
                    .isEqualTo(2);
            assertThat(invoke(index, "system.greet", handler, item)).isEqualTo("Hello, book");
            assertThat(invoke(index, "system.greet", handler, null)).isEqualTo("Hello, stranger");
            Object slow = invoke(index, "system.slow", handler, item);
            assertThat(slow).isInstanceOf(CompletionStage.class);
            assertThat(((CompletionStage<?>) slow).toCompletableFuture().join()).isEqualTo("slow book");
        }

        @Test
        void returnsNullFromAVoidMethodAfterCallingIt() throws Exception {
            CompiledClassLoader classes = new CompiledClassLoader(compile(VALID_SOURCES));
            HandlerIndex index = loadIndex(classes, SYSTEM_HANDLERS_INDEX);
            Object handler = newInstance(classes, "com.example.rpc.SystemHandlers");

            assertThat(invoke(index, "system.reset", handler, null)).isNull();

            Field resets = handler.getClass().getDeclaredField("resets");
            resets.setAccessible(true);
            assertThat(resets.getInt(handler)).isEqualTo(1);
        }

        private static Object invoke(HandlerIndex index, String name, Object handler, Object params) throws Exception {
            return definition(index, name).invoker().invoke(handler, CONTEXT, params);
        }

        private static RpcMethodDefinition definition(HandlerIndex index, String name) {
            return index.methods().stream()
                    .filter(method -> method.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }

        private static Object newInstance(ClassLoader classes, String className, Object... arguments) throws Exception {
            Constructor<?> constructor = classes.loadClass(className).getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        }
    }

    @Nested
    class MethodChecks {

        @Test
        void rejectsAPrivateMethod() {
            assertThat(compileError("PrivateMethod"))
                    .hadErrorContaining(Message.METHOD_PRIVATE.format("handle"))
                    .inFile(errorFile("PrivateMethod"))
                    .onLine(9);
        }

        @Test
        void rejectsAStaticMethod() {
            assertThat(compileError("StaticMethod"))
                    .hadErrorContaining(Message.METHOD_STATIC.format("handle"))
                    .inFile(errorFile("StaticMethod"))
                    .onLine(9);
        }

        @Test
        void rejectsAnAbstractMethod() {
            assertThat(compileError("AbstractMethod"))
                    .hadErrorContaining(Message.METHOD_ABSTRACT.format("handle"))
                    .inFile(errorFile("AbstractMethod"))
                    .onLine(9);
        }

        @Test
        void rejectsAMethodWithTypeParameters() {
            assertThat(compileError("GenericMethod"))
                    .hadErrorContaining(Message.METHOD_GENERIC.format("handle"))
                    .inFile(errorFile("GenericMethod"))
                    .onLine(9);
        }

        @Test
        void rejectsAVarargsMethod() {
            assertThat(compileError("VarargsMethod"))
                    .hadErrorContaining(Message.METHOD_VARARGS.format("handle"))
                    .inFile(errorFile("VarargsMethod"))
                    .onLine(9);
        }
    }

    @Nested
    class DeclaringTypeChecks {

        @Test
        void rejectsAMethodOfAnInterface() {
            assertThat(compileError("InterfaceHandler"))
                    .hadErrorContaining(Message.TYPE_NOT_A_CLASS.format("handle", "interface", "InterfaceHandler"))
                    .inFile(errorFile("InterfaceHandler"))
                    .onLine(9);
        }

        @Test
        void rejectsAMethodOfAnEnum() {
            assertThat(compileError("EnumHandler"))
                    .hadErrorContaining(Message.TYPE_NOT_A_CLASS.format("handle", "enum", "EnumHandler"))
                    .inFile(errorFile("EnumHandler"))
                    .onLine(10);
        }

        @Test
        void rejectsAMethodOfARecord() {
            assertThat(compileError("RecordHandler"))
                    .hadErrorContaining(Message.TYPE_NOT_A_CLASS.format("handle", "record", "RecordHandler"))
                    .inFile(errorFile("RecordHandler"))
                    .onLine(9);
        }

        @Test
        void rejectsAMethodOfANonStaticInnerClass() {
            assertThat(compileError("InnerClass"))
                    .hadErrorContaining(Message.TYPE_INNER.format("handle", "errors.InnerClass.Handlers"))
                    .inFile(errorFile("InnerClass"))
                    .onLine(11);
        }

        @Test
        void rejectsAMethodOfAPrivateNestedClass() {
            assertThat(compileError("PrivateNestedClass"))
                    .hadErrorContaining(Message.TYPE_PRIVATE.format("handle", "errors.PrivateNestedClass.Handlers"))
                    .inFile(errorFile("PrivateNestedClass"))
                    .onLine(11);
        }

        @Test
        void acceptsAPackagePrivateClassWithPackagePrivateMethods() {
            Compilation compilation = compile(VALID_SOURCES);

            assertThat(compilation).succeededWithoutWarnings();
            assertThat(compilation).generatedSourceFile(SYSTEM_HANDLERS_INDEX);
        }
    }

    @Nested
    class ParameterChecks {

        @Test
        void rejectsMoreThanTwoParameters() {
            assertThat(compileError("TooManyParameters"))
                    .hadErrorContaining(Message.TOO_MANY_PARAMETERS.format("handle", 3))
                    .inFile(errorFile("TooManyParameters"))
                    .onLine(9);
        }

        @Test
        void rejectsASecondRpcContext() {
            assertThat(compileError("TwoContexts"))
                    .hadErrorContaining(Message.DUPLICATE_CONTEXT.format("handle"))
                    .inFile(errorFile("TwoContexts"))
                    .onLine(9);
        }

        @Test
        void rejectsASecondParametersObject() {
            assertThat(compileError("TwoParamsObjects"))
                    .hadErrorContaining(Message.TWO_PARAMETERS_OBJECTS.format("handle", "first", "second"))
                    .inFile(errorFile("TwoParamsObjects"))
                    .onLine(9);
        }

        @Test
        void rejectsAPrimitiveParametersObjectAndSuggestsTheBoxedType() {
            assertThat(compileError("PrimitiveParams"))
                    .hadErrorContaining(Message.PRIMITIVE_PARAMETERS.format("handle", "int", "Integer"))
                    .inFile(errorFile("PrimitiveParams"))
                    .onLine(9);
        }

        @Test
        void rejectsAParametersTypeThatIsATypeVariable() {
            assertThat(compileError("TypeVariableParams"))
                    .hadErrorContaining(Message.PARAMETERS_TYPE_VARIABLE.format("handle", "T"))
                    .inFile(errorFile("TypeVariableParams"))
                    .onLine(9);
        }
    }

    @Nested
    class NameChecks {

        @Test
        void rejectsABlankName() {
            assertThat(compileError("BlankName"))
                    .hadErrorContaining(Message.NAME_BLANK.format("handle"))
                    .inFile(errorFile("BlankName"))
                    .onLine(8);
        }

        @Test
        void rejectsANameWithWhitespace() {
            assertThat(compileError("WhitespaceName"))
                    .hadErrorContaining(Message.NAME_WHITESPACE.format("system ping", "handle"))
                    .inFile(errorFile("WhitespaceName"))
                    .onLine(8);
        }

        @Test
        void rejectsANamespaceThatCentrifugoDoesNotAccept() {
            assertThat(compileError("InvalidNamespace"))
                    .hadErrorContaining(Message.NAME_INVALID_NAMESPACE.format("a:ping", "handle", "a"))
                    .inFile(errorFile("InvalidNamespace"))
                    .onLine(8);
        }

        @Test
        void rejectsANameWithNothingAfterTheNamespaceBoundary() {
            assertThat(compileError("EmptyMethodName"))
                    .hadErrorContaining(Message.NAME_EMPTY_METHOD.format("admin:", "handle", "admin"))
                    .inFile(errorFile("EmptyMethodName"))
                    .onLine(8);
        }

        @Test
        void rejectsTwoHandlerClassesWhoseIndexClassesWouldShareAName() {
            JavaFileObject nested = JavaFileObjects.forSourceString(
                    "com.example.rpc.Snake",
                    "package com.example.rpc;\n"
                            + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                            + "public class Snake {\n"
                            + "    public static class Case {\n"
                            + "        @WebSocketRpc(\"nested\")\n"
                            + "        public String nested() { return \"n\"; }\n"
                            + "    }\n"
                            + "}\n");
            JavaFileObject topLevel = JavaFileObjects.forSourceString(
                    "com.example.rpc.Snake_Case",
                    "package com.example.rpc;\n"
                            + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                            + "public class Snake_Case {\n"
                            + "    @WebSocketRpc(\"top\")\n"
                            + "    public String top() { return \"t\"; }\n"
                            + "}\n");

            Compilation compilation = compile(nested, topLevel);

            assertThat(compilation).failed();
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation)
                    .hadErrorContaining("would both get the generated index class"
                            + " com.example.rpc.Snake_Case_CentrifugoHandlers");
            assertThat(compilation).hadErrorContaining("Rename one of them");
        }

        @Test
        void acceptsANameInAValidNamespace() throws IOException {
            Compilation compilation = compile(VALID_SOURCES);

            assertThat(compilation).succeededWithoutWarnings();
            assertThat(generatedSource(compilation, SYSTEM_HANDLERS_INDEX)).contains("\"items:count\"");
        }

        @Test
        void rejectsTheSecondMethodWithTheSameNameAndNamesTheFirst() {
            Compilation compilation = compile(error("FirstDuplicate"), error("SecondDuplicate"));

            assertThat(compilation).failed();
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation)
                    .hadErrorContaining(
                            Message.DUPLICATE_NAME.format("same.name", "second", "errors.FirstDuplicate.first"))
                    .inFile(errorFile("SecondDuplicate"))
                    .onLine(8);
        }
    }

    @Nested
    class ValidationWarnings {

        @Test
        void warnsWhenTheConstraintsOfARecordWillNotBeChecked() {
            Compilation compilation = compile(error("UnvalidatedParams"));

            assertThat(compilation).succeeded();
            assertThat(compilation)
                    .hadWarningContaining(
                            Message.CONSTRAINTS_NOT_VALIDATED.format("errors.UnvalidatedParams.Params", "unvalidated"))
                    .inFile(errorFile("UnvalidatedParams"))
                    .onLine(22);
        }

        @Test
        void warnsWhenTheConstraintsOfABeanWillNotBeChecked() {
            Compilation compilation = compile(error("UnvalidatedParams"));

            assertThat(compilation)
                    .hadWarningContaining(
                            Message.CONSTRAINTS_NOT_VALIDATED.format("errors.UnvalidatedParams.Bean", "bean"))
                    .inFile(errorFile("UnvalidatedParams"))
                    .onLine(27);
        }

        @Test
        void doesNotWarnWhenTheParameterCarriesAConstraint() {
            Compilation compilation = compile(error("UnvalidatedParams"));

            assertThat(compilation).hadWarningCount(2);
            assertThat(compilation.warnings())
                    .extracting(warning -> warning.getMessage(null))
                    .noneMatch(message -> message.contains("method validated"));
        }
    }

    @Nested
    class TheAggregateIndex {

        @Test
        void listsTheGeneratedClassesSortedOnePerLine() {
            assertThat(index(compile(VALID_SOURCES)))
                    .isEqualTo("com.example.rpc.Outer_Inner_CentrifugoHandlers\n"
                            + "com.example.rpc.SystemHandlers_CentrifugoHandlers\n");
        }

        @Test
        void isNotWrittenWhenThereAreNoHandlers(@TempDir Path classes) throws Exception {
            // A real javac: compile-testing's file manager creates an empty file on a mere read.
            compileInto(classes, "changed/KeptHandlers");

            assertThat(classes.resolve("com/example/incremental/KeptHandlers.class"))
                    .exists();
            assertThat(classes.resolve(HandlerIndex.INDEX_RESOURCE)).doesNotExist();
        }

        @Test
        void isByteIdenticalAcrossTwoCompilationsOfTheSameSources() {
            Compilation first = compile(VALID_SOURCES);
            Compilation second = compile(VALID_SOURCES);

            assertThat(index(second)).isEqualTo(index(first));
            assertThat(generatedSource(second, SYSTEM_HANDLERS_INDEX))
                    .isEqualTo(generatedSource(first, SYSTEM_HANDLERS_INDEX));
            assertThat(generatedSources(second)).isEqualTo(generatedSources(first));
        }

        @Test
        void keepsEntriesOfAnEarlierCompilationWhoseHandlerStillExistsAndDropsTheOthers(@TempDir Path classes)
                throws Exception {
            compileInto(classes, "KeptHandlers", "RemovedHandlers");
            Path index = classes.resolve(HandlerIndex.INDEX_RESOURCE);
            assertThat(index)
                    .hasContent("com.example.incremental.KeptHandlers_CentrifugoHandlers\n"
                            + "com.example.incremental.RemovedHandlers_CentrifugoHandlers\n");

            // The source of RemovedHandlers was deleted; the build tool removes its outputs.
            Path incremental = classes.resolve("com/example/incremental");
            Files.delete(incremental.resolve("RemovedHandlers.class"));
            Files.delete(incremental.resolve("RemovedHandlers_CentrifugoHandlers.class"));
            compileInto(classes, "AddedHandlers");

            assertThat(Files.readString(index))
                    .isEqualTo("com.example.incremental.AddedHandlers_CentrifugoHandlers\n"
                            + "com.example.incremental.KeptHandlers_CentrifugoHandlers\n");
        }

        @Test
        void keepsTheEntriesOfAnEarlierCompilationForHandlersWhoseNamesContainAnUnderscore(@TempDir Path classes)
                throws Exception {
            compileInto(classes, "Nested_Handlers");

            // Nested_Handlers_Inner is neither Nested.Handlers.Inner nor Nested_Handlers_Inner.
            compileInto(classes, "AddedHandlers");

            assertThat(classes.resolve(HandlerIndex.INDEX_RESOURCE))
                    .hasContent("com.example.incremental.AddedHandlers_CentrifugoHandlers\n"
                            + "com.example.incremental.Nested_Handlers_CentrifugoHandlers\n"
                            + "com.example.incremental.Nested_Handlers_Inner_CentrifugoHandlers\n");
        }

        @Test
        void dropsTheEntryOfARecompiledHandlerThatNoLongerDeclaresRpcMethods(@TempDir Path classes) throws Exception {
            compileInto(classes, "KeptHandlers", "RemovedHandlers");

            compileInto(classes, "changed/KeptHandlers");

            assertThat(classes.resolve(HandlerIndex.INDEX_RESOURCE))
                    .hasContent("com.example.incremental.RemovedHandlers_CentrifugoHandlers\n");
        }

        @Test
        void keepsTheTextOfAnEarlierContractWhateverTheSourceEncoding(@TempDir Path classes) throws Exception {
            compileInto(classes, "GreetingHandlers");
            Path contract = classes.resolve(ContractWriter.RESOURCE);
            assertThat(Files.readString(contract)).contains("Grüße aus Köln — 你好.");

            // A later compilation of ASCII sources in another encoding keeps the contract's UTF-8 text.
            compileInto(classes, List.of("-encoding", "ISO-8859-1"), "AddedHandlers");

            assertThat(Files.readString(contract)).contains("Grüße aus Köln — 你好.", "\"added\"");
        }
    }

    @Nested
    class TypesThatAnotherProcessorGenerates {

        /** Generates {@code com.example.rpc.GeneratedParams} in the first round, as MapStruct or Immutables would. */
        @SupportedAnnotationTypes("*")
        static final class ParamsGenerator extends AbstractProcessor {

            private boolean generated;

            @Override
            public SourceVersion getSupportedSourceVersion() {
                return SourceVersion.latestSupported();
            }

            @Override
            public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment roundEnv) {
                if (!this.generated) {
                    this.generated = true;
                    try (Writer out = this.processingEnv
                            .getFiler()
                            .createSourceFile("com.example.rpc.GeneratedParams")
                            .openWriter()) {
                        out.write("package com.example.rpc;\npublic record GeneratedParams(String text) {}\n");
                    } catch (IOException ex) {
                        throw new UncheckedIOException(ex);
                    }
                }
                return false;
            }
        }

        @Test
        void areWaitedForUntilTheRoundThatHasThem() {
            Compilation compilation = javac().withProcessors(new ParamsGenerator(), new HandlerProcessor())
                    .compile(JavaFileObjects.forSourceString(
                            "com.example.rpc.EchoHandlers",
                            "package com.example.rpc;\n"
                                    + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                                    + "public class EchoHandlers {\n"
                                    + "    @WebSocketRpc(\"echo\")\n"
                                    + "    public String echo(GeneratedParams params) { return params.text(); }\n"
                                    + "}\n"));

            assertThat(compilation).succeededWithoutWarnings();
            assertThat(index(compilation)).isEqualTo("com.example.rpc.EchoHandlers_CentrifugoHandlers\n");
            assertThat(generatedSource(compilation, "com.example.rpc.EchoHandlers_CentrifugoHandlers"))
                    .contains("GeneratedParams.class");
        }

        @Test
        void areWaitedForInANestedHandlerClassToo() {
            Compilation compilation = javac().withProcessors(new ParamsGenerator(), new HandlerProcessor())
                    .compile(JavaFileObjects.forSourceString(
                            "com.example.rpc.Outer",
                            "package com.example.rpc;\n"
                                    + "import dev.centrifugo4j.rpc.WebSocketRpc;\n"
                                    + "public class Outer {\n"
                                    + "    public static class EchoHandlers {\n"
                                    + "        @WebSocketRpc(\"echo\")\n"
                                    + "        public String echo(GeneratedParams params) { return params.text(); }\n"
                                    + "    }\n"
                                    + "}\n"));

            assertThat(compilation).succeededWithoutWarnings();
            assertThat(index(compilation)).isEqualTo("com.example.rpc.Outer_EchoHandlers_CentrifugoHandlers\n");
            assertThat(contents(compilation
                            .generatedFile(StandardLocation.CLASS_OUTPUT, ContractWriter.RESOURCE)
                            .orElseThrow()))
                    .contains("\"echo\"");
        }
    }

    @Nested
    class Registration {

        @Test
        void isFoundByJavacThroughMetaInfServices() {
            assertThat(ServiceLoader.load(Processor.class, HandlerProcessorTests.class.getClassLoader()).stream()
                            .map(ServiceLoader.Provider::type))
                    .contains(HandlerProcessor.class);
        }

        @Test
        void looksAtEveryCompilationForTheAnnotationByItsQualifiedNameAndSupportsTheLatestSourceVersion() {
            HandlerProcessor processor = new HandlerProcessor();

            assertThat(HandlerProcessor.WEB_SOCKET_RPC).isEqualTo(WebSocketRpc.class.getName());
            assertThat(processor.getSupportedAnnotationTypes()).containsExactly("*");
            assertThat(processor.getSupportedSourceVersion()).isEqualTo(SourceVersion.latestSupported());
        }

        @Test
        void writesTheIndexWhereTheRuntimeLooksForIt() {
            assertThat(AggregateResources.INDEX_RESOURCE).isEqualTo(HandlerIndex.INDEX_RESOURCE);
            assertThat(HandlerIndexGenerator.CLASS_NAME_SUFFIX).isEqualTo(HandlerIndex.CLASS_NAME_SUFFIX);
        }

        @Test
        void declaresItselfAggregatingToGradlesIncrementalCompilation() throws IOException {
            // One contract.json and one handler-index for the whole compilation: aggregating, not isolating.
            assertThat(resource("META-INF/gradle/incremental.annotation.processors"))
                    .isEqualToIgnoringNewLines(HandlerProcessor.class.getName() + ",aggregating");
        }

        @Test
        void writesNoContractWhenTheContractOptionIsFalse() {
            Compilation compilation =
                    compile(List.of("-A" + HandlerProcessor.CONTRACT_OPTION + "=false"), VALID_SOURCES);

            assertThat(compilation).succeededWithoutWarnings();
            assertThat(compilation.generatedFile(StandardLocation.CLASS_OUTPUT, ContractWriter.RESOURCE))
                    .isEmpty();
            assertThat(index(compilation)).contains(SYSTEM_HANDLERS_INDEX);
            assertThat(compile(VALID_SOURCES).generatedFile(StandardLocation.CLASS_OUTPUT, ContractWriter.RESOURCE))
                    .isPresent();
        }
    }
}
