package dev.centrifugo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.centrifugo4j.processor.Compilations.assertMatchesGolden;
import static dev.centrifugo4j.processor.Compilations.compile;
import static dev.centrifugo4j.processor.Compilations.compileFailing;
import static dev.centrifugo4j.processor.Compilations.compileInto;
import static dev.centrifugo4j.processor.Compilations.generatedResource;
import static dev.centrifugo4j.processor.Compilations.generatedSource;
import static dev.centrifugo4j.processor.Compilations.generatedSources;
import static dev.centrifugo4j.processor.Compilations.loadIndex;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.ChannelOperation;
import dev.centrifugo4j.channel.OnPublish;
import dev.centrifugo4j.channel.OnSubRefresh;
import dev.centrifugo4j.channel.OnSubscribe;
import dev.centrifugo4j.channel.PublishDecision;
import dev.centrifugo4j.channel.SubRefreshResult;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.processor.Compilations.CompiledClassLoader;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.ChannelParameter;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The processor's handling of {@code @OnSubscribe}, {@code @OnPublish} and {@code @OnSubRefresh}. */
class HandlerProcessorChannelTests {

    private static final String VALID = "processor/valid/com/example/channel/";

    private static final String[] CHANNEL_SOURCES = {
        VALID + "ChatHandlers.java",
        VALID + "ChatMessage.java",
        VALID + "RoomKind.java",
        VALID + "ChannelOnlyHandlers.java"
    };

    private static final String CHAT_INDEX = "com.example.channel.ChatHandlers_CentrifugoHandlers";

    private static final String CHANNEL_ONLY_INDEX = "com.example.channel.ChannelOnlyHandlers_CentrifugoHandlers";

    private static final ChannelContext CONTEXT = new ChannelContext(
            ChannelOperation.SUBSCRIBE,
            "chat:room:42",
            "chat:room:{roomId}",
            Map.of("roomId", "42"),
            "client-1",
            "alice",
            "websocket",
            "json",
            "json",
            null,
            Map.of(),
            null);

    private static Compilation compileError(String fixture) {
        return compileFailing(error(fixture));
    }

    private static String error(String fixture) {
        return "processor/errors/channel/" + fixture + ".java";
    }

    private static JavaFileObject errorFile(String fixture) {
        return JavaFileObjects.forResource(error(fixture));
    }

    private static ChannelMethodDefinition definition(HandlerIndex index, ChannelOperation operation, String pattern) {
        return index.channelMethods().stream()
                .filter(method ->
                        method.operation() == operation && method.pattern().equals(pattern))
                .findFirst()
                .orElseThrow();
    }

    @Nested
    class TheGeneratedIndexClass {

        @Test
        void matchesTheGoldenFileForAHandlerMixingRpcAndChannelMethods() throws IOException {
            Compilation compilation = compile(CHANNEL_SOURCES);

            assertThat(compilation).succeededWithoutWarnings();
            assertMatchesGolden(
                    generatedSource(compilation, CHAT_INDEX), "processor/golden/ChatHandlers_CentrifugoHandlers.java");
        }

        @Test
        void compilesWithoutAnyLintWarning() {
            // -processing: javac would warn that no processor claims the handler annotations.
            Compilation compilation = compile(List.of("-Xlint:all,-processing", "-Werror"), CHANNEL_SOURCES);

            assertThat(compilation).succeededWithoutWarnings();
        }

        @Test
        void listsTheChannelMethodsSortedByOperationThenPattern() throws Exception {
            HandlerIndex index = loadIndex(compile(CHANNEL_SOURCES), CHAT_INDEX);

            assertThat(index.channelMethods())
                    .extracting(method -> method.operation() + " " + method.pattern() + " " + method.javaMethod())
                    .containsExactly(
                            "SUBSCRIBE chat:room:{roomId} join",
                            "SUBSCRIBE inbox:{user} openInbox",
                            "SUBSCRIBE news:{kind} follow",
                            "SUBSCRIBE terminal:session:{sessionId} watch",
                            "PUBLISH audit:{kind} audit",
                            "PUBLISH chat:lobby chatter",
                            "PUBLISH chat:room:{roomId} post",
                            "PUBLISH feed:{kind}:{topic} tag",
                            "SUB_REFRESH chat:room:{roomId} refresh",
                            "SUB_REFRESH terminal:session:{sessionId} refreshSession");
            assertThat(index.channelMethods()).isUnmodifiable();
            assertThat(index.methods()).extracting(RpcMethodDefinition::name).containsExactly("chat.history");
        }

        @Test
        void describesEveryParameterInDeclarationOrder() throws Exception {
            HandlerIndex index = loadIndex(compile(CHANNEL_SOURCES), CHAT_INDEX);

            ChannelMethodDefinition join = definition(index, ChannelOperation.SUBSCRIBE, "chat:room:{roomId}");
            assertThat(join.parameters())
                    .containsExactly(
                            ChannelParameter.context(ChannelContext.class),
                            ChannelParameter.variable("roomId", long.class));
            assertThat(join.signature()).isEqualTo("com.example.channel.ChatHandlers.join(ChannelContext, long)");

            ChannelMethodDefinition watch =
                    definition(index, ChannelOperation.SUBSCRIBE, "terminal:session:{sessionId}");
            assertThat(watch.parameters())
                    .containsExactly(
                            ChannelParameter.variable("sessionId", UUID.class),
                            ChannelParameter.context(ChannelContext.class));

            ChannelMethodDefinition post = definition(index, ChannelOperation.PUBLISH, "chat:room:{roomId}");
            assertThat(post.parameters()).hasSize(3);
            assertThat(post.parameters().get(2).kind()).isEqualTo(ChannelParameter.Kind.PAYLOAD);
            assertThat(post.parameters().get(2).type().getTypeName()).isEqualTo("com.example.channel.ChatMessage");
            assertThat(post.parameters().get(2).validated()).isTrue();
            assertThat(post.parameters().get(2).nullable()).isFalse();

            ChannelParameter chatter = definition(index, ChannelOperation.PUBLISH, "chat:lobby")
                    .parameters()
                    .get(0);
            assertThat(chatter.nullable()).isTrue();
            assertThat(chatter.validated()).isTrue();

            ChannelMethodDefinition tag = definition(index, ChannelOperation.PUBLISH, "feed:{kind}:{topic}");
            assertThat(tag.parameters().get(0).type().getTypeName()).isEqualTo("com.example.channel.RoomKind");
            ChannelParameter tags = tag.parameters().get(1);
            assertThat(tags.type()).isInstanceOf(ParameterizedType.class);
            assertThat(tags.type().getTypeName()).isEqualTo("java.util.List<java.lang.String>");
            assertThat(tags.validated()).isFalse();
            assertThat(tag.javaParameterTypes())
                    .extracting(Class::getSimpleName)
                    .containsExactly("RoomKind", "List");

            assertThat(definition(index, ChannelOperation.SUB_REFRESH, "chat:room:{roomId}")
                            .parameters())
                    .containsExactly(ChannelParameter.variable("roomId", long.class));
        }

        @Test
        void marksTheMethodsThatReturnACompletionStageAsAsync() throws Exception {
            HandlerIndex index = loadIndex(compile(CHANNEL_SOURCES), CHAT_INDEX);

            assertThat(index.channelMethods().stream()
                            .filter(ChannelMethodDefinition::async)
                            .map(ChannelMethodDefinition::javaMethod))
                    .containsExactly("openInbox", "audit", "tag", "refreshSession");
        }

        @Test
        void callsEveryChannelMethodWithItsArgumentArray() throws Exception {
            CompiledClassLoader classes = new CompiledClassLoader(compile(CHANNEL_SOURCES));
            HandlerIndex index = loadIndex(classes, CHAT_INDEX);
            Object handler = newInstance(classes, "com.example.channel.ChatHandlers");
            Object message = newInstance(classes, "com.example.channel.ChatMessage", "hi");
            Object publicKind = enumConstant(classes, "PUBLIC");
            UUID session = UUID.fromString("0f8fad5b-d9cb-469f-a165-70867728950e");

            assertThat(invoke(index, ChannelOperation.SUBSCRIBE, "chat:room:{roomId}", handler, CONTEXT, 42L))
                    .isEqualTo(true);
            assertThat(invoke(index, ChannelOperation.SUBSCRIBE, "chat:room:{roomId}", handler, CONTEXT, 0L))
                    .isEqualTo(false);
            Object watched = invoke(
                    index, ChannelOperation.SUBSCRIBE, "terminal:session:{sessionId}", handler, session, CONTEXT);
            assertThat(((SubscribeResult) watched).info()).isEqualTo(session + " for alice");
            Object inbox = invoke(index, ChannelOperation.SUBSCRIBE, "inbox:{user}", handler, CONTEXT, "alice");
            assertThat(((CompletionStage<?>) inbox).toCompletableFuture().join())
                    .isEqualTo(true);

            Object posted =
                    invoke(index, ChannelOperation.PUBLISH, "chat:room:{roomId}", handler, CONTEXT, 7L, message);
            assertThat(((PublishDecision) posted).replaced()).isTrue();
            assertThat(((PublishDecision) posted).data()).hasToString("ChatMessage[text=alice@7: hi]");
            assertThat(invoke(index, ChannelOperation.PUBLISH, "chat:lobby", handler, message))
                    .isEqualTo(true);
            assertThat(invoke(index, ChannelOperation.PUBLISH, "chat:lobby", handler, (Object) null))
                    .isEqualTo(false);
            Object tagged = invoke(
                    index, ChannelOperation.PUBLISH, "feed:{kind}:{topic}", handler, publicKind, List.of("a", "b"));
            assertThat(((PublishDecision) ((CompletionStage<?>) tagged)
                                    .toCompletableFuture()
                                    .join())
                            .idempotencyKey())
                    .isEqualTo("PUBLIC:[a, b]");
            Object audited = invoke(index, ChannelOperation.PUBLISH, "audit:{kind}", handler, publicKind, "note");
            assertThat(((CompletionStage<?>) audited).toCompletableFuture().join())
                    .isNull();

            Object refreshed = invoke(index, ChannelOperation.SUB_REFRESH, "chat:room:{roomId}", handler, 60L);
            assertThat(((SubRefreshResult) refreshed).expireAt()).isEqualTo(Instant.ofEpochSecond(60));
            assertThat(((SubRefreshResult)
                                    invoke(index, ChannelOperation.SUB_REFRESH, "chat:room:{roomId}", handler, 13L))
                            .isExpired())
                    .isTrue();
            Object session2 =
                    invoke(index, ChannelOperation.SUB_REFRESH, "terminal:session:{sessionId}", handler, CONTEXT);
            assertThat(((SubRefreshResult) ((CompletionStage<?>) session2)
                                    .toCompletableFuture()
                                    .join())
                            .isExpired())
                    .isTrue();
            assertThat(log(handler)).containsExactly("audit PUBLIC note");
        }

        @Test
        void returnsNullFromAVoidMethodAfterCallingIt() throws Exception {
            CompiledClassLoader classes = new CompiledClassLoader(compile(CHANNEL_SOURCES));
            HandlerIndex index = loadIndex(classes, CHAT_INDEX);
            Object handler = newInstance(classes, "com.example.channel.ChatHandlers");

            assertThat(invoke(
                            index,
                            ChannelOperation.SUBSCRIBE,
                            "news:{kind}",
                            handler,
                            enumConstant(classes, "PRIVATE")))
                    .isNull();
            assertThat(log(handler)).containsExactly("follow PRIVATE");
        }

        @Test
        void returnsNoRpcMethodsForAClassWithOnlyChannelMethods() throws Exception {
            Compilation compilation = compile(CHANNEL_SOURCES);
            CompiledClassLoader classes = new CompiledClassLoader(compilation);
            HandlerIndex index = loadIndex(classes, CHANNEL_ONLY_INDEX);
            Object handler = newInstance(classes, "com.example.channel.ChannelOnlyHandlers");

            assertThat(index.methods()).isEmpty();
            assertThat(index.channelMethods()).singleElement().satisfies(method -> {
                assertThat(method.pattern()).isEqualTo("public:{anything}");
                assertThat(method.parameters()).isEmpty();
                assertThat(method.invoker().invoke(handler, new Object[0])).isEqualTo(true);
            });
            assertThat(generatedSource(compilation, CHANNEL_ONLY_INDEX))
                    .contains("The {@code @OnSubscribe} methods of {@code ChannelOnlyHandlers}.")
                    .contains("return List.of();")
                    .doesNotContain("List<RpcMethodDefinition> METHODS");
        }

        private static Object invoke(
                HandlerIndex index, ChannelOperation operation, String pattern, Object handler, Object... arguments)
                throws Exception {
            return definition(index, operation, pattern).invoker().invoke(handler, arguments);
        }

        private static Object newInstance(ClassLoader classes, String className, Object... arguments) throws Exception {
            var constructor = classes.loadClass(className).getDeclaredConstructors()[0];
            constructor.setAccessible(true);
            return constructor.newInstance(arguments);
        }

        private static Object enumConstant(ClassLoader classes, String name) throws Exception {
            return classes.loadClass("com.example.channel.RoomKind")
                    .getField(name)
                    .get(null);
        }

        @SuppressWarnings("unchecked")
        private static List<String> log(Object handler) throws Exception {
            Field log = handler.getClass().getDeclaredField("log");
            log.setAccessible(true);
            return (List<String>) log.get(handler);
        }
    }

    @Nested
    class PatternChecks {

        @Test
        void rejectsABlankPattern() {
            assertThat(compileError("PatternBlank"))
                    .hadErrorContaining(Message.PATTERN_BLANK.format("OnSubscribe", " ", "method handle"))
                    .inFile(errorFile("PatternBlank"))
                    .onLine(7);
        }

        @Test
        void rejectsAPatternWithWhitespace() {
            assertThat(compileError("PatternWhitespace"))
                    .hadErrorContaining(Message.PATTERN_WHITESPACE.format("OnSubscribe", "chat: room", "method handle"))
                    .inFile(errorFile("PatternWhitespace"))
                    .onLine(7);
        }

        @Test
        void rejectsUnclosedStrayAndNestedBraces() {
            Compilation compilation = compileError("PatternUnbalancedBrace");

            assertThat(compilation).hadErrorCount(3);
            assertThat(compilation)
                    .hadErrorContaining(Message.PATTERN_UNBALANCED_BRACE.format(
                            "OnSubscribe", "chat:{roomId", "method unclosed", "{", 5))
                    .inFile(errorFile("PatternUnbalancedBrace"))
                    .onLine(8);
            assertThat(compilation)
                    .hadErrorContaining(Message.PATTERN_UNBALANCED_BRACE.format(
                            "OnSubscribe", "chat:room}", "method unopened", "}", 9))
                    .inFile(errorFile("PatternUnbalancedBrace"))
                    .onLine(13);
            assertThat(compilation)
                    .hadErrorContaining(Message.PATTERN_UNBALANCED_BRACE.format(
                            "OnPublish", "chat:{a{b}}", "method nested", "{", 5))
                    .inFile(errorFile("PatternUnbalancedBrace"))
                    .onLine(18);
        }

        @Test
        void rejectsAnEmptyVariable() {
            assertThat(compileError("PatternEmptyVariable"))
                    .hadErrorContaining(
                            Message.PATTERN_EMPTY_VARIABLE.format("OnSubscribe", "chat:{}", "method handle"))
                    .inFile(errorFile("PatternEmptyVariable"))
                    .onLine(7);
        }

        @Test
        void rejectsAVariableNameThatIsNotAnIdentifier() {
            assertThat(compileError("PatternInvalidVariable"))
                    .hadErrorContaining(Message.PATTERN_INVALID_VARIABLE.format(
                            "OnSubscribe", "chat:{1room}", "method handle", "1room"))
                    .inFile(errorFile("PatternInvalidVariable"))
                    .onLine(7);
        }

        @Test
        void rejectsTwoVariablesWithNothingBetweenThem() {
            assertThat(compileError("PatternAdjacentVariables"))
                    .hadErrorContaining(Message.PATTERN_ADJACENT_VARIABLES.format(
                            "OnSubscribe", "chat:{a}{b}", "method handle", "a", "b"))
                    .inFile(errorFile("PatternAdjacentVariables"))
                    .onLine(7);
        }

        @Test
        void rejectsAVariableDeclaredTwice() {
            assertThat(compileError("PatternDuplicateVariable"))
                    .hadErrorContaining(Message.PATTERN_DUPLICATE_VARIABLE.format(
                            "OnSubscribe", "chat:{id}:{id}", "method handle", "id"))
                    .inFile(errorFile("PatternDuplicateVariable"))
                    .onLine(7);
        }

        @Test
        void rejectsTheSecondMethodForTheSameOperationAndPatternAndNamesTheFirst() {
            Compilation compilation = compile(error("FirstPattern"), error("SecondPattern"));

            assertThat(compilation).failed();
            // The same pattern for another operation, and a more specific pattern, are fine.
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation)
                    .hadErrorContaining(Message.DUPLICATE_PATTERN.format(
                            "OnSubscribe", "chat:{id}", "second", "chat:{roomId}", "errors.channel.FirstPattern.first"))
                    .inFile(errorFile("SecondPattern"))
                    .onLine(7);
        }
    }

    @Nested
    class ParameterChecks {

        @Test
        void rejectsASecondChannelContext() {
            assertThat(compileError("TwoChannelContexts"))
                    .hadErrorContaining(Message.DUPLICATE_CHANNEL_CONTEXT.format("OnSubscribe", "handle"))
                    .inFile(errorFile("TwoChannelContexts"))
                    .onLine(10);
        }

        @Test
        void rejectsAVariableThatThePatternDoesNotDeclareAndListsItsVariables() {
            Compilation compilation = compileError("UnknownVariable");

            assertThat(compilation).hadErrorCount(3);
            assertThat(compilation)
                    .hadErrorContaining(Message.UNKNOWN_VARIABLE.format(
                            "room", "OnSubscribe", "byName", "room", "chat:{roomId}:{userId}", "{roomId}, {userId}"))
                    .inFile(errorFile("UnknownVariable"))
                    .onLine(10);
            assertThat(compilation)
                    .hadErrorContaining(Message.UNKNOWN_VARIABLE.format(
                            "topic", "OnSubscribe", "byValue", "topics", "news:{topic}", "{topic}"))
                    .inFile(errorFile("UnknownVariable"))
                    .onLine(16);
            assertThat(compilation)
                    .hadErrorContaining(Message.UNKNOWN_VARIABLE.format(
                            "lobby", "OnSubscribe", "noVariables", "lobby", "lobby", "none"))
                    .inFile(errorFile("UnknownVariable"))
                    .onLine(22);
        }

        @Test
        void rejectsTwoParametersBoundToTheSameVariable() {
            assertThat(compileError("VariableBoundTwice"))
                    .hadErrorContaining(
                            Message.VARIABLE_BOUND_TWICE.format("roomId", "room", "OnSubscribe", "handle", "roomId"))
                    .inFile(errorFile("VariableBoundTwice"))
                    .onLine(10);
        }

        @Test
        void rejectsASecondPayload() {
            assertThat(compileError("TwoPayloads"))
                    .hadErrorContaining(Message.TWO_PAYLOADS.format("OnPublish", "handle", "first", "second"))
                    .inFile(errorFile("TwoPayloads"))
                    .onLine(10);
        }

        @Test
        void rejectsAPayloadOfASubRefreshMethod() {
            assertThat(compileError("SubRefreshPayload"))
                    .hadErrorContaining(Message.SUB_REFRESH_PAYLOAD.format("handle", "roomId"))
                    .inFile(errorFile("SubRefreshPayload"))
                    .onLine(11);
        }

        @Test
        void rejectsAPrimitivePayloadAndSuggestsTheBoxedType() {
            assertThat(compileError("PrimitivePayload"))
                    .hadErrorContaining(
                            Message.PRIMITIVE_PAYLOAD.format("increment", "OnPublish", "handle", "long", "Long"))
                    .inFile(errorFile("PrimitivePayload"))
                    .onLine(9);
        }

        @Test
        void rejectsVariableAndPayloadTypesThatUseATypeVariable() {
            Compilation compilation = compileError("TypeVariableParameter");

            assertThat(compilation)
                    .hadErrorContaining(
                            Message.CHANNEL_PARAMETER_TYPE_VARIABLE.format("id", "OnPublish", "handle", "T"))
                    .inFile(errorFile("TypeVariableParameter"))
                    .onLine(10);
            assertThat(compilation)
                    .hadErrorContaining(Message.CHANNEL_PARAMETER_TYPE_VARIABLE.format(
                            "items", "OnPublish", "handle", "java.util.List<T>"))
                    .inFile(errorFile("TypeVariableParameter"))
                    .onLine(11);
        }
    }

    @Nested
    class ReturnTypeChecks {

        @Test
        void rejectsReturnTypesTheAnnotationDoesNotSupportAndListsTheAllowedOnes() {
            Compilation compilation = compileError("InvalidReturnTypes");

            assertThat(compilation).hadErrorCount(5);
            assertReturnTypeError(compilation, ChannelAnnotation.ON_SUBSCRIBE, "subscribe", "java.lang.String", 12);
            assertReturnTypeError(
                    compilation,
                    ChannelAnnotation.ON_PUBLISH,
                    "publish",
                    "java.util.concurrent.CompletionStage<java.lang.String>",
                    17);
            assertReturnTypeError(compilation, ChannelAnnotation.ON_SUB_REFRESH, "refresh", "boolean", 22);
            assertReturnTypeError(
                    compilation,
                    ChannelAnnotation.ON_SUBSCRIBE,
                    "wrongResult",
                    "dev.centrifugo4j.channel.PublishDecision",
                    27);
            assertReturnTypeError(
                    compilation, ChannelAnnotation.ON_PUBLISH, "raw", "java.util.concurrent.CompletionStage", 33);
        }

        @Test
        void namesTheAllowedReturnTypesOfEachAnnotation() {
            assertThat(ChannelAnnotation.ON_SUBSCRIBE.allowedReturnTypes())
                    .startsWith("SubscribeResult, boolean, Boolean or void");
            assertThat(ChannelAnnotation.ON_PUBLISH.allowedReturnTypes())
                    .startsWith("PublishDecision, boolean, Boolean or void");
            assertThat(ChannelAnnotation.ON_SUB_REFRESH.allowedReturnTypes())
                    .startsWith("SubRefreshResult or a CompletionStage of SubRefreshResult");
        }

        private static void assertReturnTypeError(
                Compilation compilation, ChannelAnnotation annotation, String method, String returnType, int line) {
            assertThat(compilation)
                    .hadErrorContaining(Message.INVALID_RETURN_TYPE.format(
                            annotation.simpleName(), method, returnType, annotation.allowedReturnTypes()))
                    .inFile(errorFile("InvalidReturnTypes"))
                    .onLine(line);
        }
    }

    @Nested
    class MethodChecks {

        @Test
        void rejectsAMethodWithTwoHandlerAnnotations() {
            Compilation compilation = compileError("MultipleHandlerAnnotations");

            assertThat(compilation).hadErrorCount(2);
            assertThat(compilation)
                    .hadErrorContaining(
                            Message.MULTIPLE_HANDLER_ANNOTATIONS.format("rpcAndChannel", "WebSocketRpc", "OnSubscribe"))
                    .inFile(errorFile("MultipleHandlerAnnotations"))
                    .onLine(10);
            assertThat(compilation)
                    .hadErrorContaining(Message.MULTIPLE_HANDLER_ANNOTATIONS.format(
                            "twoChannelOperations", "OnSubscribe", "OnPublish"))
                    .inFile(errorFile("MultipleHandlerAnnotations"))
                    .onLine(16);
        }

        @Test
        void appliesTheModifierChecksOfRpcMethods() {
            Compilation compilation = compileError("PrivateChannelMethod");

            assertThat(compilation)
                    .hadErrorContaining(Message.METHOD_PRIVATE.format("handle"))
                    .inFile(errorFile("PrivateChannelMethod"))
                    .onLine(8);
            assertThat(compilation)
                    .hadErrorContaining(Message.METHOD_STATIC.format("handle"))
                    .inFile(errorFile("PrivateChannelMethod"))
                    .onLine(8);
        }

        @Test
        void appliesTheDeclaringTypeChecksOfRpcMethods() {
            assertThat(compileError("ChannelInterface"))
                    .hadErrorContaining(Message.TYPE_NOT_A_CLASS.format("handle", "interface", "ChannelInterface"))
                    .inFile(errorFile("ChannelInterface"))
                    .onLine(9);
        }
    }

    @Nested
    class ValidationWarnings {

        @Test
        void warnsWhenTheConstraintsOfAPayloadWillNotBeChecked() {
            Compilation compilation = compile(error("UnvalidatedPayload"));

            assertThat(compilation).succeeded();
            assertThat(compilation).hadWarningCount(1);
            assertThat(compilation)
                    .hadWarningContaining(Message.CONSTRAINTS_NOT_VALIDATED.format(
                            "errors.channel.UnvalidatedPayload.Message", "unvalidated"))
                    .inFile(errorFile("UnvalidatedPayload"))
                    .onLine(13);
        }
    }

    @Nested
    class TheAggregateIndex {

        @Test
        void listsClassesWithOnlyChannelMethods() {
            Compilation compilation = compile(CHANNEL_SOURCES);

            assertThat(generatedResource(compilation, HandlerIndex.INDEX_RESOURCE))
                    .isEqualTo("com.example.channel.ChannelOnlyHandlers_CentrifugoHandlers\n"
                            + "com.example.channel.ChatHandlers_CentrifugoHandlers\n");
        }

        @Test
        void isByteIdenticalAcrossTwoCompilationsOfTheSameSources() {
            Compilation first = compile(CHANNEL_SOURCES);
            Compilation second = compile(CHANNEL_SOURCES);

            assertThat(generatedSources(second))
                    .isEqualTo(generatedSources(first))
                    .containsKey("/SOURCE_OUTPUT/com/example/channel/ChatHandlers_CentrifugoHandlers.java");
        }

        @Test
        void keepsTheEntryOfAHandlerWithOnlyChannelMethodsUntilItLosesThem(@TempDir Path classes) throws Exception {
            compileInto(classes, "KeptHandlers", "ChannelHandlers");
            Path index = classes.resolve(HandlerIndex.INDEX_RESOURCE);

            compileInto(classes, "AddedHandlers");
            assertThat(Files.readString(index))
                    .isEqualTo("com.example.incremental.AddedHandlers_CentrifugoHandlers\n"
                            + "com.example.incremental.ChannelHandlers_CentrifugoHandlers\n"
                            + "com.example.incremental.KeptHandlers_CentrifugoHandlers\n");

            compileInto(classes, "changed/ChannelHandlers");
            assertThat(Files.readString(index))
                    .isEqualTo("com.example.incremental.AddedHandlers_CentrifugoHandlers\n"
                            + "com.example.incremental.KeptHandlers_CentrifugoHandlers\n");
        }
    }

    @Nested
    class Registration {

        @Test
        void looksForTheChannelAnnotationsByTheirQualifiedNames() {
            assertThat(HandlerProcessor.ON_SUBSCRIBE).isEqualTo(OnSubscribe.class.getName());
            assertThat(HandlerProcessor.ON_PUBLISH).isEqualTo(OnPublish.class.getName());
            assertThat(HandlerProcessor.ON_SUB_REFRESH).isEqualTo(OnSubRefresh.class.getName());
        }

        @Test
        void namesTheOperationConstantsOfTheRuntime() {
            assertThat(Arrays.stream(ChannelAnnotation.values()).map(ChannelAnnotation::operation))
                    .containsExactly(Arrays.stream(ChannelOperation.values())
                            .map(Enum::name)
                            .toArray(String[]::new));
        }
    }

    @Nested
    class TypedChannels {

        private static final String EVENT = "package com.example;\n"
                + "import dev.centrifugo4j.channel.ChannelPublication;\n"
                + "/** A line of a terminal session. */\n"
                + "@ChannelPublication(\"terminal:session:{sessionId}\")\n"
                + "public record TerminalEvent(String line) {}\n";

        private final Map<String, JavaFileObject> sources = new HashMap<>();

        private Compilation compileSources(String... nameAndSource) {
            JavaFileObject[] files = new JavaFileObject[nameAndSource.length / 2];
            for (int i = 0; i < files.length; i++) {
                files[i] = JavaFileObjects.forSourceString(nameAndSource[2 * i], nameAndSource[2 * i + 1]);
                this.sources.put(nameAndSource[2 * i], files[i]);
            }
            return compile(files);
        }

        private JavaFileObject source(String name) {
            return this.sources.get(name);
        }

        private static String handlers(String annotation, String pattern, String parameters) {
            return "package com.example;\n"
                    + "import dev.centrifugo4j.channel.*;\n"
                    + "public class TerminalHandlers {\n"
                    + "    @" + annotation + "(\"" + pattern + "\")\n"
                    + "    public boolean handle(" + parameters + ") { return true; }\n"
                    + "}\n";
        }

        @Test
        void areWrittenToTheContractWithTheirVariablesAndPublicationType() throws IOException {
            Compilation compilation = compileSources("com.example.TerminalEvent", EVENT);

            assertThat(compilation).succeeded();
            String contract;
            try (InputStream in = compilation
                    .generatedFile(StandardLocation.CLASS_OUTPUT, ContractWriter.RESOURCE)
                    .orElseThrow()
                    .openInputStream()) {
                contract = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            assertThat(contract)
                    .contains("\"typedChannels\": [\n    {\n      \"pattern\": \"terminal:session:{sessionId}\",\n"
                            + "      \"variables\": [\n        {\n          \"name\": \"sessionId\",\n"
                            + "          \"schema\": {\n            \"type\": \"string\"\n          }\n        }\n"
                            + "      ],\n      \"type\": \"com.example.TerminalEvent\",\n"
                            + "      \"description\": \"A line of a terminal session.\",\n"
                            + "      \"data\": {\n        \"$ref\": \"#/$defs/TerminalEvent\"\n      }\n    }\n  ]");
        }

        @Test
        void acceptHandlersOfThePatternThatNameTheVariablesAlike() {
            Compilation compilation = compileSources(
                    "com.example.TerminalEvent",
                    EVENT,
                    "com.example.TerminalHandlers",
                    handlers(
                            "OnPublish",
                            "terminal:session:{sessionId}",
                            "@ChannelVariable String sessionId, TerminalEvent event"));

            assertThat(compilation).succeeded();
        }

        @Test
        void rejectAnInvalidPatternOnTheType() {
            Compilation compilation = compileSources(
                    "com.example.TerminalEvent",
                    "package com.example;\n"
                            + "import dev.centrifugo4j.channel.ChannelPublication;\n"
                            + "@ChannelPublication(\"terminal:{}\")\n"
                            + "public record TerminalEvent(String line) {}\n");

            assertThat(compilation)
                    .hadErrorContaining(Message.PATTERN_EMPTY_VARIABLE.format(
                            "ChannelPublication", "terminal:{}", "type TerminalEvent"))
                    .inFile(source("com.example.TerminalEvent"))
                    .onLine(3);
        }

        @Test
        void rejectTwoTypesOnTheSamePattern() {
            Compilation compilation = compileSources(
                    "com.example.TerminalEvent",
                    EVENT,
                    "com.example.OtherEvent",
                    "package com.example;\n"
                            + "import dev.centrifugo4j.channel.ChannelPublication;\n"
                            + "@ChannelPublication(\"terminal:session:{id}\")\n"
                            + "public record OtherEvent(String line) {}\n");

            assertThat(compilation).failed();
            assertThat(compilation)
                    .hadErrorContaining(Message.DUPLICATE_TYPED_CHANNEL.format(
                            "terminal:session:{id}",
                            "OtherEvent",
                            "terminal:session:{sessionId}",
                            "com.example.TerminalEvent"));
        }

        @Test
        void rejectAHandlerThatNamesTheVariablesDifferently() {
            Compilation compilation = compileSources(
                    "com.example.TerminalEvent",
                    EVENT,
                    "com.example.TerminalHandlers",
                    handlers("OnSubscribe", "terminal:session:{id}", "@ChannelVariable String id"));

            assertThat(compilation)
                    .hadErrorContaining(Message.TYPED_CHANNEL_VARIABLES_DIFFER.format(
                            "OnSubscribe",
                            "terminal:session:{id}",
                            "handle",
                            "terminal:session:{sessionId}",
                            "com.example.TerminalEvent"))
                    .inFile(source("com.example.TerminalHandlers"))
                    .onLine(4);
        }

        @Test
        void rejectAPublishHandlerThatTakesAnotherType() {
            Compilation compilation = compileSources(
                    "com.example.TerminalEvent",
                    EVENT,
                    "com.example.TerminalHandlers",
                    handlers(
                            "OnPublish",
                            "terminal:session:{sessionId}",
                            "@ChannelVariable String sessionId, String line"));

            assertThat(compilation)
                    .hadErrorContaining(Message.TYPED_CHANNEL_PAYLOAD_DIFFERS.format(
                            "handle", "terminal:session:{sessionId}", "java.lang.String", "com.example.TerminalEvent"))
                    .inFile(source("com.example.TerminalHandlers"))
                    .onLine(5);
        }

        @Test
        void rejectAGenericPublicationType() {
            Compilation compilation = compileSources(
                    "com.example.Wrapped",
                    "package com.example;\n"
                            + "import dev.centrifugo4j.channel.ChannelPublication;\n"
                            + "@ChannelPublication(\"wrapped:{id}\")\n"
                            + "public record Wrapped<T>(T value) {}\n");

            assertThat(compilation)
                    .hadErrorContaining(Message.PUBLICATION_TYPE_GENERIC.format("Wrapped", "wrapped:{id}"))
                    .inFile(source("com.example.Wrapped"))
                    .onLine(3);
        }
    }
}
