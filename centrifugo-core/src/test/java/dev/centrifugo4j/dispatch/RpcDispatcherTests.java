package dev.centrifugo4j.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.centrifugo4j.proxy.ConcurrencyLimits;
import dev.centrifugo4j.rpc.DisconnectException;
import dev.centrifugo4j.rpc.RpcContext;
import dev.centrifugo4j.rpc.RpcException;
import dev.centrifugo4j.spi.CoroutineCall;
import dev.centrifugo4j.spi.MonoStages;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import dev.centrifugo4j.spi.TypeToken;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.lang.annotation.Annotation;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import kotlin.Result;
import kotlin.Unit;
import kotlin.coroutines.intrinsics.IntrinsicsKt;
import kotlinx.coroutines.DelayKt;
import kotlinx.coroutines.Job;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RpcDispatcherTests {

    private static final JsonMapper mapper = JsonMapper.builder().build();

    private static final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();

    record PingParams(@NotBlank @Size(max = 200) String message) {}

    record PingResult(String echo) {}

    record Item(@NotBlank String name, @Min(1) int quantity) {}

    record Order(@NotBlank String customer, @Valid List<Item> items) {}

    record Positive(int value) {
        Positive {
            if (value <= 0) {
                throw new IllegalArgumentException("value must be positive (an internal detail)");
            }
        }
    }

    /**
     * The types of the contract rules. {@code centrifugo-processor}'s contract tests compile the same
     * shapes (and a class with setters) and check that the contract and the server agree on each.
     */
    record Note(
            String text,
            @Nullable String tag,
            Optional<String> mood,
            int stars,
            @JsonInclude(JsonInclude.Include.NON_NULL) String hint) {}

    record Notes(List<Note> notes) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Lenient(String text) {}

    record Present(@JsonProperty(required = true) @Nullable String text) {}

    record Raw(JsonNode extra, Object anything) {}

    record Made(String text, int stars) {
        @JsonCreator
        static Made of(@JsonProperty("text") String text, @JsonProperty("stars") int stars) {
            return new Made(text + "!", stars);
        }
    }

    record Quantity(int value) {
        Quantity {
            if (value < 1) {
                throw new RpcException(1400, "quantity must be at least 1");
            }
        }
    }

    static final class Handlers {

        final AtomicReference<RpcContext> lastContext = new AtomicReference<>();

        CompletableFuture<PingResult> pending = new CompletableFuture<>();

        PingResult ping(RpcContext context, PingParams params) {
            this.lastContext.set(context);
            return new PingResult("Pong: " + params.message());
        }
    }

    private final Handlers handlers = new Handlers();

    private RpcDispatcher dispatcher(RpcMethodDefinition... definitions) {
        RpcDispatcher.Builder builder = RpcDispatcher.builder(
                DispatchSettings.builder(mapper).validator(validator).build());
        for (RpcMethodDefinition definition : definitions) {
            builder.register(definition, this.handlers);
        }
        return builder.build();
    }

    private static RpcMethodDefinition ping() {
        return new RpcMethodDefinition(
                "system.ping",
                Handlers.class,
                "ping",
                List.of(RpcContext.class, PingParams.class),
                PingParams.class,
                false,
                true,
                false,
                (handler, context, params) -> ((Handlers) handler).ping(context, (PingParams) params));
    }

    private static RpcMethodDefinition method(String name, Class<?> paramsType, boolean validated, Invocation body) {
        return new RpcMethodDefinition(
                name,
                Handlers.class,
                name,
                List.of(paramsType),
                paramsType,
                false,
                validated,
                false,
                (handler, context, params) -> body.call(params));
    }

    private static RpcMethodDefinition noParams(String name, boolean async, Invocation body) {
        return new RpcMethodDefinition(
                name,
                Handlers.class,
                name,
                List.of(),
                null,
                false,
                false,
                async,
                (handler, context, params) -> body.call(null));
    }

    @FunctionalInterface
    interface Invocation {
        Object call(Object params) throws Exception;
    }

    private static JsonNode call(RpcDispatcher dispatcher, String json) {
        return call(dispatcher, json, Map.of());
    }

    private static JsonNode call(RpcDispatcher dispatcher, String json, Map<String, List<String>> headers) {
        return mapper.readTree(complete(dispatch(dispatcher, json, headers)).reply());
    }

    private static ProxyOutcome dispatch(RpcDispatcher dispatcher, String json) {
        return dispatch(dispatcher, json, Map.of());
    }

    private static ProxyOutcome dispatch(RpcDispatcher dispatcher, String json, Map<String, List<String>> headers) {
        return dispatcher.dispatch(new ProxyInput(ProxyType.RPC, json.getBytes(StandardCharsets.UTF_8), headers, null));
    }

    private static ProxyOutcome.Complete complete(ProxyOutcome outcome) {
        return outcome.completion().toCompletableFuture().join();
    }

    private static RpcDispatcher.Builder limitedTo(ConcurrencyLimits limits) {
        return RpcDispatcher.builder(
                DispatchSettings.builder(mapper).concurrencyLimits(limits).build());
    }

    private static String rpc(String method, String data) {
        return "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\",\"encoding\":\"json\","
                + "\"user\":\"42\",\"method\":\"" + method + "\"" + ((data != null) ? ",\"data\":" + data : "") + "}";
    }

    @Nested
    class Success {

        @Test
        void answersWithTheHandlersResultAsData() {
            JsonNode reply = call(dispatcher(ping()), rpc("system.ping", "{\"message\":\"Hello\"}"));
            assertThat(reply.toString()).isEqualTo("{\"result\":{\"data\":{\"echo\":\"Pong: Hello\"}}}");
        }

        @Test
        void givesTheHandlerTheConnectionAndTheForwardedHeaders() {
            String call = rpc("system.ping", "{\"message\":\"Hello\"}");
            call(
                    dispatcher(ping()),
                    call.substring(0, call.length() - 1) + ",\"meta\":{\"tenant\":\"t1\"}}",
                    Map.of("Authorization", List.of("Bearer x")));
            RpcContext context = RpcDispatcherTests.this.handlers.lastContext.get();
            assertThat(context.client()).isEqualTo("c1");
            assertThat(context.user()).isEqualTo("42");
            assertThat(context.transport()).isEqualTo("websocket");
            assertThat(context.protocol()).isEqualTo("json");
            assertThat(context.encoding()).isEqualTo("json");
            assertThat(context.method()).isEqualTo("system.ping");
            assertThat(context.meta().get("tenant").asString()).isEqualTo("t1");
            assertThat(context.header("authorization")).isEqualTo("Bearer x");
        }

        @Test
        void answersAVoidHandlerWithAnEmptyResult() {
            JsonNode reply = call(dispatcher(noParams("fire", false, (p) -> null)), rpc("fire", null));
            assertThat(reply.toString()).isEqualTo("{\"result\":{}}");
        }

        @Test
        void answersWithTheValueOfAnAsynchronousHandlerOnceItCompletes() {
            CompletableFuture<Object> pending = new CompletableFuture<>();
            RpcDispatcher dispatcher = dispatcher(noParams("later", true, (p) -> pending));
            ProxyOutcome outcome = dispatch(dispatcher, rpc("later", null));
            assertThat(outcome).isInstanceOf(ProxyOutcome.Pending.class);
            assertThat(outcome.completion().toCompletableFuture()).isNotDone();
            assertThat(outcome.method()).isEqualTo("later");
            assertThat(outcome.client()).isEqualTo("c1");
            pending.complete(new PingResult("done"));
            assertThat(mapper.readTree(complete(outcome).reply()).toString())
                    .isEqualTo("{\"result\":{\"data\":{\"echo\":\"done\"}}}");
        }

        @Test
        void bindsGenericParameterTypes() {
            RpcMethodDefinition definition = new RpcMethodDefinition(
                    "sum",
                    Handlers.class,
                    "sum",
                    List.of(List.class),
                    new TypeToken<List<Integer>>() {}.type(),
                    false,
                    false,
                    false,
                    (handler, context, params) -> {
                        @SuppressWarnings("unchecked")
                        List<Integer> numbers = (List<Integer>) params;
                        return numbers.stream().mapToInt(Integer::intValue).sum();
                    });
            assertThat(call(dispatcher(definition), rpc("sum", "[1,2,3]")).toString())
                    .isEqualTo("{\"result\":{\"data\":6}}");
        }

        @Test
        void passesNullToANullableParameterWhenTheCallHasNoData() {
            RpcMethodDefinition definition = new RpcMethodDefinition(
                    "maybe",
                    Handlers.class,
                    "maybe",
                    List.of(PingParams.class),
                    PingParams.class,
                    true,
                    true,
                    false,
                    (handler, context, params) -> (params == null) ? "none" : "some");
            assertThat(call(dispatcher(definition), rpc("maybe", null)).toString())
                    .isEqualTo("{\"result\":{\"data\":\"none\"}}");
        }
    }

    @Nested
    class BinaryMode {

        @Test
        void readsB64dataAndAnswersWithB64data() {
            String data = Base64.getEncoder().encodeToString("{\"message\":\"Hi\"}".getBytes(StandardCharsets.UTF_8));
            String request = "{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"protobuf\","
                    + "\"encoding\":\"binary\",\"user\":\"\",\"method\":\"system.ping\",\"b64data\":\"" + data + "\"}";
            JsonNode reply = call(dispatcher(ping()), request);
            byte[] decoded =
                    Base64.getDecoder().decode(reply.at("/result/b64data").asString());
            assertThat(new String(decoded, StandardCharsets.UTF_8)).isEqualTo("{\"echo\":\"Pong: Hi\"}");
        }

        @Test
        void rejectsB64dataThatIsNotBase64() {
            String request =
                    "{\"client\":\"c1\",\"encoding\":\"binary\",\"method\":\"system.ping\",\"b64data\":\"%%%\"}";
            JsonNode reply = call(dispatcher(ping()), request);
            assertThat(reply.at("/error/code").asInt()).isEqualTo(400);
            assertThat(reply.at("/error/message").asString()).contains("base64");
        }

        @Test
        void rejectsB64dataThatIsNotJson() {
            String data = Base64.getEncoder().encodeToString(new byte[] {1, 2, 3});
            String request = "{\"client\":\"c1\",\"encoding\":\"binary\",\"method\":\"system.ping\",\"b64data\":\""
                    + data + "\"}";
            JsonNode reply = call(dispatcher(ping()), request);
            assertThat(reply.at("/error/code").asInt()).isEqualTo(400);
            assertThat(reply.at("/error/message").asString()).isEqualTo("invalid data: malformed JSON");
        }
    }

    @Nested
    class UnknownMethod {

        @Test
        void answersWith404MethodNotFound() {
            JsonNode reply = call(dispatcher(ping()), rpc("system.nope", "{}"));
            assertThat(reply.toString()).isEqualTo("{\"error\":{\"code\":404,\"message\":\"method not found\"}}");
        }

        @Test
        void answersACallWithoutMethodWith404() {
            JsonNode reply = call(dispatcher(ping()), rpc("", "{}"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(404);
        }
    }

    @Nested
    class UndecodableData {

        @Test
        void namesTheFieldWhoseTypeIsWrong() {
            JsonNode reply = call(dispatcher(ping()), rpc("system.ping", "{\"message\":{\"nested\":true}}"));
            assertThat(reply.toString())
                    .isEqualTo(
                            "{\"error\":{\"code\":400,\"message\":\"invalid data at 'message': expected a string\"}}");
        }

        @Test
        void namesNestedFieldsWithTheirPath() {
            RpcMethodDefinition order = method("order", Order.class, true, (p) -> "ok");
            JsonNode reply = call(
                    dispatcher(order),
                    rpc(
                            "order",
                            "{\"customer\":\"a\",\"items\":[{\"name\":\"x\",\"quantity\":1},{\"name\":\"y\",\"quantity\":\"many\"}]}"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(400);
            assertThat(reply.at("/error/message").asString())
                    .isEqualTo("invalid data at 'items[1].quantity': expected a number");
        }

        @Test
        void rejectsACallWithoutDataWhenTheMethodNeedsParameters() {
            JsonNode reply = call(dispatcher(ping()), rpc("system.ping", null));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(400);
            assertThat(reply.at("/error/message").asString())
                    .isEqualTo("invalid data: the request has no data, but the handler requires it");
        }

        @Test
        void rejectsDataOfTheWrongShape() {
            JsonNode reply = call(dispatcher(ping()), rpc("system.ping", "[1,2]"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(400);
            assertThat(reply.at("/error/message").asString()).isEqualTo("invalid data: expected an object");
        }

        @Test
        void keepsTheMessageOfAConstructorThatRejectsAValueOnTheServer() {
            JsonNode reply = call(
                    dispatcher(method("positive", Positive.class, false, (p) -> "ok")),
                    rpc("positive", "{\"value\":-1}"));
            assertThat(reply.toString())
                    .isEqualTo("{\"error\":{\"code\":400,\"message\":\"invalid data: invalid value\"}}");
        }

        @Test
        void passesOnTheRpcExceptionOfAConstructorThatRejectsAValueOnPurpose() {
            JsonNode reply = call(
                    dispatcher(method("quantity", Quantity.class, false, (p) -> "ok")),
                    rpc("quantity", "{\"value\":0}"));
            assertThat(reply.toString())
                    .isEqualTo("{\"error\":{\"code\":1400,\"message\":\"quantity must be at least 1\"}}");
        }

        @Test
        void answersAMalformedProxyRequestWith400AndWhy() {
            JsonNode reply = call(dispatcher(ping()), "not json");
            assertThat(reply.toString())
                    .isEqualTo("{\"error\":{\"code\":400,\"message\":\"malformed proxy request: request body is not"
                            + " valid JSON\"}}");
        }
    }

    /**
     * Bodies Centrifugo never sends, which a parser could read one way and a proxy or the handler
     * another: refused with 400 before any handler runs.
     */
    @Nested
    class AmbiguousBodies {

        private final AtomicInteger calls = new AtomicInteger();

        private RpcDispatcher counting() {
            return dispatcher(method("echo", Map.class, false, (p) -> {
                this.calls.incrementAndGet();
                return p;
            }));
        }

        private String refusal(byte[] body) {
            JsonNode reply =
                    mapper.readTree(complete(counting().dispatch(new ProxyInput(ProxyType.RPC, body, Map.of(), null)))
                            .reply());
            assertThat(reply.at("/error/code").asInt()).as("%s", reply).isEqualTo(400);
            return reply.at("/error/message").asString();
        }

        private String refusal(String body) {
            return refusal(body.getBytes(StandardCharsets.UTF_8));
        }

        @AfterEach
        void noHandlerRan() {
            assertThat(this.calls).hasValue(0);
        }

        @Test
        void bothDataAndB64data() {
            String b64 = Base64.getEncoder().encodeToString("{\"a\":1}".getBytes(StandardCharsets.UTF_8));
            assertThat(refusal("{\"method\":\"echo\",\"data\":{\"a\":1},\"b64data\":\"" + b64 + "\"}"))
                    .isEqualTo("malformed proxy request: request body has both 'data' and 'b64data'");
            assertThat(refusal("{\"method\":\"echo\",\"b64data\":\"" + b64 + "\",\"encoding\":\"binary\","
                            + "\"data\":{\"a\":1}}"))
                    .isEqualTo("malformed proxy request: request body has both 'data' and 'b64data'");
        }

        @Test
        void somethingAfterTheObject() {
            for (String trailing : List.of("{}", "x", "[1]", "\"s\"", "1", "null", "}")) {
                assertThat(refusal("{\"method\":\"echo\",\"data\":{\"a\":1}} " + trailing))
                        .as(trailing)
                        .isEqualTo("malformed proxy request: request body has more after its JSON object");
            }
        }

        @Test
        void whitespaceAfterTheObjectIsFine() {
            JsonNode reply = call(counting(), "{\"method\":\"echo\",\"data\":{\"a\":1}} \r\n\t ");
            assertThat(reply.toString()).isEqualTo("{\"result\":{\"data\":{\"a\":1}}}");
            this.calls.set(0);
        }

        @Test
        void aPropertyTwiceInTheEnvelopeInTheDataOrInTheMeta() {
            for (String body : List.of(
                    "{\"method\":\"echo\",\"method\":\"admin.ban\",\"data\":{}}",
                    "{\"method\":\"echo\",\"user\":\"alice\",\"user\":\"admin\",\"data\":{}}",
                    "{\"method\":\"echo\",\"data\":{\"a\":1},\"data\":{\"a\":2}}",
                    "{\"method\":\"echo\",\"data\":{\"role\":\"user\",\"role\":\"admin\"}}",
                    "{\"method\":\"echo\",\"data\":{\"deep\":[{\"x\":1,\"x\":1}]}}",
                    "{\"method\":\"echo\",\"meta\":{\"t\":1,\"t\":2},\"data\":{}}",
                    "{\"method\":\"echo\",\"data\":{},\"b64data\":\"\",\"b64data\":\"\"}",
                    "{\"method\":\"echo\",\"labels\":{\"a\":\"1\"},\"labels\":{\"a\":\"2\"},\"data\":{}}",
                    "{\"method\":\"echo\",\"future\":{\"k\":1,\"k\":2},\"data\":{}}")) {
                assertThat(refusal(body))
                        .as(body)
                        .isEqualTo("malformed proxy request: request body has a property more than once");
            }
        }

        @Test
        void overlongOrOtherwiseInvalidUtf8() {
            byte[][] invalid = {
                {(byte) 0xC0, (byte) 0xAF}, // '/' as two bytes
                {(byte) 0xE0, (byte) 0x80, (byte) 0xAF}, // '/' as three bytes
                {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0xAF}, // '/' as four bytes
                {(byte) 0xC1, (byte) 0xBF},
                {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // a surrogate
                {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
                {(byte) 0x80}, // a continuation byte alone
                {(byte) 0xC3}, // cut short
                {(byte) 0xFF}
            };
            for (byte[] bytes : invalid) {
                for (String at : List.of("value", "key")) {
                    String prefix = at.equals("value")
                            ? "{\"method\":\"echo\",\"data\":{\"path\":\"..%"
                            : "{\"method\":\"echo\",\"data\":{\"%";
                    String suffix = at.equals("value") ? "etc\"}}" : "\":1}}";
                    byte[] head = prefix.replace("%", "").getBytes(StandardCharsets.UTF_8);
                    byte[] tail = suffix.getBytes(StandardCharsets.UTF_8);
                    byte[] body = new byte[head.length + bytes.length + tail.length];
                    System.arraycopy(head, 0, body, 0, head.length);
                    System.arraycopy(bytes, 0, body, head.length, bytes.length);
                    System.arraycopy(tail, 0, body, head.length + bytes.length, tail.length);
                    assertThat(refusal(body))
                            .as("%s in a %s", java.util.HexFormat.of().formatHex(bytes), at)
                            .isEqualTo("malformed proxy request: request body is not valid UTF-8");
                }
            }
        }

        @Test
        void inBinaryModeTheDecodedDataIsCheckedTheSameWay() {
            RpcDispatcher dispatcher = counting();
            for (Map.Entry<byte[], String> bad : Map.of(
                            "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
                            "invalid data: a property more than once",
                            "{\"a\":1} {\"a\":2}".getBytes(StandardCharsets.UTF_8),
                            "invalid data: more after the JSON value",
                            new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'},
                            "invalid data: b64data is not valid UTF-8")
                    .entrySet()) {
                String request = "{\"client\":\"c1\",\"encoding\":\"binary\",\"method\":\"echo\",\"b64data\":\""
                        + Base64.getEncoder().encodeToString(bad.getKey()) + "\"}";
                JsonNode reply = call(dispatcher, request);
                assertThat(reply.toString())
                        .isEqualTo("{\"error\":{\"code\":400,\"message\":\"" + bad.getValue() + "\"}}");
            }
        }
    }

    /** What the contract says of a payload type, the server enforces before the handler runs. */
    /** What the generated invokers of Mono and Kotlin suspend handlers return: a stage made by the SPI. */
    @Nested
    class MonoAndSuspendHandlers {

        @Test
        void answerWithTheMonosValue() {
            RpcDispatcher dispatcher = dispatcher(noParams(
                    "mono",
                    true,
                    (p) -> MonoStages.toStage(
                            Mono.delay(Duration.ofMillis(10)).map(tick -> new PingResult("from a Mono")))));
            assertThat(call(dispatcher, rpc("mono", null)).toString())
                    .isEqualTo("{\"result\":{\"data\":{\"echo\":\"from a Mono\"}}}");
        }

        @Test
        void answerAnEmptyMonoWithAnEmptyResult() {
            RpcDispatcher dispatcher = dispatcher(noParams("empty", true, (p) -> MonoStages.toStage(Mono.empty())));
            assertThat(call(dispatcher, rpc("empty", null)).toString()).isEqualTo("{\"result\":{}}");
        }

        @Test
        void answerTheErrorOfAMonoLikeAThrownOne() {
            RpcDispatcher dispatcher = dispatcher(noParams(
                    "refused", true, (p) -> MonoStages.toStage(Mono.error(new RpcException(1403, "not yours")))));
            assertThat(call(dispatcher, rpc("refused", null)).toString())
                    .isEqualTo("{\"error\":{\"code\":1403,\"message\":\"not yours\"}}");
        }

        @Test
        void answerWithTheResultOfACoroutineOnceItResumes() {
            CoroutineCall[] calls = new CoroutineCall[1];
            RpcDispatcher dispatcher = dispatcher(noParams("suspended", true, (p) -> {
                calls[0] = new CoroutineCall();
                return calls[0].started(IntrinsicsKt.getCOROUTINE_SUSPENDED());
            }));
            ProxyOutcome outcome = dispatch(dispatcher, rpc("suspended", null));
            assertThat(outcome).isInstanceOf(ProxyOutcome.Pending.class);
            calls[0].resumeWith(new PingResult("resumed"));
            assertThat(mapper.readTree(complete(outcome).reply()).toString())
                    .isEqualTo("{\"result\":{\"data\":{\"echo\":\"resumed\"}}}");
        }

        @Test
        void cancelTheCoroutineWhenTheCallIsGivenUp() {
            CoroutineCall[] calls = new CoroutineCall[1];
            RpcDispatcher dispatcher = dispatcher(noParams("sleepy", true, (p) -> {
                calls[0] = new CoroutineCall();
                // A coroutine suspended in kotlinx.coroutines' delay, as `delay(5.minutes)` compiles.
                return calls[0].started(DelayKt.delay(Duration.ofMinutes(5).toMillis(), calls[0]));
            }));
            ProxyOutcome outcome = dispatch(dispatcher, rpc("sleepy", null));
            assertThat(outcome).isInstanceOf(ProxyOutcome.Pending.class);

            ((ProxyOutcome.Pending) outcome).cancel();

            assertThat(calls[0]).isCancelled();
            assertThat(((Job) calls[0].getContext()).isCancelled()).isTrue();
        }

        @Test
        void answerACoroutineThatFailsWithItsRpcExceptionAndUnitWithAnEmptyResult() {
            RpcDispatcher dispatcher = dispatcher(
                    noParams("fails", true, (p) -> {
                        CoroutineCall call = new CoroutineCall();
                        call.started(IntrinsicsKt.getCOROUTINE_SUSPENDED());
                        call.resumeWith(new Result.Failure(new RpcException(1409, "taken")));
                        return call;
                    }),
                    noParams("unit", true, (p) -> new CoroutineCall().started(Unit.INSTANCE)));
            assertThat(call(dispatcher, rpc("fails", null)).toString())
                    .isEqualTo("{\"error\":{\"code\":1409,\"message\":\"taken\"}}");
            assertThat(call(dispatcher, rpc("unit", null)).toString()).isEqualTo("{\"result\":{}}");
        }
    }

    @Nested
    class ContractRules {

        private final AtomicReference<Object> received = new AtomicReference<>();

        private RpcDispatcher receiving(Class<?> type) {
            return dispatcher(method("take", type, false, (p) -> {
                this.received.set(p);
                return "ok";
            }));
        }

        private String answer(Class<?> type, String data) {
            JsonNode reply = call(receiving(type), rpc("take", data));
            return reply.has("result")
                    ? "ok"
                    : reply.at("/error/code").asInt() + " "
                            + reply.at("/error/message").asString();
        }

        @Test
        void anUnknownPropertyIsRefusedWithItsPath() {
            assertThat(answer(Note.class, "{\"text\":\"t\",\"stars\":1,\"admin\":true}"))
                    .isEqualTo("400 invalid data at 'admin': unknown property");
            assertThat(answer(
                            Notes.class,
                            "{\"notes\":[{\"text\":\"t\",\"stars\":1},{\"text\":\"t\",\"stars\":1,\"x\":0}]}"))
                    .isEqualTo("400 invalid data at 'notes[1].x': unknown property");
            assertThat(this.received).hasValue(null);
        }

        @Test
        void anUnknownPropertyIsAcceptedByATypeThatIgnoresUnknownOnes() {
            assertThat(answer(Lenient.class, "{\"text\":\"t\",\"extra\":1}")).isEqualTo("ok");
            assertThat(this.received.get()).isEqualTo(new Lenient("t"));
        }

        @Test
        void aRequiredPropertyThatIsMissingOrNullIsRefusedWithItsPath() {
            assertThat(answer(Note.class, "{\"stars\":1}"))
                    .isEqualTo("400 invalid data at 'text': required property missing");
            assertThat(answer(Note.class, "{\"text\":null,\"stars\":1}"))
                    .isEqualTo("400 invalid data at 'text': must not be null");
            assertThat(answer(Note.class, "{\"text\":\"t\"}"))
                    .as("a primitive")
                    .isEqualTo("400 invalid data at 'stars': required property missing");
            assertThat(answer(Notes.class, "{\"notes\":[{\"text\":\"t\",\"stars\":1},{\"stars\":2}]}"))
                    .isEqualTo("400 invalid data at 'notes[1].text': required property missing");
            assertThat(answer(Notes.class, "{}")).isEqualTo("400 invalid data at 'notes': required property missing");
            assertThat(this.received).hasValue(null);
        }

        @Test
        void nullableOptionalAndSometimesOmittedPropertiesMayBeMissing() {
            assertThat(answer(Note.class, "{\"text\":\"t\",\"stars\":2}")).isEqualTo("ok");
            assertThat(this.received.get()).isEqualTo(new Note("t", null, Optional.empty(), 2, null));
            assertThat(answer(Note.class, "{\"text\":\"t\",\"tag\":null,\"mood\":null,\"stars\":2,\"hint\":\"h\"}"))
                    .isEqualTo("ok");
            assertThat(this.received.get()).isEqualTo(new Note("t", null, Optional.empty(), 2, "h"));
        }

        @Test
        void anExplicitlyRequiredNullablePropertyMustBePresentButMayBeNull() {
            assertThat(answer(Present.class, "{}")).isEqualTo("400 invalid data at 'text': required property missing");
            assertThat(answer(Present.class, "{\"text\":null}")).isEqualTo("ok");
        }

        @Test
        void anyJsonMustBePresentButMayBeNull() {
            assertThat(answer(Raw.class, "{\"extra\":null,\"anything\":null}")).isEqualTo("ok");
            assertThat(answer(Raw.class, "{\"extra\":{\"a\":[1]},\"anything\":\"x\"}"))
                    .isEqualTo("ok");
            assertThat(answer(Raw.class, "{\"anything\":1}"))
                    .isEqualTo("400 invalid data at 'extra': required property missing");
        }

        @Test
        void aRecordMadeByAFactoryMethodIsHeldToItsComponents() {
            assertThat(answer(Made.class, "{\"text\":\"t\",\"stars\":1}")).isEqualTo("ok");
            assertThat(this.received.get()).isEqualTo(new Made("t!", 1));
            assertThat(answer(Made.class, "{\"stars\":1}"))
                    .isEqualTo("400 invalid data at 'text': required property missing");
        }

        @Test
        void theApplicationsOwnLeniencyDoesNotApply() {
            JsonMapper lenient = JsonMapper.builder()
                    .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .disable(tools.jackson.databind.DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .build();
            RpcDispatcher dispatcher = RpcDispatcher.builder(
                            DispatchSettings.builder(lenient).build())
                    .register(method("take", Note.class, false, (p) -> "ok"), new Object())
                    .build();
            assertThat(call(dispatcher, rpc("take", "{\"text\":\"t\",\"stars\":1,\"admin\":true}"))
                            .at("/error/message")
                            .asString())
                    .isEqualTo("invalid data at 'admin': unknown property");
            assertThat(call(dispatcher, rpc("take", "{\"text\":\"t\"}"))
                            .at("/error/message")
                            .asString())
                    .isEqualTo("invalid data at 'stars': required property missing");
        }
    }

    @Nested
    class ConstraintViolations {

        @Test
        void answerWith422AndEveryViolationAsJson() {
            JsonNode reply = call(dispatcher(ping()), rpc("system.ping", "{\"message\":\"  \"}"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(422);
            JsonNode body = mapper.readTree(reply.at("/error/message").asString());
            assertThat(body.toString())
                    .isEqualTo("{\"message\":\"validation failed\",\"violations\":[{\"field\":\"message\","
                            + "\"constraint\":\"NotBlank\",\"message\":\"must not be blank\"}]}");
        }

        @Test
        void reachIntoNestedRecordsSortedByPath() {
            RpcMethodDefinition order = method("order", Order.class, true, (p) -> "ok");
            JsonNode reply = call(
                    dispatcher(order),
                    rpc(
                            "order",
                            "{\"customer\":\"\",\"items\":[{\"name\":\"x\",\"quantity\":1},{\"name\":\"\",\"quantity\":0}]}"));
            JsonNode body = mapper.readTree(reply.at("/error/message").asString());
            assertThat(body.get("violations").findValuesAsString("field"))
                    .containsExactly("customer", "items[1].name", "items[1].quantity");
        }

        @Test
        void areNotCheckedWhenTheMethodDoesNotAskForValidation() {
            RpcMethodDefinition unchecked = method("unchecked", PingParams.class, false, (p) -> "ran");
            JsonNode reply = call(dispatcher(unchecked), rpc("unchecked", "{\"message\":\"\"}"));
            assertThat(reply.toString()).isEqualTo("{\"result\":{\"data\":\"ran\"}}");
        }

        @Test
        void escapeNonAsciiCharacters() {
            RpcMethodDefinition order = method("order", Order.class, true, (p) -> "ok");
            JsonNode reply = call(dispatcher(order), rpc("order", "{\"customer\":\"\",\"items\":[]}"));
            String message = reply.at("/error/message").asString();
            assertThat(message.chars().allMatch((c) -> c < 128)).isTrue();
        }

        @Test
        void nameNoConstraintOfTheApplicationAndNoMessageKeyThatWasNotInterpolated() {
            RpcMethodDefinition stock = method("stock", Stock.class, true, (p) -> "ok");
            JsonNode reply = call(dispatcher(stock), rpc("stock", "{\"sku\":\"x\",\"code\":\"y\",\"name\":\"\"}"));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(422);
            JsonNode body = mapper.readTree(reply.at("/error/message").asString());
            assertThat(body.toString())
                    .isEqualTo("{\"message\":\"validation failed\",\"violations\":["
                            + "{\"field\":\"code\",\"constraint\":\"\",\"message\":\"must be a stock code\"},"
                            + "{\"field\":\"name\",\"constraint\":\"NotBlank\",\"message\":\"must not be blank\"},"
                            + "{\"field\":\"sku\",\"constraint\":\"\",\"message\":\"is invalid\"}]}");
            assertThat(reply.toString())
                    .doesNotContain("Sku")
                    .doesNotContain("StockCode")
                    .doesNotContain("dev.centrifugo4j");
        }
    }

    /** An application's constraint whose message key is in no bundle. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = SkuValidator.class)
    @interface Sku {
        String message() default "{dev.centrifugo4j.dispatch.Sku.message}";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** An application's constraint with a message of its own. */
    @Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD, ElementType.RECORD_COMPONENT})
    @Retention(RetentionPolicy.RUNTIME)
    @Constraint(validatedBy = StockCodeValidator.class)
    @interface StockCode {
        String message() default "must be a stock code";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};
    }

    /** Upper case only. */
    abstract static class UpperCase<A extends Annotation> implements ConstraintValidator<A, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || value.equals(value.toUpperCase(java.util.Locale.ROOT));
        }
    }

    public static final class SkuValidator extends UpperCase<Sku> {}

    public static final class StockCodeValidator extends UpperCase<StockCode> {}

    record Stock(
            @Sku String sku,
            @StockCode String code,
            @NotBlank String name) {}

    @Nested
    class HandlerExceptions {

        @Test
        void rpcExceptionKeepsItsCodeMessageAndTemporaryFlag() {
            JsonNode reply = call(
                    dispatcher(noParams("busy", false, (p) -> {
                        throw new RpcException(1001, "try later", true);
                    })),
                    rpc("busy", null));
            assertThat(reply.toString())
                    .isEqualTo("{\"error\":{\"code\":1001,\"message\":\"try later\",\"temporary\":true}}");
        }

        @Test
        void disconnectExceptionBecomesADisconnect() {
            JsonNode reply = call(
                    dispatcher(noParams("ban", false, (p) -> {
                        throw new DisconnectException(4501, "banned");
                    })),
                    rpc("ban", null));
            assertThat(reply.toString()).isEqualTo("{\"disconnect\":{\"code\":4501,\"reason\":\"banned\"}}");
        }

        @Test
        void anyOtherExceptionIsAnInternalErrorWithAReferenceButNoDetails() {
            JsonNode reply = call(
                    dispatcher(noParams("boom", false, (p) -> {
                        throw new IllegalStateException("secret database password is hunter2");
                    })),
                    rpc("boom", null));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(500);
            assertThat(reply.at("/error/message").asString()).matches("internal error \\(ref: [0-9a-f]{8}\\)");
            assertThat(reply.toString()).doesNotContain("hunter2").doesNotContain("IllegalState");
        }

        @Test
        void exceptionsOfAsynchronousHandlersAreMappedTheSameWay() {
            JsonNode reply = call(
                    dispatcher(noParams(
                            "async.fail", true, (p) -> CompletableFuture.failedFuture(new RpcException(1404, "gone")))),
                    rpc("async.fail", null));
            assertThat(reply.toString()).isEqualTo("{\"error\":{\"code\":1404,\"message\":\"gone\"}}");
            JsonNode disconnect = call(
                    dispatcher(noParams(
                            "async.ban",
                            true,
                            (p) -> CompletableFuture.supplyAsync(() -> {
                                throw new DisconnectException(4000, "reconnect");
                            }))),
                    rpc("async.ban", null));
            assertThat(disconnect.toString()).isEqualTo("{\"disconnect\":{\"code\":4000,\"reason\":\"reconnect\"}}");
        }

        @Test
        void anAsynchronousHandlerReturningNullIsAnInternalError() {
            JsonNode reply = call(dispatcher(noParams("async.null", true, (p) -> null)), rpc("async.null", null));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(500);
        }

        @Test
        void aResultThatCannotBeSerializedIsAnInternalError() {
            Object unserializable = new Object() {
                @SuppressWarnings("unused")
                public String getValue() {
                    throw new IllegalStateException("no");
                }
            };
            JsonNode reply = call(dispatcher(noParams("weird", false, (p) -> unserializable)), rpc("weird", null));
            assertThat(reply.at("/error/code").asInt()).isEqualTo(500);
            assertThat(reply.at("/error/message").asString()).startsWith("internal error (ref: ");
        }
    }

    @Nested
    class Registration {

        @Test
        void refusesTwoMethodsWithTheSameName() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> dispatcher(ping(), ping()))
                    .withMessageContaining("Duplicate RPC method 'system.ping'");
        }

        @Test
        void refusesAValidatedMethodWithoutValidator() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> RpcDispatcher.builder(
                                    DispatchSettings.builder(mapper).build())
                            .register(ping(), new Handlers()))
                    .withMessageContaining("no Jakarta Validator is available");
        }

        @Test
        void listsTheRegisteredMethods() {
            RpcDispatcher dispatcher = dispatcher(ping(), noParams("a", false, (p) -> null));
            assertThat(dispatcher.methodNames()).containsExactly("a", "system.ping");
            assertThat(dispatcher.method("system.ping")).isNotNull();
            assertThat(dispatcher.method("b")).isNull();
        }
    }

    @Nested
    class Outcome {

        @Test
        void namesTheMethodThatServedTheCallAndWhoMadeIt() {
            ProxyOutcome outcome = dispatch(dispatcher(ping()), rpc("system.ping", "{\"message\":\"Hi\"}"));
            assertThat(outcome).isInstanceOfSatisfying(ProxyOutcome.Complete.class, (complete) -> {
                assertThat(complete.method()).isEqualTo("system.ping");
                assertThat(complete.pattern()).isEqualTo(ProxyOutcome.NONE);
                assertThat(complete.status()).isEqualTo(ProxyOutcome.Status.SUCCESS);
                assertThat(complete.failed()).isFalse();
                assertThat(complete.code()).isZero();
                assertThat(complete.message()).isEmpty();
                assertThat(complete.client()).isEqualTo("c1");
                assertThat(complete.user()).isEqualTo("42");
                assertThat(complete.failure()).isNull();
            });
        }

        @Test
        void namesNoMethodForOneThatNoHandlerServes() {
            ProxyOutcome.Complete outcome = complete(dispatch(dispatcher(ping()), rpc("nope", null)));
            assertThat(outcome.method()).isEqualTo(ProxyOutcome.NONE);
            assertThat(outcome.status()).isEqualTo(ProxyOutcome.Status.ERROR);
            assertThat(outcome.failed()).isTrue();
            assertThat(outcome.code()).isEqualTo(404);
            assertThat(outcome.message()).isEqualTo("method not found");
        }

        @Test
        void carriesAnApplicationErrorWithoutAFailure() {
            RpcDispatcher dispatcher = dispatcher(noParams("taken", false, (p) -> {
                throw new RpcException(409, "already taken");
            }));
            ProxyOutcome.Complete outcome = complete(dispatch(dispatcher, rpc("taken", null)));
            assertThat(outcome.method()).isEqualTo("taken");
            assertThat(outcome.code()).isEqualTo(409);
            assertThat(outcome.message()).isEqualTo("already taken");
            assertThat(outcome.failure()).isNull();
        }

        @Test
        void carriesADisconnect() {
            RpcDispatcher dispatcher = dispatcher(noParams("banned", false, (p) -> {
                throw new DisconnectException(4501, "banned");
            }));
            ProxyOutcome.Complete outcome = complete(dispatch(dispatcher, rpc("banned", null)));
            assertThat(outcome.status()).isEqualTo(ProxyOutcome.Status.DISCONNECT);
            assertThat(outcome.code()).isEqualTo(4501);
            assertThat(outcome.message()).isEqualTo("banned");
        }

        @Test
        void carriesTheUnexpectedExceptionBehindAnInternalErrorAlsoOfAnAsynchronousHandler() {
            IllegalStateException boom = new IllegalStateException("boom");
            RpcDispatcher dispatcher = dispatcher(
                    noParams("fails", false, (p) -> {
                        throw boom;
                    }),
                    noParams("failsLater", true, (p) -> CompletableFuture.failedFuture(boom)));
            for (String method : List.of("fails", "failsLater")) {
                ProxyOutcome.Complete outcome = complete(dispatch(dispatcher, rpc(method, null)));
                assertThat(outcome.method()).isEqualTo(method);
                assertThat(outcome.code()).isEqualTo(500);
                assertThat(outcome.message()).startsWith("internal error (ref: ");
                assertThat(outcome.failure()).isSameAs(boom);
            }
        }

        @Test
        void answersAValidatorThatBreaksWithAnInternalErrorAndKeepsNoPermit() {
            Validator broken = (Validator) java.lang.reflect.Proxy.newProxyInstance(
                    Validator.class.getClassLoader(), new Class<?>[] {Validator.class}, (proxy, method, arguments) -> {
                        throw new jakarta.validation.ValidationException("broken");
                    });
            RpcDispatcher dispatcher = RpcDispatcher.builder(DispatchSettings.builder(mapper)
                            .validator(broken)
                            .concurrencyLimits(ConcurrencyLimits.each(1))
                            .build())
                    .register(ping(), handlers)
                    .build();
            for (int i = 0; i < 2; i++) {
                ProxyOutcome.Complete outcome =
                        complete(dispatch(dispatcher, rpc("system.ping", "{\"message\":\"Hi\"}")));
                assertThat(outcome.code()).isEqualTo(500);
                assertThat(outcome.failure()).isInstanceOf(jakarta.validation.ValidationException.class);
            }
            assertThat(dispatcher.bulkheads().get(0).active()).isZero();
        }

        @Test
        void isCompleteAtOnceForAnAsynchronousHandlerWhoseStageIsCompleteAlready() {
            RpcDispatcher dispatcher =
                    dispatcher(noParams("cached", true, (p) -> CompletableFuture.completedFuture("cached")));
            assertThat(dispatch(dispatcher, rpc("cached", null)))
                    .isInstanceOfSatisfying(
                            ProxyOutcome.Complete.class,
                            (complete) -> assertThat(new String(complete.reply(), StandardCharsets.UTF_8))
                                    .isEqualTo("{\"result\":{\"data\":\"cached\"}}"));
        }

        @Test
        void knowsNobodyForAMalformedRequest() {
            ProxyOutcome.Complete outcome = complete(dispatch(dispatcher(ping()), "not json"));
            assertThat(outcome.code()).isEqualTo(400);
            assertThat(outcome.client()).isEmpty();
            assertThat(outcome.method()).isEqualTo(ProxyOutcome.NONE);
        }

        @Test
        void refusesTheRequestOfAnotherProxy() {
            assertThat(dispatcher(ping()).proxies()).containsExactly(ProxyType.RPC);
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> dispatcher(ping()).dispatch(ProxyInput.of(ProxyType.SUBSCRIBE, new byte[0])));
        }
    }

    @Nested
    class ConcurrencyLimit {

        private final java.util.concurrent.CompletableFuture<String> pending =
                new java.util.concurrent.CompletableFuture<>();

        private RpcDispatcher limited() {
            return limitedTo(ConcurrencyLimits.each(1))
                    .register(noParams("slow", true, (p) -> this.pending), handlers)
                    .register(noParams("quick", false, (p) -> "quick"), handlers)
                    .build();
        }

        @Test
        void refusesACallOverTheLimitWithTemporaryError429UntilTheRunningOneCompletes() {
            RpcDispatcher dispatcher = limited();
            ProxyOutcome first = dispatch(dispatcher, rpc("slow", "{}"));

            assertThat(call(dispatcher, rpc("slow", "{}")).toString())
                    .isEqualTo(
                            "{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\",\"temporary\":true}}");

            this.pending.complete("done");
            assertThat(mapper.readTree(complete(first).reply()).toString())
                    .isEqualTo("{\"result\":{\"data\":\"done\"}}");
            assertThat(call(dispatcher, rpc("slow", "{}")).toString()).isEqualTo("{\"result\":{\"data\":\"done\"}}");
        }

        @Test
        void countsEachMethodSeparatelyAndReleasesSynchronousCalls() {
            RpcDispatcher dispatcher = limited();
            dispatch(dispatcher, rpc("slow", "{}"));

            for (int i = 0; i < 3; i++) {
                assertThat(call(dispatcher, rpc("quick", "{}")).toString())
                        .isEqualTo("{\"result\":{\"data\":\"quick\"}}");
            }
        }

        @Test
        void aSynchronousHandlerThatHangsHoldsOnlyItsOwnPermitsAndTheOthersKeepAnswering() throws Exception {
            java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
            RpcDispatcher dispatcher = limitedTo((proxy, method, async) -> "hangs".equals(method) ? 2 : 0)
                    .register(
                            noParams("hangs", false, (p) -> {
                                release.await();
                                return "released";
                            }),
                            handlers)
                    .register(noParams("quick", false, (p) -> "quick"), handlers)
                    .build();
            assertThat(dispatcher.bulkheads()).singleElement().satisfies((bulkhead) -> {
                assertThat(bulkhead.proxy()).isEqualTo("rpc");
                assertThat(bulkhead.handler()).isEqualTo("hangs");
                assertThat(bulkhead.limit()).isEqualTo(2);
            });
            Bulkhead bulkhead = dispatcher.bulkheads().get(0);
            java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<JsonNode>> stuck = List.of(
                        threads.submit(() -> call(dispatcher, rpc("hangs", "{}"))),
                        threads.submit(() -> call(dispatcher, rpc("hangs", "{}"))));
                long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
                while (bulkhead.active() < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertThat(bulkhead.active()).isEqualTo(2);

                for (int i = 0; i < 3; i++) {
                    assertThat(call(dispatcher, rpc("hangs", "{}")).toString())
                            .isEqualTo("{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\","
                                    + "\"temporary\":true}}");
                    assertThat(call(dispatcher, rpc("quick", "{}")).toString())
                            .isEqualTo("{\"result\":{\"data\":\"quick\"}}");
                }
                assertThat(bulkhead.rejected()).isEqualTo(3);

                release.countDown();
                for (java.util.concurrent.Future<JsonNode> call : stuck) {
                    assertThat(call.get(10, java.util.concurrent.TimeUnit.SECONDS)
                                    .toString())
                            .isEqualTo("{\"result\":{\"data\":\"released\"}}");
                }
                assertThat(bulkhead.active()).isZero();
                assertThat(call(dispatcher, rpc("hangs", "{}")).toString())
                        .isEqualTo("{\"result\":{\"data\":\"released\"}}");
            } finally {
                release.countDown();
                threads.shutdownNow();
            }
        }

        @Test
        void givesThePermitBackWhenTheHandlerThrowsOrAnAsynchronousOneReturnsNull() {
            RpcDispatcher dispatcher = limitedTo(ConcurrencyLimits.each(1))
                    .register(
                            noParams("fails", false, (p) -> {
                                throw new IllegalStateException("boom");
                            }),
                            handlers)
                    .register(noParams("nothing", true, (p) -> null), handlers)
                    .register(
                            noParams(
                                    "failsLater",
                                    true,
                                    (p) -> CompletableFuture.failedFuture(new IllegalStateException())),
                            handlers)
                    .build();
            for (int i = 0; i < 3; i++) {
                assertThat(call(dispatcher, rpc("fails", "{}"))
                                .path("error")
                                .path("code")
                                .asInt())
                        .isEqualTo(500);
                assertThat(call(dispatcher, rpc("nothing", "{}"))
                                .path("error")
                                .path("code")
                                .asInt())
                        .isEqualTo(500);
                assertThat(call(dispatcher, rpc("failsLater", "{}"))
                                .path("error")
                                .path("code")
                                .asInt())
                        .isEqualTo(500);
            }
            assertThat(dispatcher.bulkheads()).allSatisfy((bulkhead) -> {
                assertThat(bulkhead.active()).isZero();
                assertThat(bulkhead.rejected()).isZero();
            });
        }

        @Test
        void asksTheLimitsOncePerMethodWithItsNameAndWhetherItIsAsynchronous() {
            List<String> asked = new java.util.ArrayList<>();
            RpcDispatcher dispatcher = limitedTo((proxy, method, async) -> {
                        asked.add(proxy + " " + method + " " + async);
                        return 0;
                    })
                    .register(noParams("slow", true, (p) -> this.pending), handlers)
                    .register(noParams("quick", false, (p) -> "quick"), handlers)
                    .build();
            call(dispatcher, rpc("quick", "{}"));
            assertThat(asked).containsExactlyInAnyOrder("rpc slow true", "rpc quick false");
            assertThat(dispatcher.bulkheads()).isEmpty();
        }

        @Test
        void refusesANegativeLimit() {
            assertThatIllegalStateException()
                    .isThrownBy(() -> limitedTo((proxy, method, async) -> -1)
                            .register(noParams("quick", false, (p) -> "quick"), handlers)
                            .build())
                    .withMessage("The concurrency limit of RPC method 'quick' must not be negative, but was -1");
        }
    }

    /** One limit for all handlers together, on top of each handler's own. */
    @Nested
    class TotalLimit {

        private final List<CompletableFuture<String>> running = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** Two slow methods and a quick one of one dispatcher, under a total of two calls. */
        private RpcDispatcher dispatcher(DispatchSettings settings) {
            return RpcDispatcher.builder(settings)
                    .register(noParams("slowA", true, (p) -> started()), handlers)
                    .register(noParams("slowB", true, (p) -> started()), handlers)
                    .register(noParams("quick", false, (p) -> "quick"), handlers)
                    .build();
        }

        private CompletableFuture<String> started() {
            CompletableFuture<String> call = new CompletableFuture<>();
            this.running.add(call);
            return call;
        }

        private DispatchSettings settings(int perHandler, int total) {
            return DispatchSettings.builder(mapper)
                    .concurrencyLimits(new ConcurrencyLimits() {
                        @Override
                        public int maxConcurrentCalls(String proxy, String handler, boolean async) {
                            return perHandler;
                        }

                        @Override
                        public int maxTotalCalls() {
                            return total;
                        }
                    })
                    .build();
        }

        @Test
        void refusesTheCallOverTheTotalWithTheBulkheadsTemporaryError429() {
            DispatchSettings settings = settings(5, 2);
            RpcDispatcher dispatcher = dispatcher(settings);
            Bulkhead total = settings.totalBulkhead();
            assertThat(total).isNotNull();
            assertThat(total.limit()).isEqualTo(2);
            assertThat(total.proxy()).isEqualTo(Bulkhead.ALL);

            ProxyOutcome first = dispatch(dispatcher, rpc("slowA", "{}"));
            ProxyOutcome second = dispatch(dispatcher, rpc("slowB", "{}"));
            assertThat(first).isInstanceOf(ProxyOutcome.Pending.class);
            assertThat(second).isInstanceOf(ProxyOutcome.Pending.class);

            for (String method : List.of("slowA", "slowB", "quick")) {
                assertThat(call(dispatcher, rpc(method, "{}")).toString())
                        .isEqualTo("{\"error\":{\"code\":429,\"message\":\"too many concurrent calls\","
                                + "\"temporary\":true}}");
            }
            assertThat(total.active()).isEqualTo(2);
            assertThat(total.rejected()).isEqualTo(3);
            // A call the total refused gives its handler's permit back.
            assertThat(dispatcher.bulkheads())
                    .extracting(Bulkhead::handler, Bulkhead::active)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("quick", 0),
                            org.assertj.core.groups.Tuple.tuple("slowA", 1),
                            org.assertj.core.groups.Tuple.tuple("slowB", 1));

            this.running.get(0).complete("done");
            assertThat(complete(first).reply()).asString(StandardCharsets.UTF_8).contains("\"done\"");
            assertThat(call(dispatcher, rpc("quick", "{}")).toString()).isEqualTo("{\"result\":{\"data\":\"quick\"}}");
            assertThat(total.active()).isEqualTo(1);
            this.running.forEach((call) -> call.complete("done"));
            assertThat(total.active()).isZero();
        }

        @Test
        void isSharedByEveryDispatcherOfTheSameSettings() {
            DispatchSettings settings = settings(0, 1);
            RpcDispatcher rpc = dispatcher(settings);
            ConnectionDispatcher connections = new ConnectionDispatcher(
                    settings, (context) -> dev.centrifugo4j.connect.ConnectResult.anonymous(), null);

            dispatch(rpc, rpc("slowA", "{}"));
            ProxyOutcome.Complete refused = (ProxyOutcome.Complete) connections.dispatch(ProxyInput.of(
                    ProxyType.CONNECT,
                    ("{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\"," + "\"encoding\":\"json\"}")
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(refused.code()).isEqualTo(Bulkhead.TOO_MANY_CALLS);

            this.running.get(0).complete("done");
            ProxyOutcome.Complete accepted = (ProxyOutcome.Complete) connections.dispatch(ProxyInput.of(
                    ProxyType.CONNECT,
                    ("{\"client\":\"c1\",\"transport\":\"websocket\",\"protocol\":\"json\"," + "\"encoding\":\"json\"}")
                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(accepted.failed()).isFalse();
            assertThat(settings.totalBulkhead().active()).isZero();
        }

        @Test
        void isNoneByDefaultAndRefusesANegativeLimit() {
            assertThat(DispatchSettings.builder(mapper).build().totalBulkhead()).isNull();
            assertThatIllegalStateException()
                    .isThrownBy(() -> settings(0, -1))
                    .withMessage("The concurrency limit of all proxy calls together must not be negative, but was -1");
        }
    }

    /** A result whose serialization fails. */
    public static final class Unwritable {

        public String getValue() {
            throw new IllegalStateException("not to be written");
        }
    }

    /** A synchronous handler past the timeout is reported and its result discarded; asynchronous work is cancelled. */
    @Nested
    class Deadlines {

        private final java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();

        private final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> log =
                new ch.qos.logback.core.read.ListAppender<>();

        /** The dispatchers' loggers (ProxyDispatcher, HandlerFailures, ...). */
        private final ch.qos.logback.classic.Logger dispatchLogger =
                (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("dev.centrifugo4j.dispatch");

        private final List<Object> results = new java.util.concurrent.CopyOnWriteArrayList<>();

        @org.junit.jupiter.api.BeforeEach
        void captureTheLog() {
            this.log.start();
            this.dispatchLogger.addAppender(this.log);
        }

        @org.junit.jupiter.api.AfterEach
        void releaseTheLog() {
            this.dispatchLogger.detachAppender(this.log);
        }

        private List<String> warnings() {
            return this.log.list.stream()
                    .filter((event) -> event.getLevel() == ch.qos.logback.classic.Level.WARN)
                    .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .toList();
        }

        /** A handler that takes as long as asked on the test's clock, and returns something unserializable. */
        private RpcDispatcher dispatcher(long takesMillis) {
            return RpcDispatcher.builder(DispatchSettings.builder(mapper)
                            .concurrencyLimits(ConcurrencyLimits.each(1))
                            .timeout(java.time.Duration.ofSeconds(4))
                            .clock(this.now::get)
                            .build())
                    .register(
                            noParams("report.build", false, (p) -> {
                                this.now.addAndGet(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(takesMillis));
                                // Writing it would fail (error 500): discarded, it is never written.
                                Object result = new Unwritable();
                                this.results.add(result);
                                return result;
                            }),
                            handlers)
                    .build();
        }

        @Test
        void aSynchronousHandlerPastTheTimeoutIsAnsweredAsTimedOutAndItsResultDiscarded() {
            RpcDispatcher dispatcher = dispatcher(4_001);

            for (int i = 0; i < 3; i++) {
                ProxyOutcome.Complete outcome = complete(dispatch(dispatcher, rpc("report.build", "{}")));
                assertThat(new String(outcome.reply(), StandardCharsets.UTF_8))
                        .isEqualTo("{\"error\":{\"code\":504,\"message\":\"handler timed out\",\"temporary\":true}}");
                assertThat(outcome.method()).isEqualTo("report.build");
                assertThat(outcome.code()).isEqualTo(504);
                assertThat(outcome.failure()).isNull();
            }
            assertThat(this.results).hasSize(3);
            assertThat(dispatcher.bulkheads().get(0).active()).isZero();
            // One warning naming the handler; the next two calls within ten seconds only counted.
            assertThat(warnings())
                    .singleElement()
                    .asString()
                    .startsWith("RPC 'report.build' returned after 4001 ms, past the proxy timeout of 4000 ms: its"
                            + " result was discarded")
                    .contains("Make the handler (" + Handlers.class.getName() + ".report.build())");
        }

        @Test
        void aSynchronousHandlerWithinTheTimeoutIsAnsweredAsUsual() {
            RpcDispatcher dispatcher = RpcDispatcher.builder(DispatchSettings.builder(mapper)
                            .timeout(java.time.Duration.ofSeconds(4))
                            .clock(this.now::get)
                            .build())
                    .register(
                            noParams("quick", false, (p) -> {
                                this.now.addAndGet(java.util.concurrent.TimeUnit.SECONDS.toNanos(4));
                                return "in time";
                            }),
                            handlers)
                    .build();

            assertThat(call(dispatcher, rpc("quick", "{}")).toString())
                    .isEqualTo("{\"result\":{\"data\":\"in time\"}}");
            assertThat(warnings()).isEmpty();
        }

        @Test
        void cancellingAPendingCallCancelsTheHandlersStageAndGivesItsPermitsBackQuietly() {
            CompletableFuture<String> work = new CompletableFuture<>();
            DispatchSettings settings = DispatchSettings.builder(mapper)
                    .concurrencyLimits(new ConcurrencyLimits() {
                        @Override
                        public int maxConcurrentCalls(String proxy, String handler, boolean async) {
                            return 1;
                        }

                        @Override
                        public int maxTotalCalls() {
                            return 1;
                        }
                    })
                    .build();
            RpcDispatcher dispatcher = RpcDispatcher.builder(settings)
                    .register(noParams("slow", true, (p) -> work), handlers)
                    .build();
            ProxyOutcome.Pending pending = (ProxyOutcome.Pending) dispatch(dispatcher, rpc("slow", "{}"));
            // The caller answers without the handler (its timeout), then cancels.
            CompletableFuture<ProxyOutcome.Complete> answered =
                    pending.completion().toCompletableFuture();
            ProxyOutcome.Complete timedOut = pending.answeredWith(new byte[0], HandlerFailures.timeout(), null);
            answered.complete(timedOut);

            pending.cancel();

            assertThat(work).isCancelled();
            assertThat(answered.join()).isSameAs(timedOut);
            assertThat(dispatcher.bulkheads().get(0).active()).isZero();
            assertThat(settings.totalBulkhead().active()).isZero();
            assertThat(this.log.list).isEmpty(); // the cancellation is no failure to report
            assertThat(call(dispatcher, rpc("slow", "{}")).toString()).doesNotContain("429");
        }

        @Test
        void aStageThatCompletesAfterTheCallWasAnsweredIsDiscardedButItsFailureLogged() {
            CompletableFuture<String> work = new CompletableFuture<>();
            RpcDispatcher dispatcher = RpcDispatcher.builder(
                            DispatchSettings.builder(mapper).build())
                    .register(noParams("late", true, (p) -> work), handlers)
                    .build();
            ProxyOutcome.Pending pending = (ProxyOutcome.Pending) dispatch(dispatcher, rpc("late", "{}"));
            ProxyOutcome.Complete timedOut = pending.answeredWith(new byte[0], HandlerFailures.timeout(), null);
            pending.completion().toCompletableFuture().complete(timedOut);

            work.completeExceptionally(new IllegalStateException("late failure"));

            assertThat(pending.completion().toCompletableFuture().join()).isSameAs(timedOut);
            assertThat(this.log.list).singleElement().satisfies((event) -> {
                assertThat(event.getLevel()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
                assertThat(event.getFormattedMessage()).startsWith("RPC 'late' failed [ref ");
                assertThat(event.getThrowableProxy().getMessage()).isEqualTo("late failure");
            });
        }
    }
}
