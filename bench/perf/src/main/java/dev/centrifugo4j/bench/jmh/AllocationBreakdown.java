package dev.centrifugo4j.bench.jmh;

import com.sun.management.ThreadMXBean;
import dev.centrifugo4j.bench.Stats;
import dev.centrifugo4j.bench.rpc.EchoHandlers;
import dev.centrifugo4j.bench.rpc.EchoHandlers_CentrifugoHandlers;
import dev.centrifugo4j.bench.rpc.EchoParams;
import dev.centrifugo4j.bench.rpc.EchoResult;
import dev.centrifugo4j.bench.rpc.HandWrittenRpc;
import dev.centrifugo4j.dispatch.DispatchSettings;
import dev.centrifugo4j.dispatch.ProxyCodec;
import dev.centrifugo4j.dispatch.ProxyInput;
import dev.centrifugo4j.dispatch.ProxyOutcome;
import dev.centrifugo4j.dispatch.ProxyRequest;
import dev.centrifugo4j.dispatch.ProxyType;
import dev.centrifugo4j.dispatch.RpcDispatcher;
import dev.centrifugo4j.proxy.ProxyReply;
import dev.centrifugo4j.spi.RpcMethodDefinition;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where the bytes of one in-process RPC call go, stage by stage, measured with the JVM's per-thread
 * allocation counter (exact, and unaffected by machine load, unlike timings). Writes a markdown table.
 *
 * <p>Arguments: the markdown fragment to write.
 */
public final class AllocationBreakdown {

    private static final int CALLS = 200_000;

    private static final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static Object sink;

    public static void main(String[] args) {
        JsonMapper mapper = JsonMapper.builder().build();
        Validator validator = Validation.byDefaultProvider()
                .configure()
                .messageInterpolator(new ParameterMessageInterpolator())
                .buildValidatorFactory()
                .getValidator();
        EchoHandlers handlers = new EchoHandlers();
        RpcDispatcher.Builder builder = RpcDispatcher.builder(
                DispatchSettings.builder(mapper).validator(validator).build());
        for (RpcMethodDefinition definition : new EchoHandlers_CentrifugoHandlers().methods()) {
            builder.register(definition, handlers);
        }
        RpcDispatcher dispatcher = builder.build();
        HandWrittenRpc handWritten = new HandWrittenRpc(mapper, validator, handlers);
        ProxyCodec codec = new ProxyCodec(mapper);
        byte[] body = EchoHandlers.REQUEST.getBytes(StandardCharsets.UTF_8);
        byte[] data = "{\"message\":\"hello benchmark\",\"count\":3}".getBytes(StandardCharsets.UTF_8);
        Map<String, List<String>> none = Map.of();
        Map<String, List<String>> three = Map.of(
                "Authorization", List.of("Bearer eyJhbGciOiJIUzI1NiJ9.e30.x"),
                "Cookie", List.of("SESSION=5f1e2d3c4b5a"),
                "X-Request-Id", List.of("8d6c1f0e"));
        ProxyRequest request = codec.readRequest(body);
        JsonNode tree = request.data();
        ObjectReader reader = mapper.readerFor(EchoParams.class);
        EchoParams params = new EchoParams("hello benchmark", 3);
        ProxyReply reply = ProxyReply.result(new EchoResult("hello benchmark", 3));

        StringBuilder table = new StringBuilder("| stage of one call | B/op |\n|---|---|\n");
        row(
                table,
                "starter: `RpcDispatcher.dispatch(ProxyInput)`, no forwarded headers",
                () -> reply(dispatcher.dispatch(new ProxyInput(ProxyType.RPC, body, none, null))));
        row(
                table,
                "starter: `RpcDispatcher.dispatch(ProxyInput)`, 3 forwarded headers",
                () -> reply(dispatcher.dispatch(new ProxyInput(ProxyType.RPC, body, three, null))));
        row(
                table,
                "by hand: Jackson data binding of the whole request, validate, encode",
                () -> handWritten.handle(body));
        row(
                table,
                "starter, part: `ProxyCodec.readRequest` (streamed envelope, `data` as a tree)",
                () -> codec.readRequest(body));
        row(table, "starter, part: bind `data` from the tree", () -> reader.readValue(tree));
        row(table, "alternative: bind `data` from its bytes with a new parser", () -> reader.readValue(data));
        row(table, "both: Jakarta validation of the record", () -> validator.validate(params));
        row(table, "starter, part: `ProxyCodec.writeReply` of the result", () -> codec.writeReply(reply, false));
        Stats.write(Path.of(args[0]), table.toString().strip());
    }

    private static byte[] reply(ProxyOutcome outcome) {
        return ((ProxyOutcome.Complete) outcome).reply();
    }

    private static void row(StringBuilder table, String stage, Supplier<Object> call) {
        long thread = Thread.currentThread().getId();
        for (int i = 0; i < CALLS; i++) {
            sink = call.get();
        }
        long before = threads.getThreadAllocatedBytes(thread);
        for (int i = 0; i < CALLS; i++) {
            sink = call.get();
        }
        double perCall = (threads.getThreadAllocatedBytes(thread) - before) / (double) CALLS;
        table.append(Stats.format("| %s | %,.0f |%n", stage, perCall));
    }
}
