package dev.centrifugo4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.centrifugo4j.processor.Compilations.compile;
import static dev.centrifugo4j.processor.Compilations.generatedResource;
import static dev.centrifugo4j.processor.Compilations.generatedSource;
import static dev.centrifugo4j.processor.Compilations.loadIndex;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.centrifugo4j.channel.ChannelContext;
import dev.centrifugo4j.channel.SubscribeResult;
import dev.centrifugo4j.processor.Compilations.CompiledClassLoader;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.spi.ChannelMethodDefinition;
import dev.centrifugo4j.spi.CoroutineCall;
import dev.centrifugo4j.spi.HandlerIndex;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import kotlin.coroutines.Continuation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mono handlers, and Kotlin handlers as the processor sees them through kapt: the fixtures are
 * written as kapt's stubs are (a suspend function takes a {@code Continuation<? super T>} last and
 * returns {@code Object}, the class carries {@code @kotlin.Metadata}, nullability is in JetBrains'
 * annotations).
 */
class HandlerProcessorKotlinTests {

    private static final String KT = "processor/kotlin/com/example/kt/";

    private static final String[] SOURCES = {KT + "GreetingHandlers.java", KT + "Greeting.java", KT + "Reply.java"};

    private static final String INDEX = "com.example.kt.GreetingHandlers_CentrifugoHandlers";

    private static final RpcContext CONTEXT =
            new RpcContext("client-1", "alice", "websocket", "json", "json", "greet", null, Map.of(), null);

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheGeneratedIndex {

        private Compilation compilation;

        private HandlerIndex index;

        private CompiledClassLoader classes;

        @BeforeAll
        void compileTheFixtures() throws Exception {
            this.compilation = compile(SOURCES);
            assertThat(this.compilation).succeeded();
            this.classes = new CompiledClassLoader(this.compilation);
            this.index = loadIndex(this.classes, INDEX);
        }

        private RpcMethodDefinition rpc(String name) {
            return this.index.methods().stream()
                    .filter(method -> method.name().equals(name))
                    .findFirst()
                    .orElseThrow();
        }

        private Object greeting(String name, String nickname) throws Exception {
            return this.classes
                    .loadClass("com.example.kt.Greeting")
                    .getConstructor(String.class, String.class)
                    .newInstance(name, nickname);
        }

        private Object handlers() throws Exception {
            return this.classes
                    .loadClass("com.example.kt.GreetingHandlers")
                    .getConstructor()
                    .newInstance();
        }

        @Test
        void bindsTheDataOfASuspendFunctionWithoutItsContinuationButListsTheContinuationInItsSignature() {
            RpcMethodDefinition greet = rpc("greet");
            assertThat(greet.async()).isTrue();
            assertThat(greet.validated()).isTrue();
            assertThat(greet.paramsType().getTypeName()).isEqualTo("com.example.kt.Greeting");
            assertThat(greet.javaParameterTypes())
                    .extracting(Class::getName)
                    .containsExactly("com.example.kt.Greeting", Continuation.class.getName());
            assertThat(rpc("forget").paramsType()).isNull();
            assertThat(rpc("forget").javaParameterTypes()).containsExactly(RpcContext.class, Continuation.class);
        }

        @Test
        void startsTheCoroutineWithACoroutineCallAsItsContinuation() throws Exception {
            assertThat(generatedSource(this.compilation, INDEX))
                    .contains("CoroutineCall call1 = new CoroutineCall();\n"
                            + "                    return call1.started(((GreetingHandlers) handler).forget(context,"
                            + " call1));")
                    .contains("return MonoStages.toStage(((GreetingHandlers) handler).find((Greeting) params));");

            Object result = rpc("greet").invoker().invoke(handlers(), CONTEXT, greeting("Ada", null));

            assertThat(result).isInstanceOf(CoroutineCall.class);
            Object reply = ((CompletableFuture<?>) result).join();
            assertThat(reply.getClass().getMethod("getText").invoke(reply)).isEqualTo("Hello, Ada");
            assertThat(((CompletableFuture<?>) rpc("forget").invoker().invoke(handlers(), CONTEXT, null)))
                    .as("Unit is no result")
                    .isCompletedWithValue(null);
        }

        @Test
        void turnsAMonoIntoAStage() throws Exception {
            RpcMethodDefinition find = rpc("find");
            assertThat(find.async()).isTrue();
            assertThat(find.paramsNullable())
                    .as("@org.jetbrains.annotations.Nullable")
                    .isTrue();
            assertThat(((CompletableFuture<?>) find.invoker().invoke(handlers(), CONTEXT, null)))
                    .isCompletedWithValue(null);
            Object reply =
                    ((CompletableFuture<?>) find.invoker().invoke(handlers(), CONTEXT, greeting("Bo", null))).join();
            assertThat(reply.getClass().getMethod("getText").invoke(reply)).isEqualTo("Found Bo");
        }

        @Test
        void handlesChannelsWithSuspendFunctionsAndMonos() throws Exception {
            ChannelMethodDefinition join = this.index.channelMethods().stream()
                    .filter(method -> method.pattern().equals("rooms:{room}"))
                    .findFirst()
                    .orElseThrow();
            assertThat(join.async()).isTrue();
            assertThat(join.returnsVoid()).isFalse();
            assertThat(join.javaParameterTypes())
                    .containsExactly(ChannelContext.class, String.class, Continuation.class);
            Object result = join.invoker().invoke(handlers(), new Object[] {null, "staff"});
            assertThat(((SubscribeResult) ((CompletableFuture<?>) result).join()).rejection())
                    .isEqualTo(SubscribeResult.deny().rejection());

            ChannelMethodDefinition lobby = this.index.channelMethods().stream()
                    .filter(method -> method.pattern().equals("lobby:{id}"))
                    .findFirst()
                    .orElseThrow();
            assertThat(lobby.async()).isTrue();
            assertThat(lobby.returnsVoid()).as("Mono<Void> allows").isTrue();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class TheContract {

        private JsonNode contract;

        private Compilation compilation;

        @BeforeAll
        void compileTheFixtures() {
            this.compilation = compile(SOURCES);
            this.contract = MAPPER.readTree(generatedResource(this.compilation, ContractWriter.RESOURCE));
        }

        private JsonNode rpc(String name) {
            for (JsonNode rpc : this.contract.path("rpc")) {
                if (rpc.path("name").asString().equals(name)) {
                    return rpc;
                }
            }
            throw new AssertionError("no RPC " + name);
        }

        private JsonNode definition(String name) {
            return this.contract.path("$defs").path(name);
        }

        @Test
        void takesTheResultOfASuspendFunctionFromItsContinuation() {
            assertThat(rpc("greet").path("async").asBoolean()).isTrue();
            assertThat(rpc("greet").path("result").toString()).isEqualTo("{\"$ref\":\"#/$defs/Reply\"}");
            assertThat(rpc("forget").has("result")).as("Unit").isFalse();
            assertThat(rpc("find").path("result").toString()).isEqualTo("{\"$ref\":\"#/$defs/Reply\"}");
        }

        @Test
        void readsTheNullabilityOfKotlinPropertiesFromTheirJetBrainsAnnotations() {
            assertThat(definition("Greeting").path("required").toString()).isEqualTo("[\"name\"]");
            assertThat(definition("Greeting")
                            .path("properties")
                            .path("nickname")
                            .toString())
                    .contains("\"null\"");
            assertThat(definition("Reply").path("required").toString()).isEqualTo("[\"text\"]");
            assertThat(definition("Reply").path("properties").path("note").toString())
                    .contains("\"maxLength\":80");
        }

        @Test
        void warnsOfAConstraintOnAKotlinConstructorParameterOnlyAndOfNoInvisibleNullable() {
            assertThat(this.compilation)
                    .hadWarningContaining(Message.KOTLIN_CONSTRAINT_ON_PARAMETER.format(
                            "NotBlank", "name", "com.example.kt.Greeting", "NotBlank", "NotBlank"))
                    .inFile(JavaFileObjects.forResource(KT + "Greeting.java"))
                    .onLine(14);
            assertThat(this.compilation.warnings())
                    .extracting(warning -> warning.getMessage(null))
                    .as("once, though two handlers bind Greeting; no NULLABLE_NOT_AT_RUN_TIME")
                    .hasSize(1);
        }
    }

    @Nested
    class Streams {

        @Test
        void areRefusedOnTheMethodWithWhatToDoInstead() {
            String fixture = "processor/errors/StreamHandlers.java";
            Compilation compilation = compile(fixture);

            assertThat(compilation).failed();
            assertThat(compilation)
                    .hadErrorContaining(Message.STREAM_RETURN_TYPE.format("ticks", "Flux"))
                    .inFile(JavaFileObjects.forResource(fixture))
                    .onLine(11);
            assertThat(compilation)
                    .hadErrorContaining(Message.STREAM_RETURN_TYPE.format("feed", "Publisher"))
                    .inFile(JavaFileObjects.forResource(fixture))
                    .onLine(16);
            assertThat(compilation)
                    .hadErrorContaining(Message.STREAM_RETURN_TYPE.format("prices", "Flow"))
                    .inFile(JavaFileObjects.forResource(fixture))
                    .onLine(21);
            assertThat(compilation.errors()).hasSize(3);
        }
    }

    @Test
    void aJavaMethodThatTakesAContinuationIsNoSuspendFunction() {
        // No @kotlin.Metadata: the Continuation is its parameters object, which no JSON can be.
        Compilation compilation = compile(KT + "JavaContinuation.java");

        assertThat(compilation).failed();
        assertThat(compilation)
                .hadErrorContaining("The contract cannot describe the type kotlin.coroutines.Continuation")
                .inFile(JavaFileObjects.forResource(KT + "JavaContinuation.java"))
                .onLine(9);
    }
}
